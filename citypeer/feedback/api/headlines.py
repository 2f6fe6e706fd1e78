"""Headline findings through the API: the team lists and adds them, and each member agrees
or objects."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT
from citypeer.common.lookup import get_review, get_row
from citypeer.feedback.domain.headlines import save_headline, vote
from citypeer.feedback.domain.queries import headlines_in_full, headlines_of, member_ids
from citypeer.feedback.interfaces.serializers import HeadlineSerializer, VoteSerializer


class Headlines(APIView):
    @extend_schema(responses=HeadlineSerializer(many=True), operation_id="headlines_list")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.view_feedback")
        return Response(HeadlineSerializer(headlines_in_full(review), many=True,
                                           context={"members": member_ids(review)}).data)

    @extend_schema(request=HeadlineSerializer,
                   responses={201: HeadlineSerializer, 400: BAD_INPUT},
                   operation_id="headlines_add")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.write_feedback")
        serializer = HeadlineSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        headline = save_headline(review=review, by=request.user, **serializer.validated_data)
        return Response(HeadlineSerializer(headline).data, status=status.HTTP_201_CREATED)


class HeadlineVotes(APIView):
    @extend_schema(request=VoteSerializer, responses={200: HeadlineSerializer, 400: BAD_INPUT},
                   operation_id="headline_vote")
    def post(self, request, review, pk):
        review = get_review(review, user=request.user, permission="feedback.write_feedback")
        headline = get_row(headlines_of(review), pk)
        serializer = VoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        vote(headline=headline, person=request.user, **serializer.validated_data)
        return Response(HeadlineSerializer(headline).data)
