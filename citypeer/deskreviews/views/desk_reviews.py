"""A peer's own desk review: its progress, starting it and submitting it; and the team's
desk reviews the reader may see."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_review, require
from citypeer.deskreviews.domain.desk_reviews import (
    DeskReviewSubmitted,
    NotADeskReviewer,
    start_desk_review,
    submit_desk_review,
)
from citypeer.deskreviews.domain.queries import (
    desk_review_of,
    desk_reviews_with_progress,
    indicators_of,
    performances_of,
)
from citypeer.deskreviews.views import by_pillar


@login_required
def overview(request, review):
    user = request.user
    review = get_review(review, user=user, permission="deskreviews.view_desk_reviews")
    indicators = list(indicators_of(review))
    team = list(desk_reviews_with_progress(review))
    mine = None
    for desk_review in team:
        desk_review.review = review  # the permission checks below share its cached ids
        if desk_review.peer_id == user.pk:
            mine = desk_review
    performances = performances_of(mine) if mine is not None else {}
    first_open = next((n for n, i in enumerate(indicators, 1) if not performances.get(i.pk)), 1)
    return render(request, "deskreviews/overview.html", {
        "review": review,
        "can_write": user.has_perm("deskreviews.write_desk_review", review),
        "mine": mine,
        "total": len(indicators),
        "unjudged": len(indicators) - (mine.judged if mine else 0),
        "first_open": first_open,
        "pillars": by_pillar(indicators, lambda i: performances.get(i.pk, "")),
        "team": [
            {"desk_review": d, "visible": user.has_perm("deskreviews.view_desk_review", d)}
            for d in team
        ],
        "can_see_compiled": user.has_perm("deskreviews.view_compiled_desk_review", review),
    })


@require_POST
@login_required
def start(request, review):
    review = get_review(review, user=request.user, permission="deskreviews.write_desk_review")
    try:
        start_desk_review(review=review, peer=request.user)
    except NotADeskReviewer as exc:
        raise PermissionDenied(str(exc)) from exc
    return redirect("deskreviews:judgement", review=review.pk, number=1)


@require_POST
@login_required
def submit(request, review):
    review = get_review(review)
    desk_review = desk_review_of(review=review, peer=request.user)
    if desk_review is None:
        raise Http404(_("You have no desk review of this review."))
    desk_review.review = review
    require(request.user, "deskreviews.change_desk_review", desk_review)
    try:
        submit_desk_review(desk_review=desk_review, by=request.user)
    except DeskReviewSubmitted as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Your desk review is submitted. You can now read the "
                                    "other peers' desk reviews and the compiled desk review."))
    return redirect("deskreviews:overview", review=review.pk)
