"""The seven background sections of the report."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from citypeer.initialreports.api.base import CHANGE_ANSWERS, TAG, InitialReportView
from citypeer.initialreports.domain.queries.reports import background_sections
from citypeer.initialreports.domain.reports import save_background
from citypeer.initialreports.interfaces.serializers import (
    BackgroundSectionSerializer,
    BackgroundSectionUpdateSerializer,
)


class SectionsView(InitialReportView):
    serializer_class = BackgroundSectionSerializer
    lookup_field = "kind"

    def get_queryset(self):
        return background_sections(self.report)


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report_background"))
class BackgroundList(SectionsView, generics.ListAPIView):
    """The seven background sections."""


@extend_schema_view(get=extend_schema(tags=TAG,
                                      operation_id="initial_report_background_section"))
class BackgroundDetail(SectionsView, generics.RetrieveAPIView):
    """One background section (kind 1 to 7)."""

    @extend_schema(
        tags=TAG, operation_id="initial_report_background_section_update",
        request=BackgroundSectionUpdateSerializer,
        responses={200: BackgroundSectionSerializer, **CHANGE_ANSWERS},
    )
    def patch(self, request, review, kind):
        section = self.get_object()
        edit_count, sent = self.change_sent(BackgroundSectionUpdateSerializer)
        save_background(report=self.report, by=request.user,
                        sections={section.kind: (sent["text"], edit_count)})
        return Response(BackgroundSectionSerializer(self.get_object()).data)
