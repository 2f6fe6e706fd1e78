"""Who sees and plans the visit. The object is a programmes.Review.

The review team and the coordinator plan the visit and know whom it meets. The host city's
officers help organise the visit (rooms, the host's sessions, its timetable), so they see the
timetable, but with every interviewee as a reference (`P-12`) and never a name, role or
organisation: evidence cites interviews by number (`AC/I/3 – Interview 17 – JB & FC`), so
whoever can tie a number to a person can tie what was said to who said it. For the same
reason they see no brief (briefs carry the team's hypotheses, which the host city never sees
in the desk review either). An officer of the host city who is also a coordinator or on the
team is still the host: what the host may not see does not depend on their other roles.
"""

import rules

from citypeer.people.rules import is_coordinator
from citypeer.programmes.rules import is_host_officer_of_review, is_review_team_member

team_or_coordinator = ~is_host_officer_of_review & (is_coordinator | is_review_team_member)

rules.add_perm("visits.view_visit",
               is_coordinator | is_review_team_member | is_host_officer_of_review)
rules.add_perm("visits.view_identities", team_or_coordinator)
rules.add_perm("visits.view_briefs", team_or_coordinator)
rules.add_perm("visits.plan_visit", team_or_coordinator)
