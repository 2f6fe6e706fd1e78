"""A supporting document as a download, for the pages and the API: sent only by views that
checked who asks, never shown inline, never sniffed into something else."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from citypeer.initialreports.models import SupportingDocument


def file_response(document: SupportingDocument) -> FileResponse:
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(handle, as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
