"""/api/v1/…/training-events/…: a programme's training sessions (step 2), who attended, the
materials handed out and the leaders appointed there."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import REFUSED
from citypeer.common.lookup import get_row, require
from citypeer.teams.domain import training
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.interfaces import serializers as s

TRAINING = ["training"]


def _event(request, pk, permission):
    """404 for a session of a programme you take no part in; 403 unless you have
    `permission` on its programme."""
    event = get_row(queries.visible_training_events(user=request.user), pk)
    require(request.user, permission, event.programme)
    return event


def _event_in_full(request, event) -> dict:
    return s.TrainingEventDetailSerializer(
        queries.training_event_in_full(event.pk), context={"request": request}).data


@extend_schema(tags=TRAINING)
class TrainingEventList(generics.ListAPIView):
    """A programme's training sessions (step 2)."""

    serializer_class = s.TrainingEventSerializer

    def _programme(self):
        return get_object_or_404(queries.programmes_taking_part(user=self.request.user),
                                 slug=self.kwargs["slug"])

    def get_queryset(self):
        return queries.training_events(programme=self._programme()).select_related("programme")

    @extend_schema(request=s.TrainingEventSerializer,
                   responses={201: s.TrainingEventSerializer, 400: REFUSED, 403: None,
                              404: None})
    def post(self, request, slug):
        """Create a training session (coordinator)."""
        programme = self._programme()
        require(request.user, "teams.change_training", programme)
        data = s.TrainingEventSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event = training.create_training_event(programme=programme, **data.validated_data)
        return Response(s.TrainingEventSerializer(event).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=TRAINING)
class TrainingEventDetail(APIView):
    serializer_class = s.TrainingEventDetailSerializer

    @extend_schema(responses={200: s.TrainingEventDetailSerializer, 404: None})
    def get(self, request, pk):
        """A training session with its attendance and materials. A material's `url` serves
        the file only to those allowed to see it."""
        event = _event(request, pk, "teams.view_training")
        return Response(s.TrainingEventDetailSerializer(
            event, context={"request": request}).data)


@extend_schema(tags=TRAINING)
class RecordAttendance(APIView):
    serializer_class = s.TrainingAttendanceUpdateSerializer

    @extend_schema(request=s.TrainingAttendanceUpdateSerializer,
                   responses={200: s.TrainingEventDetailSerializer, 400: REFUSED, 403: None,
                              404: None})
    def put(self, request, pk):
        """Record who attended (coordinator): everyone invited who is not listed did not."""
        event = _event(request, pk, "teams.change_training")
        data = s.TrainingAttendanceUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        training.record_attendance(event=event, present=data.validated_data["present"])
        return Response(_event_in_full(request, event))


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
        material = training.add_material(
            event=event, title=data.validated_data["title"],
            upload=data.validated_data["file"], uploaded_by=request.user,
        )
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
        review = data.validated_data["review"]
        training.appoint_leader(event=event, review=review,
                                person=data.validated_data["person"])
        return Response(s.TeamSerializer(queries.review_with_team(review.pk)).data)
