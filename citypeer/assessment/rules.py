"""Who sees and writes the evidence bank and the assessment of a review.

The bank holds what interviewees said and who they are: personal data for the review team
and the coordinator only. The host city's officers see neither the bank, nor the
assessment built on it, nor any interviewee's identity, whatever other role they have (the
findings reach the city through the agreed report of step 7). The team records evidence and
decides colours; the coordinator reads everything and restores deleted items. Every
permission takes a programmes.Review.
"""

import rules

from citypeer.people.rules import is_coordinator
from citypeer.programmes.rules import is_host_officer_of_review, is_review_team_member

sees_bank = ~is_host_officer_of_review & (is_coordinator | is_review_team_member)
works_on_bank = ~is_host_officer_of_review & is_review_team_member

rules.add_perm("assessment.view_bank", sees_bank)
rules.add_perm("assessment.view_interviewees", sees_bank)
rules.add_perm("assessment.view_assessment", sees_bank)
rules.add_perm("assessment.view_audit", sees_bank)
rules.add_perm("assessment.record_evidence", works_on_bank)
rules.add_perm("assessment.change_assessment", works_on_bank)
rules.add_perm("assessment.restore_deleted", ~is_host_officer_of_review & is_coordinator)
