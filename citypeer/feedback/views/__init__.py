"""Pages of step 7, one module per page group: the step's overview, headline findings and
their one-page summary, recommendations with the corroboration guard, the report composer
(sections, versions, diffs, edit conflicts, approval, release), reading the report and its
downloads made in the background, the city's commitments and the coordinator's follow-up
across a programme. `urls.py` points at the modules."""
