"""The team's work: one peer's desk review read-only, and the compiled desk review."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeer.common.lookup import get_review, require
from citypeer.deskreviews.domain.compiled import compiled_desk_review
from citypeer.deskreviews.domain.queries import desk_review_of, indicators_of, with_judgements
from citypeer.deskreviews.labels import STATUS, alpha_label, performance_label


@login_required
def peer_desk_review(request, review, peer):
    review = get_review(review)
    desk_review = desk_review_of(review=review, peer=peer)
    if desk_review is None:
        # Same answer as for a desk review one may not see, to those who may see none.
        require(request.user, "deskreviews.view_desk_reviews", review)
        raise Http404(_("This person has no desk review of this review."))
    desk_review.review = review
    require(request.user, "deskreviews.view_desk_review", desk_review)
    indicators = list(indicators_of(review))
    judgements = {j.indicator_id: j for j in with_judgements(desk_review).judgements_in_full}
    return render(request, "deskreviews/peer.html", {
        "review": review,
        "desk_review": desk_review,
        "total": len(indicators),
        "judged": desk_review.judged,
        "rows": [
            {"number": n, "indicator": i, "judgement": judgements.get(i.pk),
             "label": performance_label(judgements[i.pk].performance if i.pk in judgements
                                        else "")}
            for n, i in enumerate(indicators, start=1)
        ],
    })


def _rows_by_pillar(view) -> dict[str, list]:
    numbers = {code: n for n, code in enumerate(view.indicators, start=1)}
    rows: dict[str, list] = {}
    for item in view.compiled.indicators:
        rows.setdefault(item.pillar, []).append({
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
    return rows


@login_required
def compiled(request, review):
    review = get_review(review, user=request.user,
                        permission="deskreviews.view_compiled_desk_review")
    view = compiled_desk_review(review=review)
    rows_by_pillar = _rows_by_pillar(view)
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
        "peers": view.peers_in_order,
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
