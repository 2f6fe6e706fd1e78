"""A peer's own desk review: starting it, judging each indicator, submitting it."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.common.lookup import get_review, require
from citypeer.deskreviews.domain.desk_reviews import (
    judgement_values,
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.deskreviews.domain.queries import (
    desk_review_of,
    indicator_by_code,
    indicators_of,
    judgement_of,
    with_judgements,
)
from citypeer.deskreviews.interfaces.serializers import DeskReviewSerializer, JudgementSerializer
from citypeer.deskreviews.models import DeskJudgement

WRITE = "deskreviews.write_desk_review"
CHANGE = "deskreviews.change_desk_review"


def full(desk_review, review) -> dict:
    return DeskReviewSerializer(with_judgements(desk_review),
                                context={"total": indicators_of(review).count()}).data


def own(request, review_id):
    """The review and the asker's own desk review of it, or 404 (403 for one who may not
    write one)."""
    review = get_review(review_id, user=request.user, permission=WRITE)
    desk_review = desk_review_of(review=review, peer=request.user)
    if desk_review is None:
        raise Http404
    desk_review.review = review
    return review, desk_review


class MyDeskReview(APIView):
    """Your own desk review of a review, with every judgement you have saved."""

    @extend_schema(responses={200: DeskReviewSerializer}, operation_id="desk_review_mine")
    def get(self, request, review):
        review, desk_review = own(request, review)
        return Response(full(desk_review, review))

    @extend_schema(request=None, responses={200: DeskReviewSerializer, 201: DeskReviewSerializer,
                                            403: REFUSED},
                   operation_id="desk_review_start")
    def post(self, request, review):
        """Start your desk review (or get it, if it is started)."""
        review = get_review(review, user=request.user, permission=WRITE)
        existed = desk_review_of(review=review, peer=request.user) is not None
        desk_review = start_desk_review(review=review, peer=request.user)
        desk_review.review = review
        return Response(full(desk_review, review),
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)


class MyDeskReviewSubmit(APIView):
    """Submit your desk review: it is locked and you see the other peers' desk reviews."""

    @extend_schema(request=None, responses={200: DeskReviewSerializer, 409: REFUSED},
                   operation_id="desk_review_submit")
    def post(self, request, review):
        review, desk_review = own(request, review)
        require(request.user, CHANGE, desk_review)
        submit_desk_review(desk_review=desk_review, by=request.user)
        return Response(full(desk_review, review))


class MyJudgement(APIView):
    """Your judgement of one indicator (by its code, e.g. AC/A/3)."""

    def _target(self, request, review_id, code):
        review, desk_review = own(request, review_id)
        indicator = indicator_by_code(review, code)
        if indicator is None:
            raise Http404
        return desk_review, indicator, judgement_of(desk_review, indicator)

    @extend_schema(responses=JudgementSerializer, operation_id="desk_judgement_get")
    def get(self, request, review, indicator):
        _desk_review, indicator, judgement = self._target(request, review, indicator)
        blank = DeskJudgement(indicator=indicator)
        return Response(JudgementSerializer(judgement or blank).data)

    @extend_schema(request=JudgementSerializer,
                   responses={200: JudgementSerializer, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                   operation_id="desk_judgement_put")
    def put(self, request, review, indicator):
        """Replace the judgement; fields left out are empty."""
        return self._save(request, review, indicator, partial=False)

    @extend_schema(request=JudgementSerializer,
                   responses={200: JudgementSerializer, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                   operation_id="desk_judgement_patch")
    def patch(self, request, review, indicator):
        """Change some fields of the judgement; `edit_count` is required."""
        return self._save(request, review, indicator, partial=True)

    def _save(self, request, review_id, code, *, partial):
        desk_review, indicator, judgement = self._target(request, review_id, code)
        require(request.user, CHANGE, desk_review)
        data = _valid_input(request, partial=partial)
        if partial:
            current = judgement_values(judgement)
            data = {name: data.get(name, current[name]) for name in current}
        data["to_meet_new"] = [dict(p) for p in data["to_meet_new"]]
        saved = save_judgement(desk_review=desk_review, indicator=indicator, by=request.user,
                               **data)
        return Response(JudgementSerializer(saved).data)


def _valid_input(request, *, partial) -> dict:
    """The judgement sent, with the edit count it started from; every wrong field is named
    at once (400)."""
    serializer = JudgementSerializer(data=request.data, partial=partial)
    errors = {} if serializer.is_valid() else dict(serializer.errors)
    try:
        edit_count = edit_count_from(request)
    except serializers.ValidationError as exc:
        errors.update(exc.detail)
    if errors:
        raise serializers.ValidationError(errors)
    return {**serializer.validated_data, "edit_count": edit_count}
