"""The self-assessment entries, and the people they name as responsible."""

from __future__ import annotations

from dataclasses import replace

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from citypeer.initialreports.api.base import CHANGE_ANSWERS, TAG, InitialReportView
from citypeer.initialreports.domain.queries.reports import candidate_interviewees, entries_in_full
from citypeer.initialreports.domain.reports import entry_values, save_self_assessment
from citypeer.initialreports.interfaces.serializers import (
    ResponsiblePersonSerializer,
    SelfAssessmentSerializer,
    SelfAssessmentUpdateSerializer,
)
from citypeer.initialreports.method.report import PersonIn


class EntriesView(InitialReportView):
    serializer_class = SelfAssessmentSerializer
    lookup_field = "indicator_id"
    lookup_url_kwarg = "indicator"

    def get_queryset(self):
        return entries_in_full(self.report)


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report_self_assessments"))
class SelfAssessmentList(EntriesView, generics.ListAPIView):
    """Every self-assessment entry, in benchmark order."""


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report_self_assessment"))
class SelfAssessmentDetail(EntriesView, generics.RetrieveAPIView):
    """The self-assessment entry of one indicator (by the indicator's id)."""

    @extend_schema(
        tags=TAG, operation_id="initial_report_self_assessment_update",
        request=SelfAssessmentUpdateSerializer,
        responses={200: SelfAssessmentSerializer, **CHANGE_ANSWERS},
    )
    def patch(self, request, review, indicator):
        entry = self.get_object()
        edit_count, given = self.change_sent(SelfAssessmentUpdateSerializer)
        for role in ("politically_responsible", "operationally_responsible"):
            if given.get(role) is not None:
                given[role] = PersonIn(**given[role])
        save_self_assessment(report=self.report, indicator_id=entry.indicator_id,
                             values=replace(entry_values(entry), **given),
                             edit_count=edit_count, by=request.user)
        return Response(SelfAssessmentSerializer(self.get_object()).data)


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report_people"))
class ResponsiblePeopleList(InitialReportView, generics.ListAPIView):
    """The people the report names as responsible, each once: the candidate interviewees."""

    serializer_class = ResponsiblePersonSerializer

    def get_queryset(self):
        return candidate_interviewees(self.report)
