"""What the pages, the API and the CLI do with the survey: the same functions for all three."""
