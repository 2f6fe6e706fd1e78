"""Files attached to the initial report: checked by content and size, stored under
MEDIA_ROOT with a name of our own (never the uploader's), handed out only by a view that
checks who asks."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.files import File
from django.db import transaction

from citypeer.common.uploads import IMAGE_KINDS, KINDS, check_upload
from citypeer.initialreports.domain.reports import locked_report
from citypeer.initialreports.method.report import clean_line
from citypeer.initialreports.models import InitialReport, SelfAssessment, SupportingDocument


def accepted_kinds(kind: str):
    return IMAGE_KINDS if kind == SupportingDocument.Kind.STRUCTURE_DIAGRAM else KINDS


def add_document(
    *,
    report: InitialReport,
    upload,
    by,
    title: str = "",
    kind: str = SupportingDocument.Kind.SUPPORTING,
    self_assessment: SelfAssessment | None = None,
) -> SupportingDocument:
    """Keep an uploaded file (anything with .name, .size and a binary stream) or raise
    UploadRefused / ReportLocked."""
    if self_assessment is not None and self_assessment.report_id != report.pk:
        raise ValueError("the entry belongs to another report")
    original = clean_line(upload.name.replace("\\", "/").rsplit("/", 1)[-1])[:255]
    file_kind = check_upload(
        name=original, size=upload.size, stream=upload, max_bytes=settings.UPLOAD_MAX_BYTES,
        accepted=accepted_kinds(kind),
    )
    stored_name = f"{uuid.uuid4().hex}{file_kind.extensions[0]}"
    document = SupportingDocument(
        self_assessment=self_assessment, kind=kind,
        title=clean_line(title)[:200] or original[:200], original_name=original,
        content_type=file_kind.content_type, size=upload.size, uploaded_by=by,
    )
    try:
        with transaction.atomic():
            document.report = locked_report(report)
            upload.seek(0)
            document.file.save(stored_name, File(upload), save=False)
            document.save()
    except BaseException:
        # Django has no hook for a rollback: whatever was written must go with the row.
        if document.file.name:
            document.file.delete(save=False)
        raise
    return document


def delete_document(*, document: SupportingDocument, by) -> None:
    with transaction.atomic():
        locked_report(document.report)
        name = document.file.name
        document.delete()
        storage = document.file.storage
        transaction.on_commit(lambda: storage.delete(name))
