"""/api/v1/ routes of this app (included by citypeer/api/urls.py): teams and their members,
suggested teams, conflicts of interest, training sessions. The same domain functions and
permissions as the pages; a refusal is a 400 whose `detail` says which rule applies.
Objects a person may not see are 404; actions they may not take on what they see, 403."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.people.rules import is_coordinator
from citypeer.programmes.models import Programme, Review
from citypeer.teams.domain import conflicts as conflict_domain
from citypeer.teams.domain import membership, suggestions, training
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.domain.refusals import Refused, SuggestionRefused
from citypeer.teams.interfaces import serializers as s
from citypeer.teams.models import Conflict, TrainingEvent

TEAMS = ["teams"]
CONFLICTS = ["conflicts of interest"]
TRAINING = ["training"]

REFUSED = OpenApiResponse(description="refused; `detail` says which rule applies")


def _refused(exc: Refused) -> Response:
    body = {"detail": exc.message}
    if isinstance(exc, SuggestionRefused):
        body["problems"] = exc.problems
    return Response(body, status=status.HTTP_400_BAD_REQUEST)


def _require(request, permission, obj=None):
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied(_("You may not do this."))


def _person(username: str) -> User:
    person = User.objects.select_related("city").filter(username=username).first()
    if person is None:
        raise _BadInput(_("person: there is no person %(username)s.") % {"username": username})
    return person


class _BadInput(Exception):
    pass


def _visible_review(request, review_id: int) -> Review:
    review = queries.review_with_team(review_id)
    if review is None or not request.user.has_perm("teams.view_team", review):
        raise Http404
    return review


# -- teams ----------------------------------------------------------------------------------

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

    @extend_schema(responses=s.TeamSerializer)
    def get(self, request, review):
        """One review's team: members, roles and leader."""
        return Response(s.TeamSerializer(_visible_review(request, review)).data)


@extend_schema(tags=TEAMS)
class TeamMembers(APIView):
    serializer_class = s.TeamMemberSerializer

    @extend_schema(responses=s.TeamMemberSerializer(many=True))
    def get(self, request, review):
        """The members of a review's team."""
        review = _visible_review(request, review)
        return Response(s.TeamMemberSerializer(queries.members_of(review), many=True).data)

    @extend_schema(request=s.TeamAssignSerializer,
                   responses={201: s.TeamSerializer, 400: REFUSED, 403: None, 404: None})
    def post(self, request, review):
        """Put a person on the team (coordinator). Conflicts of interest are checked: a
        person never reviews their own city or a city they have a conflict with."""
        review = _visible_review(request, review)
        _require(request, "teams.change_team", review)
        data = s.TeamAssignSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            membership.assign_member(review=review, person=_person(data.validated_data["person"]),
                                     role=data.validated_data["role"])
        except _BadInput as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        except Refused as exc:
            return _refused(exc)
        return Response(s.TeamSerializer(queries.review_with_team(review.pk)).data,
                        status=status.HTTP_201_CREATED)


@extend_schema(tags=TEAMS)
class TeamMemberDetail(APIView):
    @extend_schema(responses={204: None, 400: REFUSED, 403: None, 404: None})
    def delete(self, request, review, username):
        """Take a person off the team (coordinator)."""
        review = _visible_review(request, review)
        _require(request, "teams.change_team", review)
        person = get_object_or_404(User, username=username)
        try:
            membership.remove_member(review=review, person=person)
        except Refused as exc:
            return _refused(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=TEAMS)
class TeamLeader(APIView):
    serializer_class = s.TeamLeaderSerializer

    @extend_schema(request=s.TeamLeaderSerializer,
                   responses={200: s.TeamSerializer, 400: REFUSED, 403: None, 404: None})
    def put(self, request, review):
        """Make a member the team leader (coordinator), optionally naming the training
        session where they were appointed."""
        review = _visible_review(request, review)
        _require(request, "teams.change_team", review)
        data = s.TeamLeaderSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event = None
        event_id = data.validated_data.get("appointed_at")
        if event_id is not None:
            event = TrainingEvent.objects.filter(pk=event_id,
                                                 programme_id=review.programme_id).first()
            if event is None:
                return Response({"detail": _("appointed_at: there is no training session "
                                             "%(id)s in this programme.") % {"id": event_id}},
                                status=status.HTTP_400_BAD_REQUEST)
        try:
            membership.set_leader(review=review, person=_person(data.validated_data["person"]),
                                  appointed_at=event)
        except _BadInput as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        except Refused as exc:
            return _refused(exc)
        return Response(s.TeamSerializer(queries.review_with_team(review.pk)).data)


# -- suggested teams ------------------------------------------------------------------------

def _programme_for_suggestion(request, slug) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    if not request.user.has_perm("teams.view_programme_teams", programme):
        raise Http404
    _require(request, "teams.suggest_teams", programme)
    return programme


@extend_schema(tags=TEAMS)
class TeamSuggestion(APIView):
    serializer_class = s.TeamSuggestionSerializer

    @extend_schema(request=None, responses={200: s.TeamSuggestionSerializer, 403: None, 404: None})
    def post(self, request, slug):
        """Propose a team for every host city (coordinator). Nothing is written; when no
        teams can be formed, `explanation` says which rule makes it impossible."""
        programme = _programme_for_suggestion(request, slug)
        return Response(suggestions.suggest_teams(programme=programme).as_dict())


@extend_schema(tags=TEAMS)
class TeamSuggestionAccept(APIView):
    serializer_class = s.TeamSuggestionAcceptSerializer

    @extend_schema(request=s.TeamSuggestionAcceptSerializer,
                   responses={201: s.TeamSerializer(many=True), 400: REFUSED, 403: None,
                              404: None})
    def post(self, request, slug):
        """Write suggested teams (coordinator). Every assignment is checked again, conflicts
        first; if one is refused, every problem is listed and nothing is written."""
        programme = _programme_for_suggestion(request, slug)
        data = s.TeamSuggestionAcceptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rows = data.validated_data["assignments"]
        people = {u.username: u.pk for u in
                  User.objects.filter(username__in=[r["person"] for r in rows])}
        unknown = [r["person"] for r in rows if r["person"] not in people]
        if unknown:
            return Response({"detail": _("person: there is no person %(username)s.")
                             % {"username": ", ".join(unknown)}},
                            status=status.HTTP_400_BAD_REQUEST)
        try:
            suggestions.accept_suggestion(
                programme=programme,
                assignments=[(r["review"], people[r["person"]]) for r in rows],
            )
        except Refused as exc:
            return _refused(exc)
        reviews = queries.reviews_with_teams(programme=programme)
        return Response(s.TeamSerializer(reviews, many=True).data,
                        status=status.HTTP_201_CREATED)


# -- conflicts of interest ------------------------------------------------------------------

@extend_schema(tags=CONFLICTS)
class ConflictList(generics.ListAPIView):
    """Conflicts of interest: all of them for the coordinator, your own otherwise. A
    person's own city is always a conflict and is not listed."""

    serializer_class = s.ConflictOfInterestSerializer

    def get_queryset(self):
        return queries.visible_conflicts(user=self.request.user)

    @extend_schema(request=s.ConflictOfInterestDeclareSerializer,
                   responses={201: s.ConflictOfInterestSerializer, 400: REFUSED, 403: None})
    def post(self, request):
        """Declare a conflict of interest: the coordinator for anyone, anyone for
        themselves. Only the coordinator pins."""
        data = s.ConflictOfInterestDeclareSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            person = _person(values["person"]) if values.get("person") else request.user
        except _BadInput as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        _require(request, "teams.declare_conflict", person)
        if values["pinned"] and not is_coordinator(request.user):
            raise PermissionDenied(_("Only the coordinator pins conflicts."))
        city = City.objects.filter(slug=values["city"]).first()
        if city is None:
            return Response({"detail": _("city: there is no city %(city)s.")
                             % {"city": values["city"]}}, status=status.HTTP_400_BAD_REQUEST)
        try:
            conflict = conflict_domain.declare_conflict(
                person=person, city=city, kind=values["kind"], note=values["note"],
                declared_by=request.user, pinned=values["pinned"],
            )
        except Refused as exc:
            return _refused(exc)
        return Response(s.ConflictOfInterestSerializer(conflict).data,
                        status=status.HTTP_201_CREATED)


@extend_schema(tags=CONFLICTS)
class ConflictDetail(APIView):
    serializer_class = s.ConflictOfInterestSerializer

    def _conflict(self, request, pk) -> Conflict:
        conflict = Conflict.objects.select_related("person", "city", "declared_by").filter(
            pk=pk).first()
        if conflict is None or not request.user.has_perm("teams.view_conflict", conflict):
            raise Http404
        return conflict

    @extend_schema(responses=s.ConflictOfInterestSerializer)
    def get(self, request, pk):
        """One conflict of interest."""
        return Response(s.ConflictOfInterestSerializer(self._conflict(request, pk)).data)

    @extend_schema(request=s.ConflictOfInterestPinSerializer,
                   responses={200: s.ConflictOfInterestSerializer, 403: None, 404: None})
    def patch(self, request, pk):
        """Pin or unpin a conflict (coordinator): a pinned one cannot be removed."""
        conflict = self._conflict(request, pk)
        _require(request, "teams.pin_conflict", conflict)
        data = s.ConflictOfInterestPinSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if data.validated_data["pinned"]:
            conflict = conflict_domain.pin_conflict(conflict=conflict)
        else:
            conflict = conflict_domain.unpin_conflict(conflict=conflict)
        return Response(s.ConflictOfInterestSerializer(conflict).data)

    @extend_schema(responses={204: None, 400: REFUSED, 403: None, 404: None})
    def delete(self, request, pk):
        """Remove a conflict: the coordinator, or the person who declared their own. A
        pinned conflict is refused until the coordinator unpins it."""
        conflict = self._conflict(request, pk)
        if not conflict.pinned:
            _require(request, "teams.remove_conflict", conflict)
        try:
            conflict_domain.remove_conflict(conflict=conflict)
        except Refused as exc:
            return _refused(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)


# -- training -------------------------------------------------------------------------------

def _programme_for_training(request, slug) -> Programme:
    programme = get_object_or_404(Programme, slug=slug)
    if not request.user.has_perm("teams.view_training", programme):
        raise Http404
    return programme


@extend_schema(tags=TRAINING)
class TrainingEventList(generics.ListAPIView):
    """A programme's training sessions (step 2)."""

    serializer_class = s.TrainingEventSerializer

    def get_queryset(self):
        programme = _programme_for_training(self.request, self.kwargs["slug"])
        return queries.training_events(programme=programme).select_related("programme")

    @extend_schema(request=s.TrainingEventSerializer,
                   responses={201: s.TrainingEventSerializer, 400: REFUSED, 403: None,
                              404: None})
    def post(self, request, slug):
        """Create a training session (coordinator)."""
        programme = _programme_for_training(request, slug)
        _require(request, "teams.change_training", programme)
        data = s.TrainingEventSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            event = training.create_training_event(programme=programme, **data.validated_data)
        except Refused as exc:
            return _refused(exc)
        return Response(s.TrainingEventSerializer(event).data, status=status.HTTP_201_CREATED)


def _event(request, pk, permission="teams.view_training") -> TrainingEvent:
    event = queries.training_event_in_full(pk)
    if event is None or not request.user.has_perm("teams.view_training", event.programme):
        raise Http404
    _require(request, permission, event.programme)
    return event


@extend_schema(tags=TRAINING)
class TrainingEventDetail(APIView):
    serializer_class = s.TrainingEventDetailSerializer

    @extend_schema(responses=s.TrainingEventDetailSerializer)
    def get(self, request, pk):
        """A training session with its attendance and materials. A material's `url` serves
        the file only to those allowed to see it."""
        return Response(s.TrainingEventDetailSerializer(
            _event(request, pk), context={"request": request}).data)


@extend_schema(tags=TRAINING)
class TrainingAttendance(APIView):
    serializer_class = s.TrainingAttendanceUpdateSerializer

    @extend_schema(request=s.TrainingAttendanceUpdateSerializer,
                   responses={200: s.TrainingEventDetailSerializer, 400: REFUSED, 403: None,
                              404: None})
    def put(self, request, pk):
        """Record who attended (coordinator): everyone invited who is not listed did not."""
        event = _event(request, pk, "teams.change_training")
        data = s.TrainingAttendanceUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        names = set(data.validated_data["present"])
        present = list(User.objects.filter(username__in=names))
        missing = sorted(names - {u.username for u in present})
        if missing:
            return Response({"detail": _("present: there is no person %(username)s.")
                             % {"username": ", ".join(missing)}},
                            status=status.HTTP_400_BAD_REQUEST)
        try:
            training.record_attendance(event=event, present=present)
        except Refused as exc:
            return _refused(exc)
        return Response(s.TrainingEventDetailSerializer(
            queries.training_event_in_full(event.pk), context={"request": request}).data)


@extend_schema(tags=TRAINING)
class TrainingMaterials(APIView):
    serializer_class = s.TrainingMaterialUploadSerializer
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request={"multipart/form-data": s.TrainingMaterialUploadSerializer},
                   responses={201: s.TrainingMaterialSerializer, 400: REFUSED, 403: None,
                              404: None})
    def post(self, request, pk):
        """Upload a material (coordinator): its kind is checked by content and its size
        against the platform's limit; it is stored outside the web root."""
        event = _event(request, pk, "teams.change_training")
        data = s.TrainingMaterialUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            material = training.add_material(
                event=event, title=data.validated_data["title"],
                upload=data.validated_data["file"], uploaded_by=request.user,
            )
        except Refused as exc:
            return _refused(exc)
        return Response(s.TrainingMaterialSerializer(material, context={"request": request}).data,
                        status=status.HTTP_201_CREATED)


@extend_schema(tags=TRAINING)
class TrainingLeaders(APIView):
    serializer_class = s.TrainingLeaderAppointSerializer

    @extend_schema(request=s.TrainingLeaderAppointSerializer,
                   responses={200: s.TeamSerializer, 400: REFUSED, 403: None, 404: None})
    def post(self, request, pk):
        """Appoint a team leader at this training session (coordinator)."""
        event = _event(request, pk, "teams.change_training")
        data = s.TrainingLeaderAppointSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        review = Review.objects.select_related("city", "programme").filter(
            pk=data.validated_data["review"]).first()
        if review is None:
            return Response({"detail": _("review: there is no review %(id)s.")
                             % {"id": data.validated_data["review"]}},
                            status=status.HTTP_400_BAD_REQUEST)
        try:
            training.appoint_leader(event=event, review=review,
                                    person=_person(data.validated_data["person"]))
        except _BadInput as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        except Refused as exc:
            return _refused(exc)
        return Response(s.TeamSerializer(queries.review_with_team(review.pk)).data)


urlpatterns = [
    path("teams/", TeamList.as_view(), name="team-list"),
    path("teams/<int:review>/", TeamDetail.as_view(), name="team-detail"),
    path("teams/<int:review>/members/", TeamMembers.as_view(), name="team-members"),
    path("teams/<int:review>/members/<str:username>/", TeamMemberDetail.as_view(),
         name="team-member"),
    path("teams/<int:review>/leader/", TeamLeader.as_view(), name="team-leader"),
    path("programmes/<slug:slug>/team-suggestion/", TeamSuggestion.as_view(),
         name="team-suggestion"),
    path("programmes/<slug:slug>/team-suggestion/accept/", TeamSuggestionAccept.as_view(),
         name="team-suggestion-accept"),
    path("programmes/<slug:slug>/training-events/", TrainingEventList.as_view(),
         name="training-event-list"),
    path("training-events/<int:pk>/", TrainingEventDetail.as_view(),
         name="training-event-detail"),
    path("training-events/<int:pk>/attendance/", TrainingAttendance.as_view(),
         name="training-attendance"),
    path("training-events/<int:pk>/materials/", TrainingMaterials.as_view(),
         name="training-materials"),
    path("training-events/<int:pk>/leaders/", TrainingLeaders.as_view(),
         name="training-leaders"),
    path("conflicts/", ConflictList.as_view(), name="conflict-list"),
    path("conflicts/<int:pk>/", ConflictDetail.as_view(), name="conflict-detail"),
]
