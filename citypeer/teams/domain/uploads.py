"""What an uploaded file is, judged by its content, not by its name or by what the browser
says it is. Only the kinds of documents a peer review exchanges are accepted, and only when
the content agrees with the name's extension."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from citypeer.teams.domain.refusals import UploadRefused


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: tuple[str, ...]
    content_type: str


OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."
KINDS = {
    "pdf": FileKind("PDF", (".pdf",), "application/pdf"),
    "png": FileKind("PNG", (".png",), "image/png"),
    "jpeg": FileKind("JPEG", (".jpg", ".jpeg"), "image/jpeg"),
    "docx": FileKind("Word", (".docx",), OOXML + "wordprocessingml.document"),
    "xlsx": FileKind("Excel", (".xlsx",), OOXML + "spreadsheetml.sheet"),
    "pptx": FileKind("PowerPoint", (".pptx",), OOXML + "presentationml.presentation"),
    "odt": FileKind("OpenDocument text", (".odt",), ODF + "text"),
    "ods": FileKind("OpenDocument spreadsheet", (".ods",), ODF + "spreadsheet"),
    "odp": FileKind("OpenDocument presentation", (".odp",), ODF + "presentation"),
    "text": FileKind("plain text", (".txt", ".md", ".csv"), "text/plain"),
}
# The part that makes an Office Open XML package a document, a workbook or a presentation.
OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml",
                   "pptx": "ppt/presentation.xml"}


def kind_of(upload) -> str | None:
    """The kind of file the content is (a key of KINDS), or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return "png"
        if head.startswith(b"\xff\xd8\xff"):
            return "jpeg"
        if head.startswith(b"PK\x03\x04"):
            return _zip_kind(upload)
        if _is_text(upload):
            return "text"
        return None
    finally:
        upload.seek(0)


def _zip_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                for kind, part in OOXML_MAIN_PART.items():
                    if part in names:
                        return kind
                return None
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                for kind in ("odt", "ods", "odp"):
                    if mimetype == KINDS[kind].content_type:
                        return kind
    except zipfile.BadZipFile:
        return None
    return None


# Markup a browser would run if it ever showed the file, though its name says text.
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml")


def _is_text(upload) -> bool:
    data = upload.read()
    if not data or b"\x00" in data:
        return False
    if data.lstrip()[:20].lower().startswith(MARKUP_STARTS):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def accepted_kinds() -> str:
    return ", ".join(f"{k.label} ({' '.join(k.extensions)})" for k in KINDS.values())


def check_upload(upload) -> FileKind:
    """The file's kind, or UploadRefused naming the file and what is wrong with it."""
    name = PurePath(upload.name or "").name
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size == 0:
        raise UploadRefused(_("%(name)s is empty.") % {"name": name})
    if upload.size > limit:
        raise UploadRefused(
            _("%(name)s is %(size)s, larger than the %(limit)s a file may be.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    extension = PurePath(name).suffix.lower()
    expected = next((k for k, v in KINDS.items() if extension in v.extensions), None)
    if expected is None:
        raise UploadRefused(
            _("%(name)s: files of this type are not accepted. Accepted: %(kinds)s.")
            % {"name": name, "kinds": accepted_kinds()}
        )
    found = kind_of(upload)
    if found != expected:
        raise UploadRefused(
            _("%(name)s: its name says %(expected)s, but its content is not a %(expected)s "
              "file.") % {"name": name, "expected": KINDS[expected].label}
        )
    return KINDS[found]
