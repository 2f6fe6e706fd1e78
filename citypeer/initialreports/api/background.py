"""The seven background sections of the report."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.initialreports.domain.queries.reports import background_sections, section_of
from citypeer.initialreports.domain.reports import save_background
from citypeer.initialreports.interfaces.access import CHANGE, load_report
from citypeer.initialreports.interfaces.serializers import (
    BackgroundSectionSerializer,
    BackgroundSectionUpdateSerializer,
)

TAG = ["initial reports"]


class BackgroundList(APIView):
    """The seven background sections."""

    @extend_schema(tags=TAG, operation_id="initial_report_background",
                   responses=BackgroundSectionSerializer(many=True))
    def get(self, request, review):
        _review, report = load_report(request.user, review)
        return Response(BackgroundSectionSerializer(background_sections(report), many=True).data)


def _section(report, kind):
    found = section_of(report, kind)
    if found is None:
        raise Http404
    return found


class BackgroundDetail(APIView):
    """One background section (kind 1 to 7)."""

    @extend_schema(tags=TAG, operation_id="initial_report_background_section",
                   responses=BackgroundSectionSerializer)
    def get(self, request, review, kind):
        _review, report = load_report(request.user, review)
        return Response(BackgroundSectionSerializer(_section(report, kind)).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_background_section_update",
        request=BackgroundSectionUpdateSerializer,
        responses={200: BackgroundSectionSerializer, 400: BAD_INPUT, 403: REFUSED,
                   409: EDIT_CONFLICT},
    )
    def patch(self, request, review, kind):
        _review, report = load_report(request.user, review, CHANGE)
        section = _section(report, kind)
        edit_count = edit_count_from(request)
        data = BackgroundSectionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        save_background(report=report, by=request.user, sections={
            section.kind: (data.validated_data["text"], edit_count)
        })
        return Response(BackgroundSectionSerializer(_section(report, kind)).data)
