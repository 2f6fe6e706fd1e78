"""The report itself: state, provenance, budgets by source, completeness; and its moves
between states."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response

from citypeer.common.api import REFUSED
from citypeer.common.lookup import require
from citypeer.initialreports.api.base import CHANGE_ANSWERS, TAG, InitialReportView
from citypeer.initialreports.domain.queries.reports import transitions_of
from citypeer.initialreports.domain.reports import save_background
from citypeer.initialreports.domain.transitions import (
    resubmit_report,
    return_report,
    submit_report,
)
from citypeer.initialreports.interfaces.access import MOVE_PERMISSIONS, VIEW
from citypeer.initialreports.interfaces.serializers import (
    InitialReportProvenanceUpdateSerializer,
    InitialReportSerializer,
    ReportTransitionRequestSerializer,
    ReportTransitionSerializer,
)
from citypeer.initialreports.method.report import RESUBMIT, RETURN, SUBMIT


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report"))
class ReportDetail(InitialReportView, generics.RetrieveAPIView):
    """A review's initial report: state, provenance, budgets by source, completeness."""

    serializer_class = InitialReportSerializer

    def get_object(self):
        return self.report

    @extend_schema(
        tags=TAG, operation_id="initial_report_update",
        request=InitialReportProvenanceUpdateSerializer,
        responses={200: InitialReportSerializer, **CHANGE_ANSWERS},
    )
    def patch(self, request, review):
        report = self.report
        edit_count, fields = self.change_sent(InitialReportProvenanceUpdateSerializer)
        saved = save_background(report=report, by=request.user, provenance=fields,
                                provenance_edit_count=edit_count)
        saved.review = report.review
        return Response(self.get_serializer(saved).data)


MOVES = {SUBMIT: submit_report, RESUBMIT: resubmit_report, RETURN: return_report}


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report_transitions"))
class TransitionList(InitialReportView, generics.ListAPIView):
    """The report's state changes; POST one to submit, return (with the question) or
    resubmit."""

    serializer_class = ReportTransitionSerializer

    def get_queryset(self):
        return transitions_of(self.report)

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
        _review, report = self.load(VIEW)
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
