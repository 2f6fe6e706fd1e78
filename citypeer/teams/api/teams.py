"""/api/v1/teams/…: a review's team, its members and leader; a programme's suggested teams
and accepting them."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import REFUSED
from citypeer.common.lookup import get_review, require
from citypeer.people.models import User
from citypeer.programmes.models import Programme
from citypeer.teams.domain import membership, suggestions
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.interfaces import serializers as s

TEAMS = ["teams"]


def _team(review) -> dict:
    """The team as it is now, after a change."""
    return s.TeamSerializer(queries.review_with_team(review.pk)).data


@extend_schema(tags=TEAMS, parameters=[OpenApiParameter(
    "programme", str, description="only the teams of this programme (its short name)")])
class TeamList(generics.ListAPIView):
    """The teams you may see: every team for the coordinator; otherwise the teams you are
    on and, for a host-city officer, the team reviewing your city."""

    serializer_class = s.TeamSerializer

    def get_queryset(self):
        programme = None
        slug = self.request.query_params.get("programme")
        if slug:
            programme = get_object_or_404(Programme, slug=slug)
        return queries.visible_reviews(user=self.request.user, programme=programme)


@extend_schema(tags=TEAMS)
class TeamDetail(APIView):
    serializer_class = s.TeamSerializer

    @extend_schema(responses={200: s.TeamSerializer, 404: None})
    def get(self, request, review):
        """One review's team: members, roles and leader."""
        review = get_review(review, queryset=queries.visible_reviews(user=request.user))
        return Response(s.TeamSerializer(review).data)


@extend_schema(tags=TEAMS)
class TeamMembers(APIView):
    serializer_class = s.TeamMemberSerializer

    @extend_schema(responses={200: s.TeamMemberSerializer(many=True), 404: None})
    def get(self, request, review):
        """The members of a review's team."""
        review = get_review(review, queryset=queries.visible_reviews(user=request.user))
        return Response(s.TeamMemberSerializer(queries.members_of(review), many=True).data)

    @extend_schema(request=s.TeamAssignSerializer,
                   responses={201: s.TeamSerializer, 400: REFUSED, 403: None, 404: None})
    def post(self, request, review):
        """Put a person on the team (coordinator). Conflicts of interest are checked: a
        person never reviews their own city or a city they have a conflict with."""
        review = get_review(review, queryset=queries.visible_reviews(user=request.user))
        require(request.user, "teams.change_team", review)
        data = s.TeamAssignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership.assign_member(review=review, person=data.validated_data["person"],
                                 role=data.validated_data["role"])
        return Response(_team(review), status=status.HTTP_201_CREATED)


@extend_schema(tags=TEAMS)
class TeamMemberDetail(APIView):
    @extend_schema(responses={204: None, 400: REFUSED, 403: None, 404: None})
    def delete(self, request, review, username):
        """Take a person off the team (coordinator)."""
        review = get_review(review, queryset=queries.visible_reviews(user=request.user))
        require(request.user, "teams.change_team", review)
        person = get_object_or_404(User, username=username)
        membership.remove_member(review=review, person=person)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=TEAMS)
class TeamLeader(APIView):
    serializer_class = s.TeamLeaderSerializer

    @extend_schema(request=s.TeamLeaderSerializer,
                   responses={200: s.TeamSerializer, 400: REFUSED, 403: None, 404: None})
    def put(self, request, review):
        """Make a member the team leader (coordinator), optionally naming the training
        session where they were appointed."""
        review = get_review(review, queryset=queries.visible_reviews(user=request.user))
        require(request.user, "teams.change_team", review)
        data = s.TeamLeaderSerializer(data=request.data, context={"review": review})
        data.is_valid(raise_exception=True)
        membership.set_leader(review=review, person=data.validated_data["person"],
                              appointed_at=data.validated_data.get("appointed_at"))
        return Response(_team(review))


# -- suggested teams ------------------------------------------------------------------------

def _programme_to_suggest_for(request, slug) -> Programme:
    """404 for a programme you take no part in; 403 unless you may suggest its teams."""
    programme = get_object_or_404(queries.programmes_taking_part(user=request.user), slug=slug)
    require(request.user, "teams.suggest_teams", programme)
    return programme


@extend_schema(tags=TEAMS)
class SuggestTeams(APIView):
    serializer_class = s.TeamSuggestionSerializer

    @extend_schema(request=None, responses={200: s.TeamSuggestionSerializer, 403: None, 404: None})
    def post(self, request, slug):
        """Propose a team for every host city (coordinator). Nothing is written; when no
        teams can be formed, `explanation` says which rule makes it impossible."""
        programme = _programme_to_suggest_for(request, slug)
        suggestion = suggestions.suggest_teams(programme=programme)
        return Response(s.TeamSuggestionSerializer(suggestion).data)


@extend_schema(tags=TEAMS)
class AcceptSuggestedTeams(APIView):
    serializer_class = s.TeamSuggestionAcceptSerializer

    @extend_schema(request=s.TeamSuggestionAcceptSerializer,
                   responses={201: s.TeamSerializer(many=True), 400: REFUSED, 403: None,
                              404: None})
    def post(self, request, slug):
        """Write suggested teams (coordinator). Every assignment is checked again, conflicts
        first; if one is refused, every problem is listed and nothing is written."""
        programme = _programme_to_suggest_for(request, slug)
        data = s.TeamSuggestionAcceptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        suggestions.accept_suggestion(
            programme=programme,
            assignments=[(r["review"], r["person"].pk)
                         for r in data.validated_data["assignments"]],
        )
        reviews = queries.reviews_with_teams(programme=programme)
        return Response(s.TeamSerializer(reviews, many=True).data,
                        status=status.HTTP_201_CREATED)
