"""Uploaded files are judged by their content, not their name."""

import io
import zipfile

import pytest

from citypeer.common.uploads import (
    DOCX,
    IMAGE_KINDS,
    JPEG,
    KINDS,
    ODP,
    ODS,
    ODT,
    PDF,
    PNG,
    PPTX,
    TEXT,
    XLSX,
    UploadRefused,
    check_upload,
    detect_kind,
    extension_of,
)

PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d605bb0000000049454e44ae426082"
)


def zipped(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


DOCX_BYTES = zipped({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX_BYTES = zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT_BYTES = zipped({"mimetype": b"application/vnd.oasis.opendocument.text",
                    "content.xml": b"<office:document-content/>"})


def check(name, content, **kwargs):
    return check_upload(name=name, size=len(content), stream=io.BytesIO(content),
                        max_bytes=kwargs.pop("max_bytes", 10_000), **kwargs)


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("plan.pdf", b"%PDF-1.7\n...", PDF),
    ("diagram.PNG", PNG_BYTES, PNG),
    ("photo.jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", JPEG),
    ("strategy.docx", DOCX_BYTES, DOCX),
    ("budget.xlsx", XLSX_BYTES, XLSX),
    ("notes.odt", ODT_BYTES, ODT),
    ("notes.txt", "Integration strategy 2008–2012, Malmö\n".encode(), TEXT),
])
def test_accepted_kinds(name, content, kind):
    assert check(name, content) == kind


@pytest.mark.parametrize(("name", "content", "message"), [
    ("setup.exe", b"MZ\x90\x00\x03", "the file is a program or a script; such files are never "
                                     "accepted"),
    ("report.pdf", b"MZ\x90\x00\x03", "the file is a program or a script; such files are never "
                                      "accepted"),
    ("tool.txt", b"\x7fELF\x02\x01\x01", "the file is a program or a script; such files are "
                                         "never accepted"),
    ("run.txt", b"#!/bin/sh\nrm -rf /\n", "the file is a program or a script; such files are "
                                          "never accepted"),
    ("report.docx", b"%PDF-1.4\n", "the file's content is a PDF document but its name ends in "
                                   "'.docx'; name it .pdf"),
    ("diagram.pdf", PNG_BYTES, "the file's content is a PNG image but its name ends in '.pdf'; "
                               "name it .png"),
    ("noextension", b"%PDF-1.4\n", "the file's content is a PDF document but its name ends in "
                                   "''; name it .pdf"),
    ("macros.docx", zipped({"[Content_Types].xml": b"", "word/document.xml": b"",
                            "word/vbaProject.bin": b"\x00"}),
     "the file contains macros; save it without them (as .docx or .xlsx)"),
    ("archive.docx", zipped({"a.txt": b"hello"}),
     "the content of the file is not one of the accepted kinds (.pdf, .png, .jpg, .jpeg, .gif, "
     ".webp, .docx, .xlsx, .odt, .txt, .csv, .md)"),
    ("page.txt", b"<!DOCTYPE html><script>alert(1)</script>",
     "the content of the file is not one of the accepted kinds (.pdf, .png, .jpg, .jpeg, .gif, "
     ".webp, .docx, .xlsx, .odt, .txt, .csv, .md)"),
    ("binary.txt", b"\x00\x01\x02binary", "the content of the file is not one of the accepted "
     "kinds (.pdf, .png, .jpg, .jpeg, .gif, .webp, .docx, .xlsx, .odt, .txt, .csv, .md)"),
    ("empty.pdf", b"", "the file is empty"),
])
def test_refused_files_say_why(name, content, message):
    with pytest.raises(UploadRefused) as refused:
        check(name, content)

    assert str(refused.value) == message


def test_size_is_limited():
    with pytest.raises(UploadRefused) as refused:
        check("big.pdf", b"%PDF-" + b"x" * 100, max_bytes=100)

    assert str(refused.value) == "the file has 105 bytes; at most 100 bytes are accepted"


def test_a_structure_diagram_is_an_image_or_a_pdf():
    with pytest.raises(UploadRefused) as refused:
        check("diagram.docx", DOCX_BYTES, accepted=IMAGE_KINDS)

    assert str(refused.value) == (
        "a Word document is not accepted here; accepted: .png, .jpg, .jpeg, .gif, .webp, .pdf"
    )
    assert check("diagram.png", PNG_BYTES, accepted=IMAGE_KINDS) == PNG


def test_detection_leaves_the_stream_at_its_start():
    stream = io.BytesIO(DOCX_BYTES)

    detect_kind(stream)

    assert stream.read() == DOCX_BYTES


def test_extension_of_a_name_from_any_system():
    assert [extension_of(n) for n in ("C:\\docs\\Plan.PDF", "a/b.tar.gz", "README", ".txt")] == [
        ".pdf", ".gz", "", ".txt"
    ]


PPTX_BYTES = zipped({"[Content_Types].xml": b"<Types/>",
                     "ppt/presentation.xml": b"<p:presentation/>"})
ODS_BYTES = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": b"<office:document-content/>"})
ODP_BYTES = zipped({"mimetype": b"application/vnd.oasis.opendocument.presentation",
                    "content.xml": b"<office:document-content/>"})


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("slides.pptx", PPTX_BYTES, PPTX),
    ("budget.ods", ODS_BYTES, ODS),
    ("slides.odp", ODP_BYTES, ODP),
])
def test_presentations_and_spreadsheets_are_known_where_they_are_accepted(name, content, kind):
    assert check(name, content, accepted=(*KINDS, PPTX, ODS, ODP)) == kind


def test_presentations_are_not_accepted_by_default():
    with pytest.raises(UploadRefused) as refused:
        check("slides.pptx", PPTX_BYTES)

    assert str(refused.value) == (
        "a PowerPoint presentation is not accepted here; accepted: .pdf, .png, .jpg, .jpeg, "
        ".gif, .webp, .docx, .xlsx, .odt, .txt, .csv, .md"
    )
