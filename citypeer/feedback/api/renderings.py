"""Renderings through the API: ask for a PDF, DOCX or HTML of the report (202: it is made in
the background), poll its state, download the file."""

from pathlib import Path

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT
from citypeer.common.lookup import get_review, get_row
from citypeer.feedback.domain.queries import composed_report, renderings_of
from citypeer.feedback.domain.rendering import CONTENT_TYPES
from citypeer.feedback.domain.renderings import start_rendering
from citypeer.feedback.interfaces.serializers import (
    RenderingRequestSerializer,
    RenderingSerializer,
)


class Renderings(APIView):
    @extend_schema(request=RenderingRequestSerializer,
                   responses={202: RenderingSerializer, 400: BAD_INPUT},
                   operation_id="report_render")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.view_report")
        report = composed_report(review)
        serializer = RenderingRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rendering = start_rendering(report=report, fmt=serializer.validated_data["format"],
                                    by=request.user)
        return Response(RenderingSerializer(rendering).data, status=status.HTTP_202_ACCEPTED)


class RenderingDetail(APIView):
    @extend_schema(responses=RenderingSerializer, operation_id="report_rendering")
    def get(self, request, review, pk):
        review = get_review(review, user=request.user, permission="feedback.view_report")
        return Response(RenderingSerializer(get_row(renderings_of(review), pk)).data)


class RenderingFile(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
                   operation_id="report_rendering_file")
    def get(self, request, review, pk):
        review = get_review(review, user=request.user, permission="feedback.view_report")
        rendering = get_row(renderings_of(review, done=True), pk)
        path = Path(rendering.path)
        if not path.is_file():
            raise Http404(_("The file is gone; make it again."))
        return FileResponse(path.open("rb"), as_attachment=True,
                            filename=f"report-{review.city.slug}.{rendering.format}",
                            content_type=CONTENT_TYPES[rendering.format])
