"""The evidence bank through the API: search, record (once per client key), change, delete,
restore (coordinator) and exports."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.assessment.domain.evidence import (
    delete_evidence,
    edit_evidence,
    record_evidence,
    restore_evidence,
)
from citypeer.assessment.domain.queries import evidence_in_full
from citypeer.assessment.domain.search import FILTERS, SearchError, search_evidence
from citypeer.assessment.interfaces.exports import EXPORTS, export_response
from citypeer.assessment.interfaces.serializers import EDIT_COUNT_PARAMETER, EvidenceSerializer
from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.common.lookup import get_review, get_row


def _answer(request, review, pk, *, status_code=status.HTTP_200_OK) -> Response:
    """The item as it is stored now, with the interviewee's name for those who see it."""
    item = get_row(evidence_in_full(review), pk)
    identities = request.user.has_perm("assessment.view_interviewees", review)
    return Response(EvidenceSerializer(item, context={"identities": identities}).data,
                    status=status_code)


class EvidenceList(APIView):
    """The review's evidence bank: full-text search with `q` (every word, as a prefix) and
    filters; POST records a piece of evidence."""

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="words to search for"),
                    *[OpenApiParameter(name, str) for name in FILTERS]],
        responses={200: EvidenceSerializer(many=True), 400: BAD_INPUT},
        operation_id="evidence_list")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="assessment.view_bank")
        try:
            items = search_evidence(review=review, text=request.query_params.get("q", ""),
                                    filters={k: request.query_params.get(k, "")
                                             for k in FILTERS})
        except SearchError as exc:
            raise serializers.ValidationError(exc.errors) from exc
        identities = request.user.has_perm("assessment.view_interviewees", review)
        return Response(EvidenceSerializer(items, many=True,
                                           context={"identities": identities}).data)

    @extend_schema(request=EvidenceSerializer,
                   responses={201: EvidenceSerializer, 200: EvidenceSerializer,
                              400: BAD_INPUT},
                   operation_id="evidence_record")
    def post(self, request, review):
        """Record a piece of evidence: 201 when new, 200 with the stored item when its
        `client_key` was sent before."""
        review = get_review(review, user=request.user, permission="assessment.record_evidence")
        serializer = EvidenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item, created = record_evidence(review=review, by=request.user,
                                        **serializer.domain_kwargs())
        return _answer(request, review, item.pk,
                       status_code=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class EvidenceDetail(APIView):
    @extend_schema(responses=EvidenceSerializer, operation_id="evidence_get")
    def get(self, request, review, pk):
        review = get_review(review, user=request.user, permission="assessment.view_bank")
        return _answer(request, review, pk)

    @extend_schema(request=EvidenceSerializer,
                   responses={200: EvidenceSerializer, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                   operation_id="evidence_put")
    def put(self, request, review, pk):
        """Replace the item; `edit_count` is the one you started from."""
        review = get_review(review, user=request.user, permission="assessment.record_evidence")
        found = get_row(evidence_in_full(review), pk)
        edit_count = edit_count_from(request)
        serializer = EvidenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = serializer.domain_kwargs()
        fields.pop("client_key", None)
        edit_evidence(item=found, by=request.user, edit_count=edit_count, **fields)
        return _answer(request, review, pk)

    @extend_schema(parameters=[EDIT_COUNT_PARAMETER],
                   responses={204: None, 400: BAD_INPUT, 409: EDIT_CONFLICT},
                   operation_id="evidence_delete",
                   description="409 also when a finding rests on the item: remove it from the "
                               "finding first.")
    def delete(self, request, review, pk):
        """Delete the item (kept in the history; the coordinator may restore it)."""
        review = get_review(review, user=request.user, permission="assessment.record_evidence")
        found = get_row(evidence_in_full(review), pk)
        delete_evidence(item=found, by=request.user, edit_count=edit_count_from(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class EvidenceRestore(APIView):
    @extend_schema(request=None, responses={201: EvidenceSerializer, 409: REFUSED},
                   operation_id="evidence_restore")
    def post(self, request, review, pk):
        """Bring a deleted piece of evidence back as it last was (coordinator)."""
        review = get_review(review, user=request.user, permission="assessment.restore_deleted")
        item = restore_evidence(review=review, item_id=pk, by=request.user)
        return _answer(request, review, item.pk, status_code=status.HTTP_201_CREATED)


class EvidenceExport(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
                   operation_id="evidence_export",
                   description="The bank as xlsx or csv, as a REFI-QDA project (qdpx), or "
                               "the benchmark as a REFI-QDA codebook (qdc).")
    def get(self, request, review, fmt):
        review = get_review(review, user=request.user, permission="assessment.view_bank")
        if fmt not in EXPORTS:
            raise Http404
        return export_response(review, fmt)
