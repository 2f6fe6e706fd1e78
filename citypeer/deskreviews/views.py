"""Pages of the desk review: a peer's indicator-by-indicator judgements (autosaved), their
progress and submission, one peer's desk review read-only, and the compiled desk review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.deskreviews.domain.compiled import compiled_desk_review
from citypeer.deskreviews.domain.desk_reviews import (
    DeskReviewSubmitted,
    JudgementConflict,
    NotADeskReviewer,
    judgement_data,
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.deskreviews.domain.queries import (
    desk_review_of,
    desk_reviews_with_progress,
    indicators_of,
    judgements_in_full,
    responsible_people,
    review_for_desk_review,
    self_assessment_for,
)
from citypeer.deskreviews.interfaces.forms import JudgementForm
from citypeer.deskreviews.labels import (
    PERFORMANCE_KEYS,
    STATUS,
    alpha_label,
    performance_label,
)
from citypeer.deskreviews.models import DeskReview


def _review(review_id):
    review = review_for_desk_review(review_id)
    if review is None:
        raise Http404(_("No such review."))
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _by_pillar(indicators, performance_of):
    """Indicators grouped by pillar, each with its number (1-based position) and the
    performance `performance_of(indicator)` gives."""
    groups = []
    for number, indicator in enumerate(indicators, start=1):
        if not groups or groups[-1]["pillar"].pk != indicator.pillar_id:
            groups.append({"pillar": indicator.pillar, "items": []})
        performance = performance_of(indicator)
        groups[-1]["items"].append({
            "number": number, "indicator": indicator, "performance": performance,
            "label": performance_label(performance),
        })
    return groups


@login_required
def overview(request, review):
    review = _review(review)
    user = request.user
    _require(user, "deskreviews.view_desk_reviews", review)
    indicators = list(indicators_of(review))
    team = list(desk_reviews_with_progress(review))
    mine = None
    for desk_review in team:
        desk_review.review = review  # the permission checks below share its cached ids
        if desk_review.peer_id == user.pk:
            mine = desk_review
    can_write = user.has_perm("deskreviews.write_desk_review", review)
    performances = {}
    if mine is not None:
        performances = dict(mine.judgements.values_list("indicator_id", "performance"))
    first_open = next((n for n, i in enumerate(indicators, 1) if not performances.get(i.pk)), 1)
    return render(request, "deskreviews/overview.html", {
        "review": review,
        "can_write": can_write,
        "mine": mine,
        "total": len(indicators),
        "unjudged": len(indicators) - (mine.judged if mine else 0),
        "first_open": first_open,
        "pillars": _by_pillar(indicators, lambda i: performances.get(i.pk, "")),
        "team": [
            {"desk_review": d, "visible": user.has_perm("deskreviews.view_desk_review", d)}
            for d in team
        ],
        "can_see_compiled": user.has_perm("deskreviews.view_compiled_desk_review", review),
    })


@require_POST
@login_required
def start(request, review):
    review = _review(review)
    _require(request.user, "deskreviews.write_desk_review", review)
    try:
        start_desk_review(review=review, peer=request.user)
    except NotADeskReviewer as exc:
        raise PermissionDenied(str(exc)) from exc
    return redirect("deskreviews:judgement", review=review.pk, number=1)


@login_required
def judgement(request, review, number):
    review = _review(review)
    _require(request.user, "deskreviews.write_desk_review", review)
    desk_review = desk_review_of(review=review, peer=request.user)
    if desk_review is None:
        messages.info(request, _("Start your desk review first."))
        return redirect("deskreviews:overview", review=review.pk)
    desk_review.review = review
    indicators = list(indicators_of(review))
    if not 1 <= number <= len(indicators):
        raise Http404(_("No such indicator in this benchmark."))
    indicator = indicators[number - 1]
    judgements = {j.indicator_id: j for j in judgements_in_full().filter(desk_review=desk_review)}
    people = responsible_people(review)
    locked = desk_review.submitted_at is not None
    context = {
        "review": review, "desk_review": desk_review, "indicator": indicator, "number": number,
        "total": len(indicators), "locked": locked, "conflict": None, "error": None,
        "current_revision": None,
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
                _add_errors(form, exc)
                status = 422
            except JudgementConflict as exc:
                context["conflict"] = _conflict_rows(exc, people)
                context["current_revision"] = exc.current["revision"]
                status = 409
            except DeskReviewSubmitted as exc:
                context["error"] = str(exc)
                status = 409
            else:
                judgements[indicator.pk] = saved
                if not _is_htmx(request):
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
        if _is_htmx(request):
            return render(request, "deskreviews/_save_problem.html",
                          {**context, "form": form}, status=status)
    else:
        form = JudgementForm(initial=judgement_data(judgements.get(indicator.pk),
                                                    indicator=indicator), people=people)
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
        "pillars": _by_pillar(
            indicators,
            lambda i: judgements[i.pk].performance if i.pk in judgements else "",
        ),
        "previous": number - 1 if number > 1 else None,
        "next": number + 1 if number < len(indicators) else None,
    }, status=status)


def _add_errors(form, exc: ValidationError) -> None:
    other_fields = {"to_meet_new": _("New people to meet"), "indicator": _("Indicator"),
                    "revision": _("Revision")}
    for field, errors in exc.message_dict.items():
        if field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, [f"{other_fields.get(field, field)}: {e}" for e in errors])


def _conflict_rows(exc: JudgementConflict, people) -> list[dict]:
    names = {p.pk: str(p) for p in people}

    def show(data, field):
        value = data[field]
        if field == "performance":
            return [performance_label(value)]
        if field == "to_meet":
            return [names.get(pk, str(pk)) for pk in value]
        if field == "to_meet_new":
            return [", ".join(v for v in (p["name"], p["role"], p["organisation"]) if v)
                    for p in value]
        return list(value)

    labels = {
        "performance": _("Performance"), "known": _("We know"), "unknown": _("We don't know"),
        "suspected": _("We suspect"), "questions": _("We would like to ask"),
        "to_meet": _("We would like to meet"), "to_meet_new": _("New people to meet"),
    }
    rows = []
    for field, label in labels.items():
        current, yours = show(exc.current, field), show(exc.attempted, field)
        if current or yours:
            rows.append({"label": label, "current": current, "yours": yours,
                         "differs": current != yours})
    return rows


@require_POST
@login_required
def submit(request, review):
    review = _review(review)
    desk_review = desk_review_of(review=review, peer=request.user)
    if desk_review is None:
        raise Http404(_("You have no desk review of this review."))
    desk_review.review = review
    _require(request.user, "deskreviews.change_desk_review", desk_review)
    try:
        submit_desk_review(desk_review=desk_review, by=request.user)
    except DeskReviewSubmitted as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your desk review is submitted. You can now read the "
                                    "other peers' desk reviews and the compiled desk review."))
    return redirect("deskreviews:overview", review=review.pk)


@login_required
def peer_desk_review(request, review, peer):
    review = _review(review)
    desk_review = (DeskReview.objects.select_related("peer")
                   .filter(review=review, peer_id=peer).first())
    if desk_review is None:
        # Same answer as for a desk review one may not see, to those who may see none.
        _require(request.user, "deskreviews.view_desk_reviews", review)
        raise Http404(_("This person has no desk review of this review."))
    desk_review.review = review
    _require(request.user, "deskreviews.view_desk_review", desk_review)
    indicators = list(indicators_of(review))
    judgements = {j.indicator_id: j for j in judgements_in_full().filter(desk_review=desk_review)}
    return render(request, "deskreviews/peer.html", {
        "review": review,
        "desk_review": desk_review,
        "total": len(indicators),
        "judged": sum(1 for j in judgements.values() if j.performance),
        "rows": [
            {"number": n, "indicator": i, "judgement": judgements.get(i.pk),
             "label": performance_label(judgements[i.pk].performance if i.pk in judgements
                                        else "")}
            for n, i in enumerate(indicators, start=1)
        ],
    })


@login_required
def compiled(request, review):
    review = _review(review)
    _require(request.user, "deskreviews.view_compiled_desk_review", review)
    view = compiled_desk_review(review=review)
    numbers = {code: n for n, code in enumerate(view.indicators, start=1)}
    rows_by_pillar: dict[str, list] = {}
    for item in view.compiled.indicators:
        rows_by_pillar.setdefault(item.pillar, []).append({
            "item": item,
            "number": numbers[item.indicator],
            "indicator": view.indicators[item.indicator],
            "status_label": STATUS[item.status],
            "judgements": [
                {"peer": view.peers[j.peer], "judgement": j,
                 "label": performance_label(j.performance.value if j.performance else "")}
                for j in item.judgements
            ],
            "questions": [
                {"text": q.text, "asked_by": [view.peers[p] for p in q.asked_by]}
                for q in item.questions
            ],
            "to_meet": [
                {"person": view.people[p.key], "count": p.count,
                 "asked_by": [view.peers[k] for k in p.asked_by]}
                for p in item.to_meet
            ],
        })
    # At a glance, "nobody judged it" is told apart from "a peer needs more information",
    # though both are the status needs information.
    statuses = {}
    for item in view.compiled.indicators:
        group = "unjudged" if item.judged == 0 else item.status
        statuses.setdefault(group, []).append(item.indicator)
    groups = [*STATUS.items(), ("unjudged", _("nobody judged it"))]
    return render(request, "deskreviews/compiled.html", {
        "review": review,
        "view": view,
        "peers": [view.peers[key] for key in view.compiled.peers],
        "overall_alpha": alpha_label(view.compiled.agreement),
        "overall": view.compiled.agreement,
        "status_counts": [
            {"status": status, "label": label, "codes": statuses.get(status, [])}
            for status, label in groups
        ],
        "pillars": [
            {"pillar": view.pillars[p.pillar], "agreement": p.agreement,
             "alpha_label": alpha_label(p.agreement), "max_spread": p.max_spread,
             "rows": rows_by_pillar[p.pillar]}
            for p in view.compiled.pillars
        ],
    })

