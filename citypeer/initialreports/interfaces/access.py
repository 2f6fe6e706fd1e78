"""Who may do what with a review's initial report, for its pages, the API and the CLI alike:
the report is found (made on a first visit) only for someone who may read it."""

from __future__ import annotations

from citypeer.common.lookup import get_review, require
from citypeer.initialreports.domain.reports import get_or_create_report
from citypeer.initialreports.method.report import RESUBMIT, RETURN, SUBMIT
from citypeer.initialreports.models import InitialReport

VIEW = "initialreports.view_report"
CHANGE = "initialreports.change_report"
MOVE_PERMISSIONS = {
    SUBMIT: "initialreports.submit_report",
    RETURN: "initialreports.return_report",
    RESUBMIT: "initialreports.resubmit_report",
}


def load_report(user, review_id, permission: str = VIEW):
    """The review and its report (created on first visit), or Http404 / PermissionDenied."""
    review = get_review(review_id)
    # Reading depends on who asks and on the review, not on the report's state: the check
    # comes before the report is made on a first visit.
    require(user, VIEW, InitialReport(review=review))
    report = get_or_create_report(review=review)
    report.review = review
    if permission != VIEW:
        require(user, permission, report)
    return review, report


def permissions(user, report) -> dict[str, bool]:
    """What the pages offer: {"change", "submit", "resubmit", "return"}."""
    return {
        "change": user.has_perm(CHANGE, report),
        **{action: user.has_perm(perm, report) for action, perm in MOVE_PERMISSIONS.items()},
    }


def actions(user, report) -> list[str]:
    """What the API offers: "edit", then the moves the reader may make now."""
    allowed = [a for a, perm in MOVE_PERMISSIONS.items() if user.has_perm(perm, report)]
    return ["edit", *allowed] if user.has_perm(CHANGE, report) else allowed
