"""The people the visit may meet: the list, adding someone, drawing people in from the
initial report and the desk review, and editing one person. Team and coordinator only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, get_row, require
from citypeer.visits.domain.interviewees import (
    add_interviewee,
    draw_interviewees,
    update_interviewee,
)
from citypeer.visits.domain.queries import interviewees_in_full, planned_by_interviewee
from citypeer.visits.domain.visits import VisitError, VisitProblems
from citypeer.visits.interfaces.access import visit_or_404
from citypeer.visits.interfaces.forms import IntervieweeForm, add_problems


@login_required
def interviewees(request, review):
    review = get_review(review, user=request.user, permission="visits.view_identities")
    visit = visit_or_404(review)
    can_plan = request.user.has_perm("visits.plan_visit", review)
    form = IntervieweeForm()
    if request.method == "POST":
        require(request.user, "visits.plan_visit", review)
        form = IntervieweeForm(request.POST)
        if form.is_valid():
            try:
                row = add_interviewee(visit=visit, review=review, data=form.domain_data())
            except VisitProblems as exc:
                add_problems(form, exc.problems)
            else:
                messages.info(request, _("%(name)s added.") % {"name": row.name})
                return redirect("visits:interviewees", review=review.pk)
    planned = planned_by_interviewee(visit)
    return render(request, "visits/interviewees.html", {
        "review": review, "visit": visit, "form": form, "can_plan": can_plan,
        "rows": [{"person": r, "interview": planned.get(r.pk)}
                 for r in interviewees_in_full(visit)],
    })


@require_POST
@login_required
def draw(request, review):
    review = get_review(review, user=request.user, permission="visits.plan_visit")
    drawn = draw_interviewees(visit=visit_or_404(review), review=review)
    messages.info(request, _("%(added)s people added, %(updated)s given more indicators.")
                  % {"added": drawn.added, "updated": drawn.updated})
    return redirect("visits:interviewees", review=review.pk)


@login_required
def interviewee(request, review, pk):
    review = get_review(review, user=request.user, permission="visits.view_identities")
    visit = visit_or_404(review)
    row = get_row(interviewees_in_full(visit), pk, message=_("No such interviewee."))
    can_plan = request.user.has_perm("visits.plan_visit", review)
    form = IntervieweeForm(initial=IntervieweeForm.initial_for(row))
    conflict = None
    if request.method == "POST":
        require(request.user, "visits.plan_visit", review)
        form = IntervieweeForm(request.POST)
        if form.is_valid():
            try:
                update_interviewee(interviewee=row, review=review, data=form.domain_data(),
                                   edit_count=form.cleaned_data["edit_count"])
            except VisitProblems as exc:
                add_problems(form, exc.problems)
            except VisitError as exc:
                form.add_error(None, str(exc))
            except EditConflict as exc:
                conflict = exc
                # Sending the form again now puts this version in place of the saved one.
                data = request.POST.copy()
                data["edit_count"] = exc.edits[0].edit_count
                form = IntervieweeForm(data)
            else:
                messages.info(request, _("%(name)s saved.") % {"name": form.cleaned_data["name"]})
                return redirect(reverse("visits:interviewees", kwargs={"review": review.pk})
                                + f"#{row.reference}")
    return render(request, "visits/interviewee.html", {
        "review": review, "visit": visit, "person": row, "form": form, "can_plan": can_plan,
        "conflict": conflict}, status=409 if conflict else 200)
