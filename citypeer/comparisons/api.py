"""/api/v1/ routes of this app (included by citypeer/api/urls.py).

    GET          comparisons/<programme>/                 today's comparison (JSON document)
    GET          comparisons/<programme>/data/<csv|xlsx|json>/   the same as a file
    POST, DELETE comparisons/<programme>/publication/     publish (again) or withdraw
    GET          comparisons/<programme>/published/       the published comparison; no account
                                                          needed, like the public page
"""

from django.http import Http404, HttpResponse
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.comparisons.domain.comparisons import (
    NotComparable,
    comparison_data,
    publish_comparison,
    published_data,
    unpublish_comparison,
)
from citypeer.comparisons.domain.queries import programme_for_comparison
from citypeer.comparisons.interfaces.exports import FORMATS, export

DOCUMENT = OpenApiResponse(description="comparison document, described in docs/open-data.md")


def _programme(request, slug, permission="comparisons.view_comparison"):
    programme = programme_for_comparison(slug)
    if programme is None:
        raise Http404
    if not request.user.has_perm(permission, programme):
        raise PermissionDenied
    return programme


def _data(programme):
    try:
        return comparison_data(programme=programme)
    except NotComparable as exc:
        raise Http404(str(exc)) from exc


class ComparisonDetail(APIView):
    @extend_schema(responses={200: DOCUMENT})
    def get(self, request, slug):
        return Response(_data(_programme(request, slug)))


class ComparisonData(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    def get(self, request, slug, fmt):
        if fmt not in FORMATS:
            raise Http404
        programme = _programme(request, slug)
        response = HttpResponse(export(_data(programme), fmt), content_type=FORMATS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{slug}-comparison.{fmt}"'
        return response


class Publication(APIView):
    @extend_schema(request=None, responses={201: DOCUMENT})
    def post(self, request, slug):
        programme = _programme(request, slug, "comparisons.publish_comparison")
        try:
            row = publish_comparison(programme=programme, user=request.user)
        except NotComparable as exc:
            raise Http404(str(exc)) from exc
        return Response(row.data, status=201)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request, slug):
        programme = _programme(request, slug, "comparisons.publish_comparison")
        if not unpublish_comparison(programme=programme):
            raise Http404
        return Response(status=204)


class Published(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: DOCUMENT})
    def get(self, request, slug):
        data = published_data(slug=slug)
        if data is None:
            raise Http404
        return Response(data)


urlpatterns = [
    path("comparisons/<slug:slug>/", ComparisonDetail.as_view(), name="comparison-detail"),
    path("comparisons/<slug:slug>/data/<str:fmt>/", ComparisonData.as_view(),
         name="comparison-data"),
    path("comparisons/<slug:slug>/publication/", Publication.as_view(),
         name="comparison-publication"),
    path("comparisons/<slug:slug>/published/", Published.as_view(),
         name="comparison-published"),
]
