"""Moving the initial report between its states: the host city submits it, the coordinator
returns it with a question, the host city resubmits it, and so on until it is accepted for the
desk review. Each move is kept as a ReportTransition."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.common.refusals import Refused
from citypeer.initialreports.domain import notifications
from citypeer.initialreports.domain.describe import describe_gap
from citypeer.initialreports.domain.reports import report_completeness
from citypeer.initialreports.method.report import (
    RESUBMIT,
    RETURN,
    SUBMIT,
    Completeness,
    TransitionRefused,
    clean_text,
    next_state,
)
from citypeer.initialreports.models import InitialReport, ReportTransition
from citypeer.programmes.domain.programmes import mark_step
from citypeer.programmes.models import ReviewStep


class TransitionNotAllowed(Refused):
    """The report's state does not allow this move (the API answers 409)."""

    def __init__(self, state: str, action: str):
        self.state, self.action = state, action
        super().__init__(
            _("A report that is %(state)s cannot be %(action)s.")
            % {"state": InitialReport.State(state).label, "action": ACTION_PAST[action]()}
        )


class ReportIncomplete(Refused):
    """Submission refused: the message lists everything still missing, and so do the
    problems, one each."""

    status_code = 400

    def __init__(self, completeness: Completeness, describe):
        self.completeness = completeness
        self.missing = [describe(gap) for gap in completeness.gaps]
        super().__init__(
            _("The report cannot be sent yet; %(count)d things are missing: %(missing)s.")
            % {"count": len(self.missing), "missing": "; ".join(self.missing)},
            problems=self.missing,
        )


class QuestionRequired(Refused):
    status_code = 400

    def __init__(self):
        super().__init__(_("Say what the host city should clarify."))


ACTION_PAST = {
    SUBMIT: lambda: _("submitted"),
    RETURN: lambda: _("returned for clarification"),
    RESUBMIT: lambda: _("resubmitted"),
}


def submit_report(*, report: InitialReport, by) -> ReportTransition:
    return _move(report, SUBMIT, by=by)


def resubmit_report(*, report: InitialReport, by, message: str = "") -> ReportTransition:
    return _move(report, RESUBMIT, by=by, message=message)


def return_report(*, report: InitialReport, by, question: str) -> ReportTransition:
    """Back to the host city for clarification, with the coordinator's question."""
    if not clean_text(question):
        raise QuestionRequired()
    return _move(report, RETURN, by=by, message=question)


STEP_STATUS_AFTER = {
    InitialReport.State.SUBMITTED: ReviewStep.Status.DONE,
    InitialReport.State.RESUBMITTED: ReviewStep.Status.DONE,
    InitialReport.State.RETURNED: ReviewStep.Status.IN_PROGRESS,
    InitialReport.State.DRAFT: ReviewStep.Status.IN_PROGRESS,
}


def _move(report: InitialReport, action: str, *, by, message: str = "") -> ReportTransition:
    with transaction.atomic():
        locked = InitialReport.objects.select_for_update(of=("self",)).select_related(
            "review__city", "review__programme"
        ).get(pk=report.pk)
        try:
            target = next_state(locked.state, action)
        except TransitionRefused:
            raise TransitionNotAllowed(locked.state, action) from None
        if action in (SUBMIT, RESUBMIT):
            completeness = report_completeness(locked)
            if not completeness.complete:
                raise ReportIncomplete(completeness, describe_gap)
        transition = ReportTransition.objects.create(
            report=locked, from_state=locked.state, to_state=target, by=by,
            message=clean_text(message),
        )
        locked.state = target
        locked._history_user = by
        locked.save(update_fields=["state"])
        # The dashboard shows step 3 done while the report is with the peers.
        mark_step(review=locked.review, step=ReviewStep.Step.INITIAL_REPORT,
                  status=STEP_STATUS_AFTER[target])
        transaction.on_commit(lambda: notifications.report_moved(locked, transition))
    report.state = target
    return transition
