"""The people the visit may meet, through the API (team and coordinator only: personal
data)."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, edit_count_from
from citypeer.common.lookup import get_review, get_row, require
from citypeer.visits.domain.interviewees import (
    add_interviewee,
    draw_interviewees,
    update_interviewee,
)
from citypeer.visits.domain.queries import interviewees_in_full
from citypeer.visits.interfaces.access import visit_or_404
from citypeer.visits.interfaces.serializers import (
    STALE_OR_REFUSED,
    VisitDrawnSerializer,
    VisitIntervieweeSerializer,
)


def _changes(serializer) -> dict:
    """What the domain reads of a valid interviewee: everything but the edit count."""
    data = dict(serializer.validated_data)
    data.pop("edit_count", None)
    return data


class IntervieweeList(APIView):
    """The people the visit may meet (team and coordinator only: personal data)."""

    @extend_schema(responses=VisitIntervieweeSerializer(many=True),
                   operation_id="interviewees_list")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="visits.view_identities")
        rows = interviewees_in_full(visit_or_404(review))
        return Response(VisitIntervieweeSerializer(rows, many=True).data)

    @extend_schema(request=VisitIntervieweeSerializer,
                   responses={201: VisitIntervieweeSerializer, 400: BAD_INPUT},
                   operation_id="interviewees_add")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="visits.plan_visit")
        visit = visit_or_404(review)
        serializer = VisitIntervieweeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        row = add_interviewee(visit=visit, review=review, data=_changes(serializer))
        return Response(VisitIntervieweeSerializer(row).data, status=status.HTTP_201_CREATED)


class IntervieweeDraw(APIView):
    """Draw in the people the initial report names and the desk review wants to meet."""

    @extend_schema(request=None, responses=VisitDrawnSerializer, operation_id="interviewees_draw")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="visits.plan_visit")
        drawn = draw_interviewees(visit=visit_or_404(review), review=review)
        return Response(VisitDrawnSerializer(drawn).data)


class IntervieweeDetail(APIView):
    def _row(self, request, review, pk):
        review = get_review(review, user=request.user, permission="visits.view_identities")
        return review, get_row(interviewees_in_full(visit_or_404(review)), pk)

    @extend_schema(responses=VisitIntervieweeSerializer, operation_id="interviewee_get")
    def get(self, request, review, pk):
        return Response(VisitIntervieweeSerializer(self._row(request, review, pk)[1]).data)

    @extend_schema(request=VisitIntervieweeSerializer,
                   responses={200: VisitIntervieweeSerializer, 400: BAD_INPUT,
                              409: STALE_OR_REFUSED},
                   operation_id="interviewee_update")
    def patch(self, request, review, pk):
        """Change some fields; `edit_count` (the interviewee's) is required."""
        review, row = self._row(request, review, pk)
        require(request.user, "visits.plan_visit", review)
        edit_count = edit_count_from(request)
        serializer = VisitIntervieweeSerializer(row, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        saved = update_interviewee(interviewee=row, review=review, data=_changes(serializer),
                                   edit_count=edit_count)
        fresh = get_row(interviewees_in_full(saved.visit), saved.pk)
        return Response(VisitIntervieweeSerializer(fresh).data)
