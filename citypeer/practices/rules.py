"""Who reads the catalogue, adds practices found in a review, and sees the suggestions for a
review. `review` is a programmes.Review."""

import rules

from citypeer.people.rules import is_coordinator
from citypeer.programmes.rules import can_see_review, is_review_team_member

rules.add_perm("practices.view_catalogue", rules.is_authenticated)
rules.add_perm("practices.add_practice", is_coordinator | is_review_team_member)
rules.add_perm("practices.view_suggestions", can_see_review)
