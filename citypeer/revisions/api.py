"""/api/v1/ routes of this app (included by citypeer/api/urls.py), with the pages'
permissions.

    GET, POST programmes/<programme>/indicator-comments/   comments on the programme's indicators
    GET       revision-drafts/<id>/diff/                    changes and old -> new mapping
    POST      revision-drafts/<id>/publish/                 import as the new version
"""

from django.http import Http404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.programmes.models import Programme
from citypeer.revisions.domain.revisions import (
    RevisionRefused,
    add_comment,
    comments_on,
    draft_diff,
    publish_draft,
)
from citypeer.revisions.models import IndicatorComment, RevisionDraft


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    indicator = serializers.CharField(help_text="indicator code, e.g. GG/I/3")
    kind = serializers.ChoiceField(choices=IndicatorComment.Kind.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="")
    created_at = serializers.DateTimeField(read_only=True)


class ChangeSerializer(serializers.Serializer):
    old = serializers.CharField(allow_null=True)
    new = serializers.CharField(allow_null=True)
    kinds = serializers.ListField(child=serializers.CharField())
    similarity = serializers.FloatField()


class DiffSerializer(serializers.Serializer):
    old_version = serializers.IntegerField()
    new_version = serializers.IntegerField()
    changes = ChangeSerializer(many=True)
    mapping = serializers.DictField(child=serializers.CharField())


def _refused(exc: RevisionRefused):
    return ValidationError({p.location: [p.message] for p in exc.problems})


class Comments(APIView):
    def _programme(self, request, slug):
        programme = Programme.objects.select_related("benchmark").filter(slug=slug).first()
        if programme is None:
            raise Http404
        if not request.user.has_perm("revisions.comment_on_indicators", programme):
            raise PermissionDenied
        return programme

    @extend_schema(responses=CommentSerializer(many=True))
    def get(self, request, slug):
        programme = self._programme(request, slug)
        comments = comments_on(programme.benchmark).filter(programme=programme)
        return Response([{"id": c.pk, "indicator": c.indicator.code, "kind": c.kind,
                          "text": c.text, "created_at": c.created_at} for c in comments])

    @extend_schema(request=CommentSerializer, responses={201: CommentSerializer})
    def post(self, request, slug):
        programme = self._programme(request, slug)
        serializer = CommentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            c = add_comment(programme=programme, author=request.user,
                            indicator_code=serializer.validated_data["indicator"],
                            kind=serializer.validated_data["kind"],
                            text=serializer.validated_data["text"])
        except RevisionRefused as exc:
            raise _refused(exc) from exc
        return Response({"id": c.pk, "indicator": c.indicator.code, "kind": c.kind,
                         "text": c.text, "created_at": c.created_at}, status=201)


def _draft(request, pk):
    if not request.user.has_perm("revisions.draft_revision"):
        raise PermissionDenied
    draft = RevisionDraft.objects.select_related("base", "published").filter(pk=pk).first()
    if draft is None:
        raise Http404
    return draft


class DraftDiffView(APIView):
    @extend_schema(responses=DiffSerializer)
    def get(self, request, pk):
        try:
            result = draft_diff(_draft(request, pk))
        except RevisionRefused as exc:
            raise _refused(exc) from exc
        return Response({
            "old_version": result.old.version, "new_version": result.new.version,
            "changes": [{"old": c.old_code, "new": c.new_code, "kinds": list(c.kinds),
                         "similarity": round(c.similarity, 3)}
                        for c in result.revision.changes],
            "mapping": result.revision.mapping,
        })


class DraftPublish(APIView):
    @extend_schema(request=None, responses={201: DiffSerializer})
    def post(self, request, pk):
        draft = _draft(request, pk)
        try:
            benchmark = publish_draft(draft=draft, user=request.user)
        except RevisionRefused as exc:
            raise _refused(exc) from exc
        return Response({"slug": benchmark.slug, "version": benchmark.version}, status=201)


urlpatterns = [
    path("programmes/<slug:slug>/indicator-comments/", Comments.as_view(),
         name="indicator-comments"),
    path("revision-drafts/<int:pk>/diff/", DraftDiffView.as_view(), name="revision-draft-diff"),
    path("revision-drafts/<int:pk>/publish/", DraftPublish.as_view(),
         name="revision-draft-publish"),
]
