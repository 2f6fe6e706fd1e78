"""/api/v1/conflicts/…: conflicts of interest, declared by anyone for themselves and by the
coordinator for anyone; only the coordinator pins."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import REFUSED
from citypeer.common.lookup import get_row, require
from citypeer.people.rules import is_coordinator
from citypeer.teams.domain import conflicts as conflict_domain
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.interfaces import serializers as s

CONFLICTS = ["conflicts of interest"]


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
        person = values.get("person") or request.user
        require(request.user, "teams.declare_conflict", person)
        if values["pinned"] and not is_coordinator(request.user):
            raise PermissionDenied(_("Only the coordinator pins conflicts."))
        conflict = conflict_domain.declare_conflict(
            person=person, city=values["city"], kind=values["kind"], note=values["note"],
            declared_by=request.user, pinned=values["pinned"],
        )
        return Response(s.ConflictOfInterestSerializer(conflict).data,
                        status=status.HTTP_201_CREATED)


@extend_schema(tags=CONFLICTS)
class ConflictDetail(APIView):
    serializer_class = s.ConflictOfInterestSerializer

    @extend_schema(responses={200: s.ConflictOfInterestSerializer, 404: None})
    def get(self, request, pk):
        """One conflict of interest."""
        conflict = get_row(queries.visible_conflicts(user=request.user), pk)
        return Response(s.ConflictOfInterestSerializer(conflict).data)

    @extend_schema(request=s.ConflictOfInterestPinSerializer,
                   responses={200: s.ConflictOfInterestSerializer, 403: None, 404: None})
    def patch(self, request, pk):
        """Pin or unpin a conflict (coordinator): a pinned one cannot be removed."""
        conflict = get_row(queries.visible_conflicts(user=request.user), pk)
        require(request.user, "teams.pin_conflict", conflict)
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
        conflict = get_row(queries.visible_conflicts(user=request.user), pk)
        if not conflict.pinned:
            require(request.user, "teams.remove_conflict", conflict)
        conflict_domain.remove_conflict(conflict=conflict)
        return Response(status=status.HTTP_204_NO_CONTENT)
