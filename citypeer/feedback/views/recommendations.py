"""Recommendations: the list with the form to add one, and the page to change or delete one.
The corroboration guard's refusal names each finding and indicator and why; only the
coordinator sees the field to override it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, get_row, require
from citypeer.feedback.domain.queries import (
    findings_of,
    indicator_codes,
    recommendations_in_full,
    recommendations_of,
)
from citypeer.feedback.domain.recommendations import (
    RecommendationRefused,
    delete_recommendation,
    save_recommendation,
)
from citypeer.feedback.interfaces.forms import codes_typed, edit_count_sent


def _values_of(rec) -> dict:
    """What the form shows of a saved recommendation."""
    return {"text": rec.text, "timescale": rec.timescale, "edit_count": rec.edit_count,
            "indicators": ", ".join(i.code for i in rec.indicators.all()),
            "findings": [str(f.pk) for f in rec.findings.all()],
            "override_justification": rec.override_justification}


def _form(request, review, recommendation=None):
    """Saves what the form sent, or says why not: (a redirect, None) or (None, context)."""
    can_override = request.user.has_perm("feedback.override_guard", review)
    errors, problems, conflict = {}, [], None
    values = _values_of(recommendation) if recommendation is not None else {}
    if request.method == "POST":
        require(request.user, "feedback.write_recommendation", review)
        values = {"text": request.POST.get("text", ""),
                  "indicators": request.POST.get("indicators", ""),
                  "findings": request.POST.getlist("findings"),
                  "timescale": request.POST.get("timescale", ""),
                  "override_justification": request.POST.get("override_justification", ""),
                  "edit_count": edit_count_sent(request.POST)}
        try:
            save_recommendation(
                review=review, by=request.user, text=values["text"],
                indicators=codes_typed(values["indicators"]), findings=values["findings"],
                timescale=values["timescale"], recommendation=recommendation,
                edit_count=values["edit_count"],
                override_justification=values["override_justification"])
            messages.success(request, _("Recommendation saved."))
            return redirect("feedback:recommendations", review=review.pk), None
        except RecommendationRefused as exc:
            problems = exc.problems
        except ValidationError as exc:
            errors = exc.message_dict
        except EditConflict as exc:
            # The form keeps the text sent on top of the saved edit count, so that sending
            # it again is a deliberate choice.
            conflict, values["edit_count"] = exc, exc.edits[0].edit_count
    status = 409 if conflict else 400 if (errors or problems) else 200
    return None, {"errors": errors, "problems": problems, "values": values,
                  "conflict": conflict, "can_override": can_override, "status": status}


@login_required
def recommendations(request, review):
    review = get_review(review, user=request.user, permission="feedback.view_feedback")
    response, form = _form(request, review)
    if response:
        return response
    return render(request, "feedback/recommendations.html", {
        "review": review, "recommendations": recommendations_in_full(review),
        "findings": findings_of(review), "indicators": indicator_codes(review),
        "can_write": request.user.has_perm("feedback.write_feedback", review), **form,
    }, status=form["status"])


@login_required
def recommendation(request, review, pk):
    review = get_review(review, user=request.user, permission="feedback.view_feedback")
    rec = get_row(recommendations_of(review), pk)
    if request.method == "POST" and request.POST.get("action") == "delete":
        require(request.user, "feedback.write_feedback", review)
        delete_recommendation(recommendation=rec, by=request.user)
        return redirect("feedback:recommendations", review=review.pk)
    response, form = _form(request, review, rec)
    if response:
        return response
    return render(request, "feedback/recommendation.html", {
        "review": review, "recommendation": rec, "findings": findings_of(review), **form,
    }, status=form["status"])
