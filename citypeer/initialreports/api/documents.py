"""The report's uploaded documents: their metadata, and each file."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics

from citypeer.initialreports.api.base import TAG, InitialReportView
from citypeer.initialreports.domain.queries.reports import documents_of
from citypeer.initialreports.interfaces.downloads import file_response
from citypeer.initialreports.interfaces.serializers import SupportingDocumentSerializer


class DocumentsView(InitialReportView):
    serializer_class = SupportingDocumentSerializer
    lookup_url_kwarg = "document"

    def get_queryset(self):
        return documents_of(self.report)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "review_id": self.kwargs["review"]}


@extend_schema_view(get=extend_schema(tags=TAG, operation_id="initial_report_documents"))
class DocumentList(DocumentsView, generics.ListAPIView):
    """The uploaded documents (metadata; each file at its file_url)."""


class DocumentFile(DocumentsView):
    """One uploaded file, as an attachment."""

    @extend_schema(tags=TAG, operation_id="initial_report_document_file",
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, review, document):
        return file_response(self.get_object())
