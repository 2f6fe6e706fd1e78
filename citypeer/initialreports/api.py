"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the initial report of a
review, with the same permissions as its pages. Saves name the revision they started from and
get 409 with both versions when someone else saved first."""

from __future__ import annotations

from dataclasses import asdict, replace

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.initialreports.domain.describe import describe_gap
from citypeer.initialreports.domain.queries.reports import (
    background_sections,
    candidate_interviewees,
    documents_of,
    entries_in_full,
)
from citypeer.initialreports.domain.reports import (
    EditConflict,
    ReportLocked,
    entry_values,
    report_completeness,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.domain.transitions import (
    QuestionRequired,
    ReportIncomplete,
    TransitionNotAllowed,
    resubmit_report,
    return_report,
    submit_report,
)
from citypeer.initialreports.interfaces import serializers as s
from citypeer.initialreports.method import report as core
from citypeer.initialreports.method.workbook import PersonIn
from citypeer.initialreports.models import BackgroundSection, SelfAssessment, SupportingDocument
from citypeer.initialreports.views import CHANGE, file_response, load_report

TAG = ["initial reports"]


def _report(request, review: int, permission: str = "initialreports.view_report"):
    try:
        return load_report(request.user, review, permission)
    except DjangoPermissionDenied:
        raise PermissionDenied(_("You may not do this with this initial report.")) from None


def _conflict_response(conflict: EditConflict) -> Response:
    return Response(
        {"detail": str(conflict), "conflicts": [asdict(c) for c in conflict.conflicts]},
        status=status.HTTP_409_CONFLICT,
    )


def _locked_response(locked: ReportLocked) -> Response:
    return Response({"detail": str(locked)}, status=status.HTTP_403_FORBIDDEN)


def _actions(user, report) -> list[str]:
    perms = {
        core.SUBMIT: "initialreports.submit_report",
        core.RETURN: "initialreports.return_report",
        core.RESUBMIT: "initialreports.resubmit_report",
    }
    actions = [a for a, perm in perms.items() if user.has_perm(perm, report)]
    if user.has_perm(CHANGE, report):
        actions.insert(0, "edit")
    return actions


def _report_data(request, report) -> dict:
    completeness = report_completeness(report)
    context = {
        "request": request,
        "actions": _actions(request.user, report),
        "completeness": {
            "percent": completeness.percent, "checks": completeness.checks,
            "satisfied": completeness.satisfied, "complete": completeness.complete,
            "missing": [
                {"area": g.area, "place": str(g.place), "problem": g.problem,
                 "text": describe_gap(g)}
                for g in completeness.gaps
            ],
        },
    }
    return s.InitialReportSerializer(report, context=context).data


class ReportDetail(APIView):
    """A review's initial report: state, provenance, budgets by source, completeness."""

    @extend_schema(tags=TAG, operation_id="initial_report", responses=s.InitialReportSerializer)
    def get(self, request, review):
        _review, report = _report(request, review)
        return Response(_report_data(request, report))

    @extend_schema(
        tags=TAG, operation_id="initial_report_update",
        request=s.InitialReportProvenanceUpdateSerializer,
        responses={200: s.InitialReportSerializer, 409: s.InitialReportConflictSerializer},
    )
    def patch(self, request, review):
        _review, report = _report(request, review, CHANGE)
        data = s.InitialReportProvenanceUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        revision = fields.pop("revision")
        try:
            report = save_background(report=report, by=request.user, provenance=fields,
                                     provenance_revision=revision)
        except EditConflict as conflict:
            return _conflict_response(conflict)
        except ReportLocked as locked:
            return _locked_response(locked)
        report.review = _review
        return Response(_report_data(request, report))


class BackgroundList(APIView):
    """The seven background sections."""

    @extend_schema(tags=TAG, operation_id="initial_report_background",
                   responses=s.BackgroundSectionSerializer(many=True))
    def get(self, request, review):
        _review, report = _report(request, review)
        return Response(s.BackgroundSectionSerializer(background_sections(report), many=True).data)


class BackgroundDetail(APIView):
    """One background section (kind 1 to 7)."""

    def _section(self, report, kind) -> BackgroundSection:
        found = background_sections(report).filter(kind=kind).first()
        if found is None:
            raise Http404
        return found

    @extend_schema(tags=TAG, operation_id="initial_report_background_section",
                   responses=s.BackgroundSectionSerializer)
    def get(self, request, review, kind):
        _review, report = _report(request, review)
        return Response(s.BackgroundSectionSerializer(self._section(report, kind)).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_background_section_update",
        request=s.BackgroundSectionUpdateSerializer,
        responses={200: s.BackgroundSectionSerializer, 409: s.InitialReportConflictSerializer},
    )
    def patch(self, request, review, kind):
        _review, report = _report(request, review, CHANGE)
        section = self._section(report, kind)
        data = s.BackgroundSectionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            save_background(report=report, by=request.user, sections={
                section.kind: (data.validated_data["text"], data.validated_data["revision"])
            })
        except EditConflict as conflict:
            return _conflict_response(conflict)
        except ReportLocked as locked:
            return _locked_response(locked)
        return Response(s.BackgroundSectionSerializer(self._section(report, kind)).data)


class SelfAssessmentList(APIView):
    """Every self-assessment entry, in benchmark order."""

    @extend_schema(tags=TAG, operation_id="initial_report_self_assessments",
                   responses=s.SelfAssessmentSerializer(many=True))
    def get(self, request, review):
        _review, report = _report(request, review)
        return Response(s.SelfAssessmentSerializer(entries_in_full(report), many=True).data)


class SelfAssessmentDetail(APIView):
    """The self-assessment entry of one indicator (by the indicator's id)."""

    def _entry(self, report, indicator) -> SelfAssessment:
        found = entries_in_full(report).filter(indicator_id=indicator).first()
        if found is None:
            raise Http404
        return found

    @extend_schema(tags=TAG, operation_id="initial_report_self_assessment",
                   responses=s.SelfAssessmentSerializer)
    def get(self, request, review, indicator):
        _review, report = _report(request, review)
        return Response(s.SelfAssessmentSerializer(self._entry(report, indicator)).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_self_assessment_update",
        request=s.SelfAssessmentUpdateSerializer,
        responses={200: s.SelfAssessmentSerializer, 409: s.InitialReportConflictSerializer},
    )
    def patch(self, request, review, indicator):
        _review, report = _report(request, review, CHANGE)
        entry = self._entry(report, indicator)
        data = s.SelfAssessmentUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        given = dict(data.validated_data)
        revision = given.pop("revision")
        for role in ("politically_responsible", "operationally_responsible"):
            if given.get(role) is not None:
                given[role] = PersonIn(**given[role])
        values = replace(entry_values(entry), **given)
        try:
            save_self_assessment(report=report, indicator_id=entry.indicator_id, values=values,
                                 revision=revision, by=request.user)
        except EditConflict as conflict:
            return _conflict_response(conflict)
        except ReportLocked as locked:
            return _locked_response(locked)
        return Response(s.SelfAssessmentSerializer(self._entry(report, indicator)).data)


class ResponsiblePeopleList(APIView):
    """The people the report names as responsible, each once: the candidate interviewees."""

    @extend_schema(tags=TAG, operation_id="initial_report_people",
                   responses=s.ResponsiblePersonSerializer(many=True))
    def get(self, request, review):
        _review, report = _report(request, review)
        return Response(s.ResponsiblePersonSerializer(candidate_interviewees(report),
                                                      many=True).data)


class DocumentList(APIView):
    """The uploaded documents (metadata; each file at its file_url)."""

    @extend_schema(tags=TAG, operation_id="initial_report_documents",
                   responses=s.SupportingDocumentSerializer(many=True))
    def get(self, request, review):
        _review, report = _report(request, review)
        context = {"request": request, "review_id": _review.pk}
        return Response(s.SupportingDocumentSerializer(documents_of(report), many=True,
                                             context=context).data)


class DocumentFile(APIView):
    """One uploaded file, as an attachment."""

    @extend_schema(tags=TAG, operation_id="initial_report_document_file",
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, review, document):
        _review, report = _report(request, review)
        found = SupportingDocument.objects.filter(report=report, pk=document).first()
        if found is None:
            raise Http404
        return file_response(found)


MOVES = {
    core.SUBMIT: ("initialreports.submit_report", submit_report),
    core.RESUBMIT: ("initialreports.resubmit_report", resubmit_report),
    core.RETURN: ("initialreports.return_report", return_report),
}


class TransitionList(APIView):
    """The report's state changes; POST one to submit, return (with the question) or
    resubmit."""

    @extend_schema(tags=TAG, operation_id="initial_report_transitions",
                   responses=s.ReportTransitionSerializer(many=True))
    def get(self, request, review):
        _review, report = _report(request, review)
        return Response(s.ReportTransitionSerializer(report.transitions.select_related("by"),
                                               many=True).data)

    @extend_schema(
        tags=TAG, operation_id="initial_report_transition_create",
        request=s.ReportTransitionRequestSerializer,
        responses={201: s.ReportTransitionSerializer,
                   400: OpenApiResponse(s.InitialReportRefusalSerializer,
                                        description="incomplete, or no question given"),
                   409: OpenApiResponse(s.InitialReportRefusalSerializer,
                                        description="not possible in the present state")},
    )
    def post(self, request, review):
        data = s.ReportTransitionRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        action = data.validated_data["action"]
        permission, move = MOVES[action]
        _review, report = _report(request, review)
        if not request.user.has_perm(permission, report):
            # The permission includes the state: a host officer cannot submit twice.
            raise PermissionDenied(_("You may not do this with this initial report."))
        extra = {}
        if action == core.RETURN:
            extra["question"] = data.validated_data["message"]
        elif action == core.RESUBMIT:
            extra["message"] = data.validated_data["message"]
        try:
            transition = move(report=report, by=request.user, **extra)
        except ReportIncomplete as incomplete:
            return Response({"detail": str(incomplete), "missing": incomplete.missing},
                            status=status.HTTP_400_BAD_REQUEST)
        except QuestionRequired as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        except TransitionNotAllowed as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_409_CONFLICT)
        return Response(s.ReportTransitionSerializer(transition).data,
                        status=status.HTTP_201_CREATED)


PREFIX = "reviews/<int:review>/initial-report/"
urlpatterns = [
    path(PREFIX, ReportDetail.as_view(), name="initialreport-detail"),
    path(f"{PREFIX}background/", BackgroundList.as_view(), name="initialreport-background"),
    path(f"{PREFIX}background/<int:kind>/", BackgroundDetail.as_view(),
         name="initialreport-background-section"),
    path(f"{PREFIX}self-assessments/", SelfAssessmentList.as_view(),
         name="initialreport-self-assessments"),
    path(f"{PREFIX}self-assessments/<int:indicator>/", SelfAssessmentDetail.as_view(),
         name="initialreport-self-assessment"),
    path(f"{PREFIX}people/", ResponsiblePeopleList.as_view(), name="initialreport-people"),
    path(f"{PREFIX}documents/", DocumentList.as_view(), name="initialreport-documents"),
    path(f"{PREFIX}documents/<int:document>/file/", DocumentFile.as_view(),
         name="initialreport-document-file"),
    path(f"{PREFIX}transitions/", TransitionList.as_view(), name="initialreport-transitions"),
]
