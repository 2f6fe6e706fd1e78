"""The report's uploaded documents: their metadata, and each file."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.lookup import get_row
from citypeer.initialreports.domain.queries.reports import documents_of
from citypeer.initialreports.interfaces.access import load_report
from citypeer.initialreports.interfaces.downloads import file_response
from citypeer.initialreports.interfaces.serializers import SupportingDocumentSerializer

TAG = ["initial reports"]


class DocumentList(APIView):
    """The uploaded documents (metadata; each file at its file_url)."""

    @extend_schema(tags=TAG, operation_id="initial_report_documents",
                   responses=SupportingDocumentSerializer(many=True))
    def get(self, request, review):
        _review, report = load_report(request.user, review)
        context = {"request": request, "review_id": _review.pk}
        return Response(SupportingDocumentSerializer(documents_of(report), many=True,
                                                     context=context).data)


class DocumentFile(APIView):
    """One uploaded file, as an attachment."""

    @extend_schema(tags=TAG, operation_id="initial_report_document_file",
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, review, document):
        _review, report = load_report(request.user, review)
        return file_response(get_row(documents_of(report), document))
