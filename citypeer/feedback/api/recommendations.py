"""Recommendations through the API: the corroboration guard refuses with a 400 naming each
finding and indicator and why; only the coordinator overrides it."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import EDIT_CONFLICT, edit_count_from
from citypeer.common.lookup import get_review, get_row
from citypeer.feedback.domain.queries import recommendations_in_full, recommendations_of
from citypeer.feedback.domain.recommendations import RecommendationRefused, save_recommendation
from citypeer.feedback.interfaces.serializers import (
    GUARD_REFUSED,
    GuardRefusalSerializer,
    RecommendationSerializer,
)


def _save(request, review, recommendation=None) -> Response:
    edit_count = None if recommendation is None else edit_count_from(request)
    serializer = RecommendationSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = {k: v for k, v in serializer.validated_data.items() if k != "edit_count"}
    try:
        rec = save_recommendation(review=review, by=request.user, recommendation=recommendation,
                                  edit_count=edit_count, **data)
    except RecommendationRefused as exc:
        return Response(GuardRefusalSerializer(exc).data, status=exc.status_code)
    return Response(RecommendationSerializer(rec).data,
                    status=status.HTTP_200_OK if recommendation else status.HTTP_201_CREATED)


class Recommendations(APIView):
    @extend_schema(responses=RecommendationSerializer(many=True),
                   operation_id="recommendations_list")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.open_feedback")
        return Response(RecommendationSerializer(recommendations_in_full(review),
                                                 many=True).data)

    @extend_schema(request=RecommendationSerializer,
                   responses={201: RecommendationSerializer, 400: GUARD_REFUSED},
                   operation_id="recommendations_add")
    def post(self, request, review):
        review = get_review(review, user=request.user,
                            permission="feedback.write_recommendation")
        return _save(request, review)


class RecommendationDetail(APIView):
    @extend_schema(request=RecommendationSerializer,
                   responses={200: RecommendationSerializer, 400: GUARD_REFUSED,
                              409: EDIT_CONFLICT},
                   operation_id="recommendation_change")
    def put(self, request, review, pk):
        review = get_review(review, user=request.user,
                            permission="feedback.write_recommendation")
        return _save(request, review, get_row(recommendations_of(review), pk))

