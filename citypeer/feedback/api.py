"""/api/v1/ routes of step 7 (included by citypeer/api/urls.py), with the same permissions
as the pages: the team writes, the coordinator overrides, the host city reads the report
and answers it only once it is released.

    GET, POST  reviews/<review>/headlines/                    headline findings (POST adds)
    POST       reviews/<review>/headlines/<id>/votes/          agree or object
    GET, POST  reviews/<review>/recommendations/               (POST adds; 400 with problems)
    PUT        reviews/<review>/recommendations/<id>/          change (409 on a stale revision)
    GET, POST  reviews/<review>/report/                        the report (POST composes it)
    PUT        reviews/<review>/report/sections/<id>/          save a section (409 with both)
    GET        reviews/<review>/report/sections/<id>/versions/ every saved version
    POST       reviews/<review>/report/approve/ | release/
    POST       reviews/<review>/report/renderings/             make a PDF/DOCX/HTML (202)
    GET        reviews/<review>/report/renderings/<id>/        its state; …/file/ the file
    PUT        reviews/<review>/recommendations/<id>/commitment/  the city's response
    GET        programmes/<slug>/follow-up/                    commitments across a programme
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.feedback.domain import commitments as commitments_domain
from citypeer.feedback.domain import headlines as headlines_domain
from citypeer.feedback.domain import reports as reports_domain
from citypeer.feedback.domain.common import Conflict, Refused
from citypeer.feedback.domain.queries import (
    headlines_in_full,
    member_ids,
    recommendations_in_full,
    report_of,
    review_for_feedback,
    sections_of,
)
from citypeer.feedback.domain.recommendations import (
    RecommendationRefused,
    recommendation_data,
    save_recommendation,
)
from citypeer.feedback.domain.rendering import CONTENT_TYPES, FORMATS, start_rendering
from citypeer.feedback.models import (
    HeadlineFinding,
    Recommendation,
    Rendering,
    ReportSection,
    ReportVersion,
)
from citypeer.programmes.models import Programme

# --- serializers (they validate the shape and describe the OpenAPI schema) -----------------


class HeadlineSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField(), required=False,
                                       default=list)
    revision = serializers.IntegerField(read_only=True)
    state = serializers.CharField(read_only=True, help_text="agreed, objected or open")


class VoteSerializer(serializers.Serializer):
    agrees = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class RecommendationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField())
    findings = serializers.ListField(child=serializers.IntegerField())
    timescale = serializers.CharField(required=False, allow_blank=True, default="")
    override_justification = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="coordinator only: accepts a recommendation the corroboration guard refuses")
    revision = serializers.IntegerField(required=False, default=0)


class SectionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    key = serializers.CharField(read_only=True)
    title = serializers.CharField(required=False)
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    revision = serializers.IntegerField(help_text="the revision the change starts from")


class ReportSerializer(serializers.Serializer):
    state = serializers.CharField()
    released_at = serializers.DateTimeField(allow_null=True)
    approved_by = serializers.ListField(child=serializers.IntegerField())
    waiting_for = serializers.ListField(child=serializers.IntegerField())
    sections = SectionSerializer(many=True)


class VersionSerializer(serializers.Serializer):
    revision = serializers.IntegerField()
    title = serializers.CharField()
    text = serializers.CharField()
    saved_by = serializers.CharField()
    saved_at = serializers.DateTimeField()


class RenderingRequestSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=FORMATS)


class RenderingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    format = serializers.CharField()
    state = serializers.CharField()
    error = serializers.CharField()


class CommitmentSerializer(serializers.Serializer):
    response = serializers.ChoiceField(choices=commitments_domain.Response.choices)
    commitment = serializers.CharField(required=False, allow_blank=True, default="")
    owner = serializers.CharField(required=False, allow_blank=True, default="")
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=commitments_domain.Status.choices,
                                     required=False, allow_null=True, default=None)
    status_note = serializers.CharField(required=False, allow_blank=True, default="")
    revision = serializers.IntegerField(required=False, default=0)


class FeedbackDetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


# --- helpers -------------------------------------------------------------------------------

def _review(review_id):
    review = review_for_feedback(review_id)
    if review is None:
        raise Http404
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _valid(serializer_class, data):
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _conflict(exc: Conflict) -> Response:
    return Response({"detail": str(exc), "current": exc.current, "attempted": exc.attempted},
                    status=status.HTTP_409_CONFLICT)


def _headline(headline, members) -> dict:
    state = headlines_domain.state_of(headline, members=members)
    return {**headlines_domain.headline_data(headline), "state": state.state}


def _report(report) -> dict:
    state = reports_domain.approval_of(report)
    return {"state": report.state, "released_at": report.released_at,
            "approved_by": sorted(state.approved), "waiting_for": sorted(state.missing),
            "sections": [reports_domain.section_data(s) for s in sections_of(report)]}


def _rendering(r: Rendering) -> dict:
    return {"id": r.pk, "format": r.format, "state": r.state, "error": r.error}


# --- views ---------------------------------------------------------------------------------

class Headlines(APIView):
    @extend_schema(responses=HeadlineSerializer(many=True), operation_id="headlines_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.view_feedback", review)
        members = member_ids(review)
        return Response([_headline(h, members) for h in headlines_in_full(review)])

    @extend_schema(request=HeadlineSerializer, responses={201: HeadlineSerializer},
                   operation_id="headlines_add")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.write_feedback", review)
        data = _valid(HeadlineSerializer, request.data)
        try:
            headline = headlines_domain.save_headline(review=review, by=request.user, **data)
        except ValidationError as exc:
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        return Response(_headline(headline, member_ids(review)), status=status.HTTP_201_CREATED)


class HeadlineVotes(APIView):
    @extend_schema(request=VoteSerializer, responses={200: HeadlineSerializer},
                   operation_id="headline_vote")
    def post(self, request, review, pk):
        review = _review(review)
        _require(request.user, "feedback.write_feedback", review)
        headline = get_object_or_404(HeadlineFinding, review=review, pk=pk)
        data = _valid(VoteSerializer, request.data)
        try:
            headlines_domain.vote(headline=headline, person=request.user, **data)
        except ValidationError as exc:
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        return Response(_headline(headline, member_ids(review)))


def _save_recommendation(request, review, recommendation=None):
    data = _valid(RecommendationSerializer, request.data)
    try:
        rec = save_recommendation(review=review, by=request.user, recommendation=recommendation,
                                  **data)
    except RecommendationRefused as exc:
        return Response({"detail": "refused by the corroboration guard",
                         "problems": [{"field": p.field, "finding": p.finding,
                                       "indicator": p.indicator, "message": p.text()}
                                      for p in exc.problems]},
                        status=status.HTTP_400_BAD_REQUEST)
    except ValidationError as exc:
        return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
    except Conflict as exc:
        return _conflict(exc)
    return Response(recommendation_data(rec),
                    status=status.HTTP_200_OK if recommendation else status.HTTP_201_CREATED)


def _may_write_recommendation(user, review):
    if not (user.has_perm("feedback.write_feedback", review)
            or user.has_perm("feedback.override_guard", review)):
        raise PermissionDenied


class Recommendations(APIView):
    @extend_schema(responses=RecommendationSerializer(many=True),
                   operation_id="recommendations_list")
    def get(self, request, review):
        review = _review(review)
        if not (request.user.has_perm("feedback.view_feedback", review)
                or request.user.has_perm("feedback.view_report", review)):
            raise PermissionDenied
        return Response([recommendation_data(r) for r in recommendations_in_full(review)])

    @extend_schema(request=RecommendationSerializer, responses={201: RecommendationSerializer},
                   operation_id="recommendations_add")
    def post(self, request, review):
        review = _review(review)
        _may_write_recommendation(request.user, review)
        return _save_recommendation(request, review)


class RecommendationDetail(APIView):
    @extend_schema(request=RecommendationSerializer, responses={200: RecommendationSerializer},
                   operation_id="recommendation_change")
    def put(self, request, review, pk):
        review = _review(review)
        _may_write_recommendation(request.user, review)
        rec = get_object_or_404(Recommendation, review=review, pk=pk)
        return _save_recommendation(request, review, rec)


class ReportView(APIView):
    @extend_schema(responses=ReportSerializer, operation_id="report_read")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.view_report", review)
        report = report_of(review)
        if report is None:
            raise Http404
        return Response(_report(report))

    @extend_schema(request=None, responses={201: ReportSerializer},
                   operation_id="report_compose")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.write_feedback", review)
        report = reports_domain.compose_report(review=review, by=request.user)
        return Response(_report(report), status=status.HTTP_201_CREATED)


class SectionDetail(APIView):
    @extend_schema(request=SectionSerializer, responses={200: SectionSerializer},
                   operation_id="report_section_save")
    def put(self, request, review, pk):
        review = _review(review)
        _require(request.user, "feedback.write_feedback", review)
        section = get_object_or_404(ReportSection, report__review=review, pk=pk)
        data = _valid(SectionSerializer, request.data)
        try:
            saved = reports_domain.save_section(section=section, by=request.user, **data)
        except Conflict as exc:
            return _conflict(exc)
        except Refused as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except ValidationError as exc:
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        return Response(reports_domain.section_data(saved))


class SectionVersions(APIView):
    @extend_schema(responses=VersionSerializer(many=True), operation_id="report_section_versions")
    def get(self, request, review, pk):
        review = _review(review)
        _require(request.user, "feedback.view_feedback", review)
        section = get_object_or_404(ReportSection, report__review=review, pk=pk)
        return Response([{"revision": v.revision, "title": v.title, "text": v.text,
                          "saved_by": str(v.saved_by) if v.saved_by_id else "",
                          "saved_at": v.saved_at}
                         for v in ReportVersion.objects.filter(section=section)
                         .select_related("saved_by")])


class Approve(APIView):
    @extend_schema(request=None, responses={200: ReportSerializer, 409: FeedbackDetailSerializer},
                   operation_id="report_approve")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.approve_report", review)
        report = report_of(review)
        if report is None:
            raise Http404
        try:
            reports_domain.approve(report=report, by=request.user)
        except Refused as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(_report(report))


class Release(APIView):
    @extend_schema(request=None, responses={200: ReportSerializer, 409: FeedbackDetailSerializer},
                   operation_id="report_release")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.release_report", review)
        report = report_of(review)
        if report is None:
            raise Http404
        try:
            report = reports_domain.release(report=report, by=request.user)
        except Refused as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(_report(report))


class Renderings(APIView):
    @extend_schema(request=RenderingRequestSerializer, responses={202: RenderingSerializer},
                   operation_id="report_render")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "feedback.view_report", review)
        report = report_of(review)
        if report is None:
            raise Http404
        data = _valid(RenderingRequestSerializer, request.data)
        rendering = start_rendering(report=report, fmt=data["format"], by=request.user)
        return Response(_rendering(rendering), status=status.HTTP_202_ACCEPTED)


class RenderingDetail(APIView):
    @extend_schema(responses=RenderingSerializer, operation_id="report_rendering")
    def get(self, request, review, pk):
        review = _review(review)
        _require(request.user, "feedback.view_report", review)
        return Response(_rendering(get_object_or_404(Rendering, report__review=review, pk=pk)))


class RenderingFile(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
                   operation_id="report_rendering_file")
    def get(self, request, review, pk):
        review = _review(review)
        _require(request.user, "feedback.view_report", review)
        rendering = get_object_or_404(Rendering, report__review=review, pk=pk,
                                      state=Rendering.State.DONE)
        if not Path(rendering.path).is_file():
            raise Http404
        return FileResponse(Path(rendering.path).open("rb"), as_attachment=True,
                            filename=f"report-{review.city.slug}.{rendering.format}",
                            content_type=CONTENT_TYPES[rendering.format])


class CommitmentDetail(APIView):
    @extend_schema(request=CommitmentSerializer, responses={200: CommitmentSerializer},
                   operation_id="commitment_save")
    def put(self, request, review, pk):
        review = _review(review)
        _require(request.user, "feedback.update_commitment", review)
        rec = get_object_or_404(Recommendation, review=review, pk=pk)
        data = _valid(CommitmentSerializer, request.data)
        try:
            row = commitments_domain.record_commitment(recommendation=rec, by=request.user,
                                                       **data)
        except ValidationError as exc:
            return Response(exc.message_dict, status=status.HTTP_400_BAD_REQUEST)
        except Conflict as exc:
            return _conflict(exc)
        except Refused as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(commitments_domain.commitment_data(row))


class FollowUp(APIView):
    @extend_schema(responses={200: OpenApiTypes.OBJECT}, operation_id="commitments_follow_up")
    def get(self, request, slug):
        programme = get_object_or_404(Programme, slug=slug)
        _require(request.user, "feedback.view_follow_up", programme)
        return Response(commitments_domain.follow_up_rows(programme))


urlpatterns = [
    path("reviews/<int:review>/headlines/", Headlines.as_view(), name="feedback-headlines"),
    path("reviews/<int:review>/headlines/<int:pk>/votes/", HeadlineVotes.as_view(),
         name="feedback-headline-votes"),
    path("reviews/<int:review>/recommendations/", Recommendations.as_view(),
         name="feedback-recommendations"),
    path("reviews/<int:review>/recommendations/<int:pk>/", RecommendationDetail.as_view(),
         name="feedback-recommendation"),
    path("reviews/<int:review>/recommendations/<int:pk>/commitment/",
         CommitmentDetail.as_view(), name="feedback-commitment"),
    path("reviews/<int:review>/report/", ReportView.as_view(), name="feedback-report"),
    path("reviews/<int:review>/report/sections/<int:pk>/", SectionDetail.as_view(),
         name="feedback-section"),
    path("reviews/<int:review>/report/sections/<int:pk>/versions/", SectionVersions.as_view(),
         name="feedback-section-versions"),
    path("reviews/<int:review>/report/approve/", Approve.as_view(), name="feedback-approve"),
    path("reviews/<int:review>/report/release/", Release.as_view(), name="feedback-release"),
    path("reviews/<int:review>/report/renderings/", Renderings.as_view(),
         name="feedback-renderings"),
    path("reviews/<int:review>/report/renderings/<int:pk>/", RenderingDetail.as_view(),
         name="feedback-rendering"),
    path("reviews/<int:review>/report/renderings/<int:pk>/file/", RenderingFile.as_view(),
         name="feedback-rendering-file"),
    path("programmes/<slug:slug>/follow-up/", FollowUp.as_view(), name="feedback-follow-up"),
]
