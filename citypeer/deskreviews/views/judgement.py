"""The judgement of one indicator: the host city's self-assessment beside the peer's form,
autosaved as the peer types (htmx) or saved with its buttons. A save over a version saved
elsewhere shows both and offers to keep the peer's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review
from citypeer.deskreviews.domain.desk_reviews import (
    DeskReviewSubmitted,
    judgement_values,
    save_judgement,
)
from citypeer.deskreviews.domain.queries import (
    desk_review_of,
    indicators_of,
    judgements_of,
    responsible_people,
    self_assessment_for,
)
from citypeer.deskreviews.interfaces.forms import JudgementForm
from citypeer.deskreviews.labels import PERFORMANCE_KEYS, performance_label
from citypeer.deskreviews.views import by_pillar, is_htmx


@login_required
def judgement(request, review, number):
    review = get_review(review, user=request.user, permission="deskreviews.write_desk_review")
    desk_review = desk_review_of(review=review, peer=request.user)
    if desk_review is None:
        messages.info(request, _("Start your desk review first."))
        return redirect("deskreviews:overview", review=review.pk)
    desk_review.review = review
    indicators = list(indicators_of(review))
    if not 1 <= number <= len(indicators):
        raise Http404(_("No such indicator in this benchmark."))
    indicator = indicators[number - 1]
    judgements = {j.indicator_id: j for j in judgements_of(desk_review)}
    people = responsible_people(review)
    locked = desk_review.submitted_at is not None
    context = {
        "review": review, "desk_review": desk_review, "indicator": indicator, "number": number,
        "total": len(indicators), "locked": locked, "conflict": None, "error": None,
    }
    status = 200
    if request.method == "POST":
        form = JudgementForm(request.POST, people=people)
        if locked:
            context["error"] = _("This desk review is submitted and can no longer change.")
            status = 409
        elif form.is_valid():
            try:
                saved = save_judgement(desk_review=desk_review, indicator=indicator,
                                       by=request.user, **form.judgement_kwargs())
            except ValidationError as exc:
                form.add_domain_errors(exc)
                status = 422
            except EditConflict as exc:
                context["conflict"] = exc
                status = 409
            except DeskReviewSubmitted as exc:
                context["error"] = str(exc)
                status = 409
            else:
                judgements[indicator.pk] = saved
                if not is_htmx(request):
                    messages.success(request, _("Draft saved."))
                    onwards = "save_next" in request.POST and number < len(indicators)
                    go = number + 1 if onwards else number
                    return redirect("deskreviews:judgement", review=review.pk, number=go)
                label = performance_label(saved.performance)
                return render(request, "deskreviews/_saved.html", {
                    **context, "judgement": saved,
                    "judged": sum(1 for j in judgements.values() if j.performance),
                    "performance_label": label,
                    "saved_item": {"number": number, "indicator": indicator,
                                   "performance": saved.performance, "label": label},
                })
        else:
            status = 422
        if is_htmx(request):
            return render(request, "deskreviews/_save_problem.html",
                          {**context, "form": form}, status=status)
    else:
        form = JudgementForm(initial=judgement_values(judgements.get(indicator.pk)),
                             people=people)
    assessment = self_assessment_for(review=review, indicator=indicator)
    named = set()
    if assessment is not None:
        named = {assessment.politically_responsible_id, assessment.operationally_responsible_id}
    chosen = {int(v) for v in (form["to_meet"].value() or []) if str(v).isdigit()}
    people_rows = sorted(
        ({"person": p, "named": p.pk in named, "chosen": p.pk in chosen} for p in people),
        key=lambda row: not row["named"],  # those the report names for this indicator first
    )
    return render(request, "deskreviews/judgement.html", {
        **context,
        "form": form,
        "assessment": assessment,
        "people": people_rows,
        "new_people": [*form.new_people(), {"name": "", "role": "", "organisation": ""}],
        "performance_choices": [
            {"value": value, "label": label, "key": PERFORMANCE_KEYS.get(value, "")}
            for value, label in form.fields["performance"].choices
        ],
        "chosen_performance": form["performance"].value() or "",
        "judged": sum(1 for j in judgements.values() if j.performance),
        "pillars": by_pillar(
            indicators,
            lambda i: judgements[i.pk].performance if i.pk in judgements else "",
        ),
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < len(indicators) else None,
    }, status=status)
