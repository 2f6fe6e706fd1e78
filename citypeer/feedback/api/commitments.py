"""The city's response to each recommendation through the API, once the report is released,
and the coordinator's follow-up across a programme."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, edit_count_from
from citypeer.common.lookup import get_review, get_row, require
from citypeer.feedback.domain.commitments import follow_up_rows, record_commitment
from citypeer.feedback.domain.queries import get_programme, recommendations_of
from citypeer.feedback.interfaces.serializers import (
    CONFLICT_OR_REFUSED,
    CommitmentSerializer,
    FollowUpRowSerializer,
)


class CommitmentDetail(APIView):
    @extend_schema(request=CommitmentSerializer,
                   responses={200: CommitmentSerializer, 400: BAD_INPUT,
                              409: CONFLICT_OR_REFUSED},
                   operation_id="commitment_save")
    def put(self, request, review, pk):
        review = get_review(review, user=request.user,
                            permission="feedback.update_commitment")
        rec = get_row(recommendations_of(review), pk)
        edit_count = edit_count_from(request)
        serializer = CommitmentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if k != "edit_count"}
        row = record_commitment(recommendation=rec, by=request.user, edit_count=edit_count,
                                **data)
        return Response(CommitmentSerializer(row).data)


class FollowUp(APIView):
    @extend_schema(responses=FollowUpRowSerializer(many=True),
                   operation_id="commitments_follow_up")
    def get(self, request, slug):
        programme = get_programme(slug)
        require(request.user, "feedback.view_follow_up", programme)
        return Response(FollowUpRowSerializer(follow_up_rows(programme), many=True).data)
