"""The report itself: state, provenance, budgets by source, completeness; and its moves
between states."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.common.lookup import require
from citypeer.initialreports.domain.queries.reports import transitions_of
from citypeer.initialreports.domain.reports import save_background
from citypeer.initialreports.domain.transitions import (
    resubmit_report,
    return_report,
    submit_report,
)
from citypeer.initialreports.interfaces.access import CHANGE, MOVE_PERMISSIONS, load_report
from citypeer.initialreports.interfaces.serializers import (
    InitialReportProvenanceUpdateSerializer,
    InitialReportSerializer,
    ReportTransitionRequestSerializer,
    ReportTransitionSerializer,
)
from citypeer.initialreports.method.report import RESUBMIT, RETURN, SUBMIT

TAG = ["initial reports"]


class ReportDetail(APIView):
    """A review's initial report: state, provenance, budgets by source, completeness."""

    @extend_schema(tags=TAG, operation_id="initial_report", responses=InitialReportSerializer)
    def get(self, request, review):
        _review, report = load_report(request.user, review)
        return Response(InitialReportSerializer(report, context={"request": request}).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_update",
        request=InitialReportProvenanceUpdateSerializer,
        responses={200: InitialReportSerializer, 400: BAD_INPUT, 403: REFUSED,
                   409: EDIT_CONFLICT},
    )
    def patch(self, request, review):
        _review, report = load_report(request.user, review, CHANGE)
        edit_count = edit_count_from(request)
        data = InitialReportProvenanceUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields.pop("edit_count")
        report = save_background(report=report, by=request.user, provenance=fields,
                                 provenance_edit_count=edit_count)
        report.review = _review
        return Response(InitialReportSerializer(report, context={"request": request}).data)


MOVES = {SUBMIT: submit_report, RESUBMIT: resubmit_report, RETURN: return_report}


class TransitionList(APIView):
    """The report's state changes; POST one to submit, return (with the question) or
    resubmit."""

    @extend_schema(tags=TAG, operation_id="initial_report_transitions",
                   responses=ReportTransitionSerializer(many=True))
    def get(self, request, review):
        _review, report = load_report(request.user, review)
        return Response(ReportTransitionSerializer(transitions_of(report), many=True).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_transition_create",
        request=ReportTransitionRequestSerializer,
        responses={201: ReportTransitionSerializer,
                   400: OpenApiResponse(REFUSED.response,
                                        description="incomplete, or no question given"),
                   409: OpenApiResponse(REFUSED.response,
                                        description="not possible in the present state")},
    )
    def post(self, request, review):
        data = ReportTransitionRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        action = data.validated_data["action"]
        _review, report = load_report(request.user, review)
        # The permission includes the state: a host officer cannot submit twice.
        require(request.user, MOVE_PERMISSIONS[action], report)
        extra = {}
        if action == RETURN:
            extra["question"] = data.validated_data["message"]
        elif action == RESUBMIT:
            extra["message"] = data.validated_data["message"]
        transition = MOVES[action](report=report, by=request.user, **extra)
        return Response(ReportTransitionSerializer(transition).data,
                        status=status.HTTP_201_CREATED)
