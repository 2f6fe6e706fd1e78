"""Who sees and writes desk reviews.

A peer writes their own desk review and sees the other peers' (and the compiled desk
review) only once their own is submitted, so that no one's first reading is shaped by the
others'. Drafts are seen by their author and the coordinator only. The host city never sees
desk reviews, whatever other role its officer has. Predicates ending in `_review` take a
programmes.Review; the others a DeskReview.
"""

import rules

from citypeer.deskreviews.domain.queries import desk_reviewer_ids, submitted_peer_ids
from citypeer.people.rules import is_coordinator
from citypeer.programmes.rules import is_host_officer_of_review


@rules.predicate
def is_desk_reviewer_of_review(user, review) -> bool:
    """A peer or expert of the review's team."""
    if review is None or not user.is_authenticated:
        return False
    return user.pk in desk_reviewer_ids(review)


@rules.predicate
def has_submitted_own_for_review(user, review) -> bool:
    if review is None or not user.is_authenticated:
        return False
    return user.pk in submitted_peer_ids(review)


@rules.predicate
def is_author(user, desk_review) -> bool:
    return bool(desk_review is not None and user.is_authenticated
                and desk_review.peer_id == user.pk)


@rules.predicate
def is_submitted(user, desk_review) -> bool:
    return bool(desk_review is not None and desk_review.submitted_at is not None)


@rules.predicate
def is_desk_reviewer_of_its_review(user, desk_review) -> bool:
    return desk_review is not None and is_desk_reviewer_of_review(user, desk_review.review)


@rules.predicate
def has_submitted_own_for_its_review(user, desk_review) -> bool:
    return desk_review is not None and has_submitted_own_for_review(user, desk_review.review)


@rules.predicate
def is_host_officer_of_its_review(user, desk_review) -> bool:
    return desk_review is not None and is_host_officer_of_review(user, desk_review.review)


sees_team_work = is_coordinator | (is_desk_reviewer_of_review & has_submitted_own_for_review)

# On a review
rules.add_perm("deskreviews.write_desk_review",
               ~is_host_officer_of_review & is_desk_reviewer_of_review)
rules.add_perm("deskreviews.view_desk_reviews",
               ~is_host_officer_of_review & (is_coordinator | is_desk_reviewer_of_review))
rules.add_perm("deskreviews.view_compiled_desk_review",
               ~is_host_officer_of_review & sees_team_work)

# On a desk review
rules.add_perm(
    "deskreviews.view_desk_review",
    ~is_host_officer_of_its_review & (
        is_coordinator
        | (is_author & is_desk_reviewer_of_its_review)
        | (is_submitted & is_desk_reviewer_of_its_review & has_submitted_own_for_its_review)
    ),
)
rules.add_perm(
    "deskreviews.change_desk_review",
    ~is_host_officer_of_its_review & is_author & is_desk_reviewer_of_its_review & ~is_submitted,
)
