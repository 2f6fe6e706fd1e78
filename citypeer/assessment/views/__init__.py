"""Pages of step 6, by page group: the evidence bank and fast entry (`bank`), the assessment
per indicator and the pillar x value matrix (`assessment`), strengths, weaknesses and good
practices (`findings`), and the audit trail with restore for the coordinator (`audit`).
The old addresses under /reviews/<id>/evidence/ are sent on (`assessment.moved_urls`)."""
