"""The written report through the API: composing it, saving a section from the edit count
the change started from (a 409 with both versions when someone saved first), its versions,
the peers' approval and the leader's release."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, REFUSED, edit_count_from
from citypeer.common.lookup import get_review, get_row
from citypeer.feedback.domain.queries import composed_report, sections_of_review, versions_of
from citypeer.feedback.domain.reports import (
    approval_of,
    approve,
    compose_report,
    release,
    save_section,
)
from citypeer.feedback.interfaces.serializers import (
    CONFLICT_OR_REFUSED,
    ReportSerializer,
    SectionSerializer,
    VersionSerializer,
)


def _report(report) -> dict:
    return ReportSerializer(report, context={"approval": approval_of(report)}).data


class ReportView(APIView):
    @extend_schema(responses=ReportSerializer, operation_id="report_read")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.view_report")
        return Response(_report(composed_report(review)))

    @extend_schema(request=None, responses={201: ReportSerializer},
                   operation_id="report_compose")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.write_feedback")
        report = compose_report(review=review, by=request.user)
        return Response(_report(report), status=status.HTTP_201_CREATED)


class SectionDetail(APIView):
    @extend_schema(request=SectionSerializer,
                   responses={200: SectionSerializer, 400: BAD_INPUT,
                              409: CONFLICT_OR_REFUSED},
                   operation_id="report_section_save")
    def put(self, request, review, pk):
        review = get_review(review, user=request.user, permission="feedback.write_feedback")
        section = get_row(sections_of_review(review), pk)
        edit_count = edit_count_from(request)
        serializer = SectionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        saved = save_section(section=section, by=request.user, edit_count=edit_count,
                             text=serializer.validated_data["text"],
                             title=serializer.validated_data.get("title"))
        return Response(SectionSerializer(saved).data)


class SectionVersions(APIView):
    @extend_schema(responses=VersionSerializer(many=True), operation_id="report_section_versions")
    def get(self, request, review, pk):
        review = get_review(review, user=request.user, permission="feedback.view_feedback")
        section = get_row(sections_of_review(review), pk)
        return Response(VersionSerializer(versions_of(section), many=True).data)


class Approve(APIView):
    @extend_schema(request=None, responses={200: ReportSerializer, 409: REFUSED},
                   operation_id="report_approve")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.approve_report")
        report = composed_report(review)
        approve(report=report, by=request.user)
        return Response(_report(report))


class Release(APIView):
    @extend_schema(request=None, responses={200: ReportSerializer, 409: REFUSED},
                   operation_id="report_release")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="feedback.release_report")
        report = release(report=composed_report(review), by=request.user)
        return Response(_report(report))
