"""The survey's pages, by page group (urls.py points at the modules)."""
