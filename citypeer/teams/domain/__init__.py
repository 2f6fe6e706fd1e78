"""What the method says about teams, conflicts and training, as functions with keyword-only
arguments. The pages, the API and the CLI all go through them."""
