"""/api/v1/ routes of this app (included by citypeer/api/urls.py), with the pages'
permissions.

    GET, POST programmes/<programme>/indicator-comments/   comments on the programme's indicators
    GET       revision-drafts/<id>/diff/                    changes and old -> new mapping
    POST      revision-drafts/<id>/publish/                 import as the new version
"""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import (
    BAD_INPUT,
    EDIT_CONFLICT,
    FORBIDDEN,
    NOT_FOUND,
    edit_count_from,
)
from citypeer.common.lookup import get_programme, get_row, require
from citypeer.revisions.domain.queries import comments_on, drafts_in_full
from citypeer.revisions.domain.revisions import (
    RevisionRefused,
    add_comment,
    draft_diff,
    publish_draft,
)
from citypeer.revisions.interfaces.serializers import (
    CommentSerializer,
    DiffSerializer,
    PublishedVersionSerializer,
    PublishSerializer,
)


def _bad_input(exc: RevisionRefused) -> ValidationError:
    """A refused comment or draft names the wrong places as fields, as the API does."""
    return ValidationError(exc.by_location())


class Comments(generics.ListCreateAPIView):
    serializer_class = CommentSerializer
    pagination_class = None

    def programme(self):
        """The programme, once per request: 404 or 403 before anything else is read."""
        if not hasattr(self, "_programme"):
            self._programme = get_programme(self.kwargs["slug"], user=self.request.user,
                                            permission="revisions.comment_on_indicators")
        return self._programme

    def get_queryset(self):
        programme = self.programme()
        return comments_on(programme.benchmark).filter(programme=programme)

    @extend_schema(responses={200: CommentSerializer(many=True), 403: FORBIDDEN,
                              404: NOT_FOUND})
    def get(self, request, slug):
        return super().get(request, slug)

    @extend_schema(responses={201: CommentSerializer, 400: BAD_INPUT, 403: FORBIDDEN,
                              404: NOT_FOUND})
    def post(self, request, slug):
        self.programme()
        return super().post(request, slug)

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            serializer.instance = add_comment(
                programme=self.programme(), author=self.request.user,
                indicator_code=data["indicator"]["code"], kind=data["kind"], text=data["text"])
        except RevisionRefused as exc:
            raise _bad_input(exc) from exc


def _draft(request, pk):
    require(request.user, "revisions.draft_revision")
    return get_row(drafts_in_full(), pk)


class DraftDiffView(APIView):
    @extend_schema(responses={200: DiffSerializer, 400: BAD_INPUT, 403: FORBIDDEN,
                              404: NOT_FOUND})
    def get(self, request, pk):
        try:
            result = draft_diff(_draft(request, pk))
        except RevisionRefused as exc:
            raise _bad_input(exc) from exc
        return Response(DiffSerializer(result).data)


class DraftPublish(APIView):
    @extend_schema(request=PublishSerializer,
                   responses={201: PublishedVersionSerializer, 400: BAD_INPUT, 403: FORBIDDEN,
                              404: NOT_FOUND, 409: EDIT_CONFLICT})
    def post(self, request, pk):
        draft = _draft(request, pk)
        try:
            benchmark = publish_draft(draft=draft, user=request.user,
                                      edit_count=edit_count_from(request))
        except RevisionRefused as exc:
            raise _bad_input(exc) from exc
        return Response(PublishedVersionSerializer(benchmark).data,
                        status=status.HTTP_201_CREATED)


urlpatterns = [
    path("programmes/<slug:slug>/indicator-comments/", Comments.as_view(),
         name="indicator-comments"),
    path("revision-drafts/<int:pk>/diff/", DraftDiffView.as_view(), name="revision-draft-diff"),
    path("revision-drafts/<int:pk>/publish/", DraftPublish.as_view(),
         name="revision-draft-publish"),
]
