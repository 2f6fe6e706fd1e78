"""The assessment through the API: every indicator with the proposal computed from the bank
and the team's colour; the team sets the colour."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.assessment.domain.assessments import (
    assessment_for,
    assessment_rows,
    set_final_colour,
)
from citypeer.assessment.domain.queries import indicator_of, interview_numbers
from citypeer.assessment.interfaces.serializers import (
    AssessmentInputSerializer,
    AssessmentSerializer,
)
from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT
from citypeer.common.lookup import get_review


def _indicator(review, code):
    found = indicator_of(review, code)
    if found is None:
        raise Http404
    return found


def _answer(review, indicator) -> Response:
    row = assessment_for(review, indicator=indicator)
    return Response(AssessmentSerializer(row, context={"numbers": interview_numbers(review)})
                    .data)


class AssessmentList(APIView):
    """Every indicator with the proposal computed from the bank and the team's colour."""

    @extend_schema(responses=AssessmentSerializer(many=True), operation_id="assessments_list")
    def get(self, request, review):
        review = get_review(review, user=request.user,
                            permission="assessment.view_assessment")
        return Response(AssessmentSerializer(
            assessment_rows(review), many=True,
            context={"numbers": interview_numbers(review)}).data)


class AssessmentDetail(APIView):
    @extend_schema(responses=AssessmentSerializer, operation_id="assessment_get")
    def get(self, request, review, indicator):
        review = get_review(review, user=request.user,
                            permission="assessment.view_assessment")
        return _answer(review, _indicator(review, indicator))

    @extend_schema(request=AssessmentInputSerializer,
                   responses={200: AssessmentSerializer, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                   operation_id="assessment_put")
    def put(self, request, review, indicator):
        """Set the team's colour from the edit count you started from (0 for the first
        decision); a colour other than the proposal's needs a rationale."""
        review = get_review(review, user=request.user,
                            permission="assessment.change_assessment")
        found = _indicator(review, indicator)
        serializer = AssessmentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        set_final_colour(review=review, indicator=found, by=request.user,
                         **serializer.validated_data)
        return _answer(review, found)
