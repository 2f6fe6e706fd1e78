"""The assessment: every indicator's proposal beside the team's colour, the pillar x value
matrix, and one indicator with its evidence where the team sets the final colour."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import (
    assessment_for,
    assessment_rows,
    matrix_for,
    set_final_colour,
)
from citypeer.assessment.domain.audit import audit_trail
from citypeer.assessment.domain.evidence import references_of
from citypeer.assessment.domain.queries import evidence_on, indicator_of
from citypeer.assessment.interfaces.forms import AssessmentForm, add_domain_errors
from citypeer.assessment.views.shared import abilities, colour_chip
from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, require


@login_required
def assessment(request, review):
    review = get_review(review, user=request.user, permission="assessment.view_assessment")
    rows = assessment_rows(review)
    matrix = matrix_for(review, rows)
    by_code = {r.indicator.code: r for r in rows}
    matrix_rows = []
    if matrix is not None:
        names = {r.indicator.pillar.code: r.indicator.pillar.name for r in rows}
        for pillar, cells in matrix.rows:
            matrix_rows.append({"pillar": pillar, "name": names.get(pillar, pillar), "cells": [
                {"cell": cell, "indicators": [
                    {"code": code, "colour": colour_chip(colour.value),
                     "differs": by_code[code].differs}
                    for code, colour in cell.colours]}
                for cell in cells]})
    return render(request, "assessment/assessment.html", {
        "review": review, **abilities(request, review), "matrix": matrix,
        "matrix_rows": matrix_rows,
        "rows": [{"row": r, "proposal_colour": colour_chip(r.proposal.colour.value),
                  "final_colour": colour_chip(r.final_colour) if r.final_colour else None}
                 for r in rows],
    })


@login_required
def indicator(request, review, code):
    review = get_review(review, user=request.user, permission="assessment.view_assessment")
    found = indicator_of(review, code)
    if found is None:
        raise Http404(_("No such indicator in this benchmark."))
    current = assessment_for(review, indicator=found)
    can_decide = request.user.has_perm("assessment.change_assessment", review)
    conflict, status = None, 200
    if request.method == "POST":
        require(request.user, "assessment.change_assessment", review)
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                set_final_colour(review=review, indicator=found, by=request.user,
                                 **form.cleaned_data)
            except ValidationError as exc:
                add_domain_errors(form, exc)
                status = 422
            except EditConflict as exc:
                conflict, status = exc, 409
            else:
                messages.success(request, _("The assessment of %(code)s is saved.")
                                 % {"code": found.code})
                return redirect("assessment:indicator", review=review.pk, code=found.code)
        else:
            status = 422
    else:
        form = AssessmentForm(initial=AssessmentForm.initial_from(current))
    items = list(evidence_on(review, found))
    counted = set(current.proposal.evidence)
    return render(request, "assessment/indicator.html", {
        "review": review, **abilities(request, review), "indicator": found, "current": current,
        "form": form, "can_decide": can_decide, "conflict": conflict,
        "proposal_colour": colour_chip(current.proposal.colour.value),
        "final_colour": colour_chip(current.final_colour) if current.final_colour else None,
        "decided_against": (colour_chip(current.decision.proposed_colour)
                            if current.final_colour and current.decision.proposed_colour
                            else None),
        "counted_numbers": sorted({i.interview.number for i in items
                                   if str(i.interview_id) in current.proposal.counted}),
        "evidence": [{"item": i, "references": references_of(i), "counts": str(i.pk) in counted}
                     for i in items],
        "trail": audit_trail(review, kinds={"assessment"},
                             object_id=current.decision.pk) if current.decision else [],
    }, status=status)
