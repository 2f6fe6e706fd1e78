"""Moving the report between its states: the host city submits and resubmits it, the
coordinator returns it with a question."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.initialreports.domain.transitions import (
    QuestionRequired,
    ReportIncomplete,
    TransitionNotAllowed,
    resubmit_report,
    return_report,
    submit_report,
)
from citypeer.initialreports.interfaces.access import MOVE_PERMISSIONS, load_report
from citypeer.initialreports.interfaces.forms import ReturnForm
from citypeer.initialreports.method.report import RESUBMIT, RETURN, SUBMIT
from citypeer.initialreports.views import overview_url


def _move(request, review_id, action, move, **kwargs):
    review, report = load_report(request.user, review_id, MOVE_PERMISSIONS[action])
    try:
        move(report=report, by=request.user, **kwargs)
    except ReportIncomplete as incomplete:
        messages.error(request, _("The report cannot be sent yet: %(count)d things are missing "
                                  "(listed below).") % {"count": len(incomplete.missing)})
    except (TransitionNotAllowed, QuestionRequired) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The report is %(state)s.")
                         % {"state": report.get_state_display()})
    return redirect(overview_url(review))


@login_required
@require_POST
def submit(request, review):
    return _move(request, review, SUBMIT, submit_report)


@login_required
@require_POST
def resubmit(request, review):
    return _move(request, review, RESUBMIT, resubmit_report,
                 message=request.POST.get("message", ""))


@login_required
def return_for_clarification(request, review):
    review, report = load_report(request.user, review, MOVE_PERMISSIONS[RETURN])
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _move(request, review.pk, RETURN, return_report,
                     question=form.cleaned_data["question"])
    return render(request, "initialreports/return.html", {
        "review": review, "report": report, "form": form,
    }, status=400 if form.errors else 200)
