"""What an uploaded file really is, judged by its content rather than by its name.

Host cities attach diagrams, strategy documents and spreadsheets to their initial report, the
coordinator hands out training materials, and peers open them on their own machines; a file
is kept only when its content is one of the kinds the place accepts and its name ends as that
kind's files do. Plain Python: the magic numbers and, for office documents, the names inside
the ZIP container (never decompressed here).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from citypeer.core.messages import gettext_noop

HEAD_BYTES = 8192


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileKind("pdf", "PDF document", "application/pdf", (".pdf",))
PNG = FileKind("png", "PNG image", "image/png", (".png",))
JPEG = FileKind("jpeg", "JPEG image", "image/jpeg", (".jpg", ".jpeg"))
GIF = FileKind("gif", "GIF image", "image/gif", (".gif",))
WEBP = FileKind("webp", "WebP image", "image/webp", (".webp",))
DOCX = FileKind(
    "docx", "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",),
)
XLSX = FileKind(
    "xlsx", "Excel workbook",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",),
)
PPTX = FileKind(
    "pptx", "PowerPoint presentation",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",),
)
ODT = FileKind("odt", "OpenDocument text", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = FileKind("ods", "OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet",
               (".ods",))
ODP = FileKind("odp", "OpenDocument presentation",
               "application/vnd.oasis.opendocument.presentation", (".odp",))
TEXT = FileKind("text", "plain text", "text/plain", (".txt", ".csv", ".md"))
# What an initial report's attachment may be (the default). PPTX, ODS and ODP are known, so
# that a place accepting them (training materials) can name them, but not accepted by default.
KINDS = (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, ODT, TEXT)
IMAGE_KINDS = (PNG, JPEG, GIF, WEBP, PDF)  # what a structure diagram may be

# Programs and scripts, refused with a word of their own.
_EXECUTABLE_MAGIC = (
    b"MZ",  # Windows programs and libraries
    b"\x7fELF",  # Linux programs
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # macOS programs
    b"#!",  # scripts
)
_MARKUP_STARTS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml")

EMPTY = gettext_noop("the file is empty")
TOO_LARGE = gettext_noop("the file has {size} bytes; at most {limit} bytes are accepted")
EXECUTABLE = gettext_noop("the file is a program or a script; such files are never accepted")
MACROS = gettext_noop("the file contains macros; save it without them (as .docx or .xlsx)")
UNKNOWN = gettext_noop(
    "the content of the file is not one of the accepted kinds ({accepted})"
)
NOT_ALLOWED_HERE = gettext_noop("a {kind} is not accepted here; accepted: {accepted}")
WRONG_EXTENSION = gettext_noop(
    "the file's content is a {kind} but its name ends in '{extension}'; name it {expected}"
)


class UploadRefused(ValueError):
    def __init__(self, message: str, **params):
        self.message, self.params = message, params
        super().__init__(message.format(**params))

    def render(self, translate=lambda s: s) -> str:
        params = {k: translate(v) if k == "kind" else v for k, v in self.params.items()}
        return translate(self.message).format(**params)


def detect_kind(stream: BinaryIO) -> FileKind | None:
    """The kind of file by content, or None; raises UploadRefused for programs and files with
    macros. Leaves the stream at its start."""
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if head.startswith(_EXECUTABLE_MAGIC):
        raise UploadRefused(EXECUTABLE)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(stream)
    if _is_plain_text(head):
        return TEXT
    return None


def _zip_kind(stream: BinaryIO) -> FileKind | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 200:
                mimetype = archive.read("mimetype").strip()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise UploadRefused(MACROS)
    if any(n.lower().endswith((".exe", ".dll", ".bat", ".cmd", ".ps1", ".sh", ".js"))
           for n in names):
        raise UploadRefused(EXECUTABLE)
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        if "ppt/presentation.xml" in names:
            return PPTX
    for kind in (ODT, ODS, ODP):
        if mimetype == kind.content_type.encode():
            return kind
    return None


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        # A multi-byte character may be cut at the end of the head.
        text = head.decode("utf-8") if len(head) < HEAD_BYTES else head[:-4].decode("utf-8")
    except UnicodeDecodeError:
        return False
    lowered = text.lstrip("\ufeff \t\r\n").lower().encode()
    return not lowered.startswith(_MARKUP_STARTS)


def extension_of(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[-1].lower() if "." in base else ""


def check_upload(
    *, name: str, size: int, stream: BinaryIO, max_bytes: int,
    accepted: tuple[FileKind, ...] = KINDS,
) -> FileKind:
    """The kind of an uploaded file, or UploadRefused saying why it is not kept."""
    if size <= 0:
        raise UploadRefused(EMPTY)
    if size > max_bytes:
        raise UploadRefused(TOO_LARGE, size=size, limit=max_bytes)
    kind = detect_kind(stream)
    listed = ", ".join(ext for k in accepted for ext in k.extensions)
    if kind is None:
        raise UploadRefused(UNKNOWN, accepted=listed)
    if kind not in accepted:
        raise UploadRefused(NOT_ALLOWED_HERE, kind=kind.label, accepted=listed)
    extension = extension_of(name)
    if extension not in kind.extensions:
        raise UploadRefused(WRONG_EXTENSION, kind=kind.label, extension=extension or "",
                            expected=" or ".join(kind.extensions))
    return kind
