"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the evidence bank, the
assessment, strengths and weaknesses, good practices and exports of a review, with the same
permissions as the pages.

    GET, POST         reviews/<review>/evidence/                (GET searches: q and filters)
    GET, PUT, DELETE  reviews/<review>/evidence/<id>/
    POST              reviews/<review>/evidence/<id>/restore/   (coordinator)
    GET               reviews/<review>/evidence/export/<xlsx|csv|qdpx|qdc>/
    GET               reviews/<review>/assessments/
    GET, PUT          reviews/<review>/assessments/<indicator code>/
    GET, POST         reviews/<review>/findings/
    GET, PUT, DELETE  reviews/<review>/findings/<id>/
    GET, POST         reviews/<review>/good-practices/
    GET, PUT, DELETE  reviews/<review>/good-practices/<id>/
    POST              reviews/<review>/good-practices/<id>/restore/   (coordinator)
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.assessment.domain.assessments import (
    AssessmentConflict,
    assessment_data,
    assessment_for,
    assessment_rows,
    interview_numbers,
    set_final_colour,
)
from citypeer.assessment.domain.evidence import (
    EvidenceConflict,
    EvidenceInUse,
    NotRestorable,
    delete_evidence,
    edit_evidence,
    item_data,
    record_evidence,
    restore_evidence,
)
from citypeer.assessment.domain.findings import (
    StaleRevision,
    delete_finding,
    delete_good_practice,
    evidence_trail,
    finding_data,
    practice_data,
    restore_good_practice,
    save_finding,
    save_good_practice,
)
from citypeer.assessment.domain.queries import (
    evidence_in_full,
    findings_in_full,
    good_practices_of,
    indicators_of,
    review_for_evidence,
)
from citypeer.assessment.domain.search import FILTERS, SearchError, search_evidence
from citypeer.assessment.interfaces.serializers import (
    AssessmentConflictSerializer,
    AssessmentInputSerializer,
    AssessmentSerializer,
    EvidenceConflictSerializer,
    EvidenceMessageSerializer,
    EvidenceSerializer,
    FindingSerializer,
    GoodPracticeSerializer,
)
from citypeer.assessment.views import EXPORTS, export_response

BAD_INPUT = OpenApiResponse(description="the fields that are wrong, each with its messages")
REVISION = OpenApiParameter("revision", int, required=True,
                            description="the revision you are deleting")


def _review(review_id):
    review = review_for_evidence(review_id)
    if review is None:
        raise Http404
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _bad(exc: DjangoValidationError):
    raise serializers.ValidationError(exc.message_dict) from exc


def _revision(request) -> int:
    value = request.query_params.get("revision", request.data.get("revision")
                                     if hasattr(request.data, "get") else None)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise serializers.ValidationError(
            {"revision": ["Give the revision you are deleting."]}) from None


def _item(review, pk):
    found = evidence_in_full(review).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _item_out(request, review, item) -> dict:
    return item_data(item, identities=request.user.has_perm("assessment.view_interviewees",
                                                            review))


# --- evidence -------------------------------------------------------------------------------

class EvidenceList(APIView):
    """The review's evidence bank: full-text search with `q` (every word, as a prefix) and
    filters; POST records a piece of evidence."""

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="words to search for"),
                    *[OpenApiParameter(name, str) for name in FILTERS]],
        responses={200: EvidenceSerializer(many=True), 400: BAD_INPUT},
        operation_id="evidence_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "assessment.view_bank", review)
        try:
            items = search_evidence(review=review, text=request.query_params.get("q", ""),
                                    filters={k: request.query_params.get(k, "")
                                             for k in FILTERS})
        except SearchError as exc:
            raise serializers.ValidationError(exc.errors) from exc
        return Response([_item_out(request, review, item) for item in items])

    @extend_schema(request=EvidenceSerializer,
                   responses={201: EvidenceSerializer, 200: EvidenceSerializer,
                              400: BAD_INPUT},
                   operation_id="evidence_record")
    def post(self, request, review):
        """Record a piece of evidence: 201 when new, 200 with the stored item when its
        `client_key` was sent before."""
        review = _review(review)
        _require(request.user, "assessment.record_evidence", review)
        serializer = EvidenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            item, created = record_evidence(review=review, by=request.user,
                                            **serializer.domain_kwargs())
        except DjangoValidationError as exc:
            _bad(exc)
        return Response(_item_out(request, review, _item(review, item.pk)),
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class EvidenceDetail(APIView):
    @extend_schema(responses=EvidenceSerializer, operation_id="evidence_get")
    def get(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.view_bank", review)
        return Response(_item_out(request, review, _item(review, pk)))

    @extend_schema(request=EvidenceSerializer,
                   responses={200: EvidenceSerializer, 400: BAD_INPUT,
                              409: EvidenceConflictSerializer},
                   operation_id="evidence_put")
    def put(self, request, review, pk):
        """Replace the item; `revision` is the one you started from."""
        review = _review(review)
        _require(request.user, "assessment.record_evidence", review)
        found = _item(review, pk)
        serializer = EvidenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = serializer.domain_kwargs()
        fields.pop("client_key", None)
        try:
            edit_evidence(item=found, by=request.user,
                          revision=serializer.validated_data["revision"], **fields)
        except DjangoValidationError as exc:
            _bad(exc)
        except EvidenceConflict as exc:
            return Response({"detail": str(exc), "current": exc.current,
                             "yours": exc.attempted}, status=status.HTTP_409_CONFLICT)
        return Response(_item_out(request, review, _item(review, pk)))

    @extend_schema(parameters=[REVISION],
                   responses={204: None, 409: EvidenceMessageSerializer},
                   operation_id="evidence_delete")
    def delete(self, request, review, pk):
        """Delete the item (kept in the history; the coordinator may restore it)."""
        review = _review(review)
        _require(request.user, "assessment.record_evidence", review)
        found = _item(review, pk)
        try:
            delete_evidence(item=found, by=request.user, revision=_revision(request))
        except (EvidenceConflict, EvidenceInUse) as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EvidenceRestore(APIView):
    @extend_schema(request=None,
                   responses={201: EvidenceSerializer, 409: EvidenceMessageSerializer},
                   operation_id="evidence_restore")
    def post(self, request, review, pk):
        """Bring a deleted piece of evidence back as it last was (coordinator)."""
        review = _review(review)
        _require(request.user, "assessment.restore_deleted", review)
        try:
            item = restore_evidence(review=review, item_id=pk, by=request.user)
        except NotRestorable as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(_item_out(request, review, _item(review, item.pk)),
                        status=status.HTTP_201_CREATED)


class EvidenceExport(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
                   operation_id="evidence_export",
                   description="The bank as xlsx or csv, as a REFI-QDA project (qdpx), or "
                               "the benchmark as a REFI-QDA codebook (qdc).")
    def get(self, request, review, fmt):
        review = _review(review)
        _require(request.user, "assessment.view_bank", review)
        if fmt not in EXPORTS:
            raise Http404
        return export_response(review, fmt)


# --- assessments -------------------------------------------------------------------------

class AssessmentList(APIView):
    """Every indicator with the proposal computed from the bank and the team's colour."""

    @extend_schema(responses=AssessmentSerializer(many=True), operation_id="assessments_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "assessment.view_assessment", review)
        numbers = interview_numbers(review)
        return Response([assessment_data(row, numbers=numbers)
                         for row in assessment_rows(review)])


class AssessmentDetail(APIView):
    def _indicator(self, review, code):
        found = indicators_of(review).filter(code=code).first()
        if found is None:
            raise Http404
        return found

    @extend_schema(responses=AssessmentSerializer, operation_id="assessment_get")
    def get(self, request, review, indicator):
        review = _review(review)
        _require(request.user, "assessment.view_assessment", review)
        row = assessment_for(review, indicator=self._indicator(review, indicator))
        return Response(assessment_data(row, numbers=interview_numbers(review)))

    @extend_schema(request=AssessmentInputSerializer,
                   responses={200: AssessmentSerializer, 400: BAD_INPUT,
                              409: AssessmentConflictSerializer},
                   operation_id="assessment_put")
    def put(self, request, review, indicator):
        """Set the team's colour; a colour other than the proposal's needs a rationale."""
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        found = self._indicator(review, indicator)
        serializer = AssessmentInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            set_final_colour(review=review, indicator=found, by=request.user,
                             **serializer.validated_data)
        except DjangoValidationError as exc:
            _bad(exc)
        except AssessmentConflict as exc:
            return Response({"detail": str(exc), "current": exc.current,
                             "yours": exc.attempted}, status=status.HTTP_409_CONFLICT)
        row = assessment_for(review, indicator=found)
        return Response(assessment_data(row, numbers=interview_numbers(review)))


# --- findings and good practices ----------------------------------------------------------

def _finding_out(finding) -> dict:
    return {**finding_data(finding),
            "trail": [ref for step in evidence_trail(finding) for ref in step.references]}


class FindingList(APIView):
    @extend_schema(responses=FindingSerializer(many=True), operation_id="findings_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "assessment.view_assessment", review)
        return Response([_finding_out(f) for f in findings_in_full(review)])

    @extend_schema(request=FindingSerializer,
                   responses={201: FindingSerializer, 400: BAD_INPUT},
                   operation_id="finding_create")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        serializer = FindingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {**serializer.validated_data, "revision": 0}
        try:
            finding = save_finding(review=review, by=request.user, **data)
        except DjangoValidationError as exc:
            _bad(exc)
        return Response(_finding_out(findings_in_full(review).get(pk=finding.pk)),
                        status=status.HTTP_201_CREATED)


class FindingDetail(APIView):
    def _finding(self, review, pk):
        found = findings_in_full(review).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    @extend_schema(responses=FindingSerializer, operation_id="finding_get")
    def get(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.view_assessment", review)
        return Response(_finding_out(self._finding(review, pk)))

    @extend_schema(request=FindingSerializer,
                   responses={200: FindingSerializer, 400: BAD_INPUT,
                              409: EvidenceConflictSerializer},
                   operation_id="finding_put")
    def put(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        found = self._finding(review, pk)
        serializer = FindingSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            save_finding(review=review, by=request.user, finding=found,
                         **serializer.validated_data)
        except DjangoValidationError as exc:
            _bad(exc)
        except StaleRevision as exc:
            return Response({"detail": str(exc), "current": exc.current,
                             "yours": exc.attempted}, status=status.HTTP_409_CONFLICT)
        return Response(_finding_out(self._finding(review, pk)))

    @extend_schema(parameters=[REVISION], responses={204: None, 409: EvidenceMessageSerializer},
                   operation_id="finding_delete")
    def delete(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        try:
            delete_finding(finding=self._finding(review, pk), by=request.user,
                           revision=_revision(request))
        except StaleRevision as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


class GoodPracticeList(APIView):
    @extend_schema(responses=GoodPracticeSerializer(many=True),
                   operation_id="review_good_practices_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "assessment.view_assessment", review)
        return Response([practice_data(p) for p in good_practices_of(review)])

    @extend_schema(request=GoodPracticeSerializer,
                   responses={201: GoodPracticeSerializer, 400: BAD_INPUT},
                   operation_id="review_good_practice_create")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        serializer = GoodPracticeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {**serializer.validated_data, "revision": 0}
        try:
            practice = save_good_practice(review=review, by=request.user, **data)
        except DjangoValidationError as exc:
            _bad(exc)
        return Response(practice_data(practice), status=status.HTTP_201_CREATED)


class GoodPracticeDetail(APIView):
    def _practice(self, review, pk):
        found = good_practices_of(review).filter(pk=pk).first()
        if found is None:
            raise Http404
        return found

    @extend_schema(responses=GoodPracticeSerializer, operation_id="review_good_practice_get")
    def get(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.view_assessment", review)
        return Response(practice_data(self._practice(review, pk)))

    @extend_schema(request=GoodPracticeSerializer,
                   responses={200: GoodPracticeSerializer, 400: BAD_INPUT,
                              409: EvidenceConflictSerializer},
                   operation_id="review_good_practice_put")
    def put(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        found = self._practice(review, pk)
        serializer = GoodPracticeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            save_good_practice(review=review, by=request.user, practice=found,
                               **serializer.validated_data)
        except DjangoValidationError as exc:
            _bad(exc)
        except StaleRevision as exc:
            return Response({"detail": str(exc), "current": exc.current,
                             "yours": exc.attempted}, status=status.HTTP_409_CONFLICT)
        return Response(practice_data(self._practice(review, pk)))

    @extend_schema(parameters=[REVISION], responses={204: None, 409: EvidenceMessageSerializer},
                   operation_id="review_good_practice_delete")
    def delete(self, request, review, pk):
        review = _review(review)
        _require(request.user, "assessment.change_assessment", review)
        try:
            delete_good_practice(practice=self._practice(review, pk), by=request.user,
                                 revision=_revision(request))
        except StaleRevision as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


class GoodPracticeRestore(APIView):
    @extend_schema(request=None,
                   responses={201: GoodPracticeSerializer, 409: EvidenceMessageSerializer},
                   operation_id="review_good_practice_restore")
    def post(self, request, review, pk):
        """Bring a deleted good practice back as it last was (coordinator)."""
        review = _review(review)
        _require(request.user, "assessment.restore_deleted", review)
        try:
            practice = restore_good_practice(review=review, practice_id=pk, by=request.user)
        except NotRestorable as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(practice_data(practice), status=status.HTTP_201_CREATED)


urlpatterns = [
    path("reviews/<int:review>/evidence/", EvidenceList.as_view(), name="evidence-list"),
    path("reviews/<int:review>/evidence/export/<str:fmt>/", EvidenceExport.as_view(),
         name="evidence-export"),
    path("reviews/<int:review>/evidence/<int:pk>/", EvidenceDetail.as_view(),
         name="evidence-detail"),
    path("reviews/<int:review>/evidence/<int:pk>/restore/", EvidenceRestore.as_view(),
         name="evidence-restore"),
    path("reviews/<int:review>/assessments/", AssessmentList.as_view(),
         name="assessment-list"),
    path("reviews/<int:review>/assessments/<path:indicator>/", AssessmentDetail.as_view(),
         name="assessment-detail"),
    path("reviews/<int:review>/findings/", FindingList.as_view(), name="finding-list"),
    path("reviews/<int:review>/findings/<int:pk>/", FindingDetail.as_view(),
         name="finding-detail"),
    path("reviews/<int:review>/good-practices/", GoodPracticeList.as_view(),
         name="review-good-practice-list"),
    path("reviews/<int:review>/good-practices/<int:pk>/", GoodPracticeDetail.as_view(),
         name="review-good-practice-detail"),
    path("reviews/<int:review>/good-practices/<int:pk>/restore/",
         GoodPracticeRestore.as_view(), name="review-good-practice-restore"),
]
