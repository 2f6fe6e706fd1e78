"""The self-assessment entries, and the people they name as responsible."""

from __future__ import annotations

from dataclasses import replace

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.initialreports.domain.queries.reports import (
    candidate_interviewees,
    entries_in_full,
    entry_of,
)
from citypeer.initialreports.domain.reports import entry_values, save_self_assessment
from citypeer.initialreports.interfaces.access import CHANGE, load_report
from citypeer.initialreports.interfaces.serializers import (
    ResponsiblePersonSerializer,
    SelfAssessmentSerializer,
    SelfAssessmentUpdateSerializer,
)
from citypeer.initialreports.method.report import PersonIn

TAG = ["initial reports"]


class SelfAssessmentList(APIView):
    """Every self-assessment entry, in benchmark order."""

    @extend_schema(tags=TAG, operation_id="initial_report_self_assessments",
                   responses=SelfAssessmentSerializer(many=True))
    def get(self, request, review):
        _review, report = load_report(request.user, review)
        return Response(SelfAssessmentSerializer(entries_in_full(report), many=True).data)


def _entry(report, indicator):
    found = entry_of(report, indicator)
    if found is None:
        raise Http404
    return found


class SelfAssessmentDetail(APIView):
    """The self-assessment entry of one indicator (by the indicator's id)."""

    @extend_schema(tags=TAG, operation_id="initial_report_self_assessment",
                   responses=SelfAssessmentSerializer)
    def get(self, request, review, indicator):
        _review, report = load_report(request.user, review)
        return Response(SelfAssessmentSerializer(_entry(report, indicator)).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_self_assessment_update",
        request=SelfAssessmentUpdateSerializer,
        responses={200: SelfAssessmentSerializer, 400: BAD_INPUT, 403: REFUSED,
                   409: EDIT_CONFLICT},
    )
    def patch(self, request, review, indicator):
        _review, report = load_report(request.user, review, CHANGE)
        entry = _entry(report, indicator)
        edit_count = edit_count_from(request)
        data = SelfAssessmentUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = dict(data.validated_data)
        given.pop("edit_count")
        for role in ("politically_responsible", "operationally_responsible"):
            if given.get(role) is not None:
                given[role] = PersonIn(**given[role])
        save_self_assessment(report=report, indicator_id=entry.indicator_id,
                             values=replace(entry_values(entry), **given),
                             edit_count=edit_count, by=request.user)
        return Response(SelfAssessmentSerializer(_entry(report, indicator)).data)


class ResponsiblePeopleList(APIView):
    """The people the report names as responsible, each once: the candidate interviewees."""

    @extend_schema(tags=TAG, operation_id="initial_report_people",
                   responses=ResponsiblePersonSerializer(many=True))
    def get(self, request, review):
        _review, report = load_report(request.user, review)
        return Response(ResponsiblePersonSerializer(candidate_interviewees(report),
                                                    many=True).data)
