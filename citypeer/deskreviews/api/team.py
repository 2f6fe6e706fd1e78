"""The team's desk reviews: those one may see, one peer's, and the compiled desk review."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.lookup import get_review, require
from citypeer.deskreviews.api.mine import full
from citypeer.deskreviews.domain.compiled import compiled_desk_review
from citypeer.deskreviews.domain.queries import (
    desk_review_of,
    desk_reviews_with_progress,
    indicators_of,
)
from citypeer.deskreviews.interfaces.serializers import (
    CompiledDeskReviewSerializer,
    DeskReviewSerializer,
    DeskReviewSummarySerializer,
)


class DeskReviewList(APIView):
    """The review's desk reviews that you may see, with each one's progress."""

    @extend_schema(responses=DeskReviewSummarySerializer(many=True),
                   operation_id="desk_reviews_list")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="deskreviews.view_desk_reviews")
        visible = []
        for desk_review in desk_reviews_with_progress(review):
            desk_review.review = review
            if request.user.has_perm("deskreviews.view_desk_review", desk_review):
                visible.append(desk_review)
        return Response(DeskReviewSummarySerializer(
            visible, many=True, context={"total": indicators_of(review).count()}).data)


class PeerDeskReview(APIView):
    """One peer's desk review: the coordinator sees drafts; a peer sees the others'
    submitted desk reviews once their own is submitted."""

    @extend_schema(responses=DeskReviewSerializer, operation_id="desk_review_of_peer")
    def get(self, request, review, peer):
        review = get_review(review)
        desk_review = desk_review_of(review=review, peer=peer)
        if desk_review is None:
            # Same answer as for a desk review one may not see, to those who may see none.
            require(request.user, "deskreviews.view_desk_reviews", review)
            raise Http404
        desk_review.review = review
        require(request.user, "deskreviews.view_desk_review", desk_review)
        return Response(full(desk_review, review))


class CompiledDeskReviewDetail(APIView):
    """The compiled desk review: per indicator every peer's judgement side by side, the
    team status, the merged questions and people to meet with counts; per pillar
    Krippendorff's alpha and the largest spread. This is what the visit planner reads."""

    @extend_schema(responses=CompiledDeskReviewSerializer, operation_id="desk_review_compiled")
    def get(self, request, review):
        review = get_review(review, user=request.user,
                            permission="deskreviews.view_compiled_desk_review")
        return Response(CompiledDeskReviewSerializer(compiled_desk_review(review=review)).data)
