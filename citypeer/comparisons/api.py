"""/api/v1/ routes of this app (included by citypeer/api/urls.py).

    GET          comparisons/<programme>/                 today's comparison (JSON document)
    GET          comparisons/<programme>/data/<csv|xlsx|json>/   the same as a file
    POST, DELETE comparisons/<programme>/publication/     publish (again) or withdraw
    GET          comparisons/<programme>/published/       the published comparison; no account
                                                          needed, like the public page

A programme on a toolkit benchmark has no comparison: 404 with the reason
(`NotComparable`, answered by the shared exception handler)."""

from django.http import Http404
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import FORBIDDEN, NOT_FOUND
from citypeer.common.lookup import get_programme
from citypeer.comparisons.domain.comparisons import (
    comparison_data,
    publish_comparison,
    published_data,
    unpublish_comparison,
)
from citypeer.comparisons.interfaces.exports import FORMATS
from citypeer.comparisons.interfaces.responses import download_response
from citypeer.comparisons.interfaces.serializers import ComparisonDocumentSerializer

DOCUMENT = OpenApiResponse(ComparisonDocumentSerializer,
                           description="comparison document, described in docs/open-data.md")
VIEW, PUBLISH = "comparisons.view_comparison", "comparisons.publish_comparison"


class ComparisonDetail(APIView):
    @extend_schema(responses={200: DOCUMENT, 403: FORBIDDEN, 404: NOT_FOUND})
    def get(self, request, slug):
        programme = get_programme(slug, user=request.user, permission=VIEW)
        return Response(ComparisonDocumentSerializer(comparison_data(programme=programme)).data)


class ComparisonData(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): bytes, 403: FORBIDDEN,
                              404: NOT_FOUND})
    def get(self, request, slug, fmt):
        if fmt not in FORMATS:
            raise Http404
        programme = get_programme(slug, user=request.user, permission=VIEW)
        return download_response(comparison_data(programme=programme), fmt,
                                 f"{slug}-comparison")


class Publication(APIView):
    @extend_schema(request=None, responses={201: DOCUMENT, 403: FORBIDDEN, 404: NOT_FOUND})
    def post(self, request, slug):
        programme = get_programme(slug, user=request.user, permission=PUBLISH)
        row = publish_comparison(programme=programme, user=request.user)
        return Response(ComparisonDocumentSerializer(row.data).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND})
    def delete(self, request, slug):
        programme = get_programme(slug, user=request.user, permission=PUBLISH)
        if not unpublish_comparison(programme=programme):
            raise Http404
        return Response(status=status.HTTP_204_NO_CONTENT)


class Published(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={200: DOCUMENT, 404: NOT_FOUND})
    def get(self, request, slug):
        data = published_data(slug=slug)
        if data is None:
            raise Http404
        return Response(ComparisonDocumentSerializer(data).data)


urlpatterns = [
    path("comparisons/<slug:slug>/", ComparisonDetail.as_view(), name="comparison-detail"),
    path("comparisons/<slug:slug>/data/<str:fmt>/", ComparisonData.as_view(),
         name="comparison-data"),
    path("comparisons/<slug:slug>/publication/", Publication.as_view(),
         name="comparison-publication"),
    path("comparisons/<slug:slug>/published/", Published.as_view(),
         name="comparison-published"),
]
