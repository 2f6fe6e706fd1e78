"""Who comments on indicators (the people taking part in a programme: peers, experts and
host-city officers, and the coordinator) and who drafts and publishes a new version (the
coordinator). Predicates take a programmes.Programme."""

import rules

from citypeer.comparisons.rules import takes_part_in_programme
from citypeer.people.rules import is_coordinator

rules.add_perm("revisions.comment_on_indicators", is_coordinator | takes_part_in_programme)
rules.add_perm("revisions.draft_revision", is_coordinator)
