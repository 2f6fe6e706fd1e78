"""The report's overview: completeness, state and its history, statuses at a glance, the
candidate interviewees and the documents."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeer.initialreports.domain.describe import gap_place
from citypeer.initialreports.domain.queries.reports import (
    candidate_interviewees,
    documents_of,
    status_counts,
    transitions_of,
)
from citypeer.initialreports.domain.reports import report_completeness
from citypeer.initialreports.interfaces.access import load_report, permissions
from citypeer.initialreports.interfaces.forms import ReturnForm
from citypeer.initialreports.method.report import (
    AREA_BACKGROUND,
    AREA_PROVENANCE,
    AREA_SELF_ASSESSMENT,
)
from citypeer.initialreports.models import SelfAssessment


@login_required
def overview(request, review):
    review, report = load_report(request.user, review)
    completeness = report_completeness(report)
    statuses = status_counts(report)

    def gaps(area):
        return [(gap_place(g), _(g.problem)) for g in completeness.gaps_in(area)]

    return render(request, "initialreports/overview.html", {
        "review": review,
        "report": report,
        "completeness": completeness,
        "background_gaps": gaps(AREA_BACKGROUND),
        "provenance_gaps": gaps(AREA_PROVENANCE),
        "entry_gaps": [
            (code, "; ".join(_(p) for p in problems)) for code, problems in
            completeness.gaps_by_place(AREA_SELF_ASSESSMENT).items()
        ],
        "status_counts": [
            (label, statuses.get(value, 0)) for value, label in
            [*SelfAssessment.Status.choices, ("", _("no status yet"))]
        ],
        "transitions": transitions_of(report),
        "documents": documents_of(report),
        "interviewees": candidate_interviewees(report),
        "can": permissions(request.user, report),
        "return_form": ReturnForm(),
    })
