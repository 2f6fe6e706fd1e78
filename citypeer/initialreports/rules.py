"""Who may do what with an initial report. The object is an InitialReport (saved or not yet):
the host city's officers write it while it is a draft or returned; the coordinator reads every
report and returns it with a question; the review team's peers and experts read it for their
desk review; nobody else reads it, not even the officers of another host city."""

import rules

from citypeer.initialreports.method.report import (
    AWAITING_COORDINATOR,
    DRAFT,
    RETURNED,
    host_may_edit,
)
from citypeer.people.rules import is_coordinator
from citypeer.programmes.rules import is_host_officer_of_review, is_review_team_member


@rules.predicate
def is_host_officer_of_report(user, report) -> bool:
    return report is not None and is_host_officer_of_review(user, report.review)


@rules.predicate
def is_team_member_of_report(user, report) -> bool:
    return report is not None and is_review_team_member(user, report.review)


@rules.predicate
def is_editable_by_host(user, report) -> bool:
    return report is not None and host_may_edit(report.state)


@rules.predicate
def is_draft(user, report) -> bool:
    return report is not None and report.state == DRAFT


@rules.predicate
def is_returned(user, report) -> bool:
    return report is not None and report.state == RETURNED


@rules.predicate
def is_awaiting_coordinator(user, report) -> bool:
    return report is not None and report.state in AWAITING_COORDINATOR


can_read = is_coordinator | is_host_officer_of_report | is_team_member_of_report

rules.add_perm("initialreports.view_report", can_read)
rules.add_perm("initialreports.change_report", is_host_officer_of_report & is_editable_by_host)
rules.add_perm("initialreports.submit_report", is_host_officer_of_report & is_draft)
rules.add_perm("initialreports.resubmit_report", is_host_officer_of_report & is_returned)
rules.add_perm("initialreports.return_report", is_coordinator & is_awaiting_coordinator)
