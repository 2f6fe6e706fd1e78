"""What several apps share, written once: edit conflicts, uploads, looking up a review with
a permission check, refusals."""
