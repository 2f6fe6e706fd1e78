"""Who may do what with a programme and its reviews. Other apps build their permissions
from these predicates; `review` is a programmes.Review."""

import rules

from citypeer.people.rules import is_coordinator


@rules.predicate
def is_review_team_member(user, review) -> bool:
    if review is None or not user.is_authenticated:
        return False
    return user.pk in review.team_members_ids()


@rules.predicate
def is_host_officer_of_review(user, review) -> bool:
    """A host-city officer of the city under review."""
    return bool(
        review is not None and user.is_authenticated and user.is_host_officer
        and user.city_id is not None and user.city_id == review.city_id
    )


can_see_review = is_coordinator | is_review_team_member | is_host_officer_of_review

rules.add_perm("programmes.view_programme", rules.is_authenticated)
rules.add_perm("programmes.change_programme", is_coordinator)
rules.add_perm("programmes.view_review", can_see_review)
rules.add_perm("programmes.change_review", is_coordinator)
