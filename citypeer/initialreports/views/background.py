"""The background sections, the report's provenance and its budgets: one form, saved all
or nothing. A save over someone else's shows both versions above the form again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import require
from citypeer.initialreports.domain.queries.reports import background_sections
from citypeer.initialreports.domain.reports import ReportLocked, save_background
from citypeer.initialreports.interfaces.access import CHANGE, load_report, permissions
from citypeer.initialreports.interfaces.forms import BackgroundForm
from citypeer.initialreports.views import back_to_overview


@login_required
def background(request, review):
    review, report = load_report(request.user, review)
    sections = list(background_sections(report))
    context = {"review": review, "report": report, "can": permissions(request.user, report),
               "sections": sections}
    form = BackgroundForm(request.POST or None, report=report, sections=sections)
    if request.method == "POST":
        require(request.user, CHANGE, report)
        if form.is_valid():
            try:
                save_background(report=report, by=request.user, **form.changes())
            except EditConflict as conflict:
                report.refresh_from_db()
                sections = list(background_sections(report))
                again = BackgroundForm.after_conflict(form, report=report, sections=sections)
                return render(request, "initialreports/background.html", {
                    **context, "sections": sections, "form": again, "conflict": conflict,
                }, status=409)
            except ReportLocked as locked:
                return back_to_overview(request, review, locked)
            messages.success(request, _("The background is saved."))
            return redirect("initialreports:background", review=review.pk)
    return render(request, "initialreports/background.html", {**context, "form": form})
