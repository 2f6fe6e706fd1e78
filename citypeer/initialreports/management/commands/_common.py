"""What the initial report commands share: the review, and who acts."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.http import Http404

from citypeer.common.lookup import get_review
from citypeer.initialreports.domain.queries.reports import report_of
from citypeer.initialreports.domain.reports import get_or_create_report
from citypeer.initialreports.interfaces.access import load_report


def acting_person(username):
    if not username:
        return None
    person = get_user_model().objects.filter(username=username).first()
    if person is None:
        raise CommandError(f"There is no person with the user name {username!r}.")
    return person


def report_for(review_id: int, person, permission: str):
    """The review and its report. With a person, their permission is checked as on the
    pages; without, the command runs as the platform's operator."""
    if person is not None:
        try:
            return load_report(person, review_id, permission)
        except Http404:
            raise CommandError(_no_review(review_id)) from None
        except PermissionDenied:
            raise CommandError(
                f"{person.username} may not do this with the initial report of review "
                f"{review_id}."
            ) from None
    try:
        review = get_review(review_id)
    except Http404:
        raise CommandError(_no_review(review_id)) from None
    report = report_of(review) or get_or_create_report(review=review)
    report.review = review
    return review, report


def _no_review(review_id: int) -> str:
    return f"There is no peer review {review_id}."
