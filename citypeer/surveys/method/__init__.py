"""The annual Integrating Cities survey's rules in plain Python: definitions and their checks,
answers and conditions, XLSForm reading and writing, results and trends, safe tables."""
