"""The evidence bank as XLSX and CSV (one row per piece of evidence, the API's fields), as a
REFI-QDA project (.qdpx) and the benchmark as a REFI-QDA codebook (.qdc), through
`citypeer.assessment.method.refi_qda` and `qda_codes`; and the download response the pages and
the API send.

Exports are for those who see the bank (the review team and the coordinator) and so carry
interviewees' names beside their references; `identities=False` leaves the names out.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from citypeer.assessment.domain.assessments import proposals_for
from citypeer.assessment.domain.inputs import evidence_inputs
from citypeer.assessment.domain.queries import evidence_in_full
from citypeer.assessment.interfaces.serializers import EvidenceSerializer
from citypeer.assessment.method import qda_codes, refi_qda
from citypeer.benchmarks.domain.library import benchmark_document

# Column keys are stable (a workbook read back finds them by key); headings are translated.
COLUMNS = (
    ("id", _l("id")), ("indicators", _l("indicators")), ("references", _l("references")),
    ("source", _l("source")), ("interview", _l("interview")), ("workshop", _l("workshop")),
    ("interviewee", _l("interviewee")), ("interviewee_name", _l("interviewee's name")),
    ("document", _l("document")), ("page", _l("page")), ("interviewers", _l("interviewers")),
    ("kind", _l("kind")), ("direction", _l("direction")), ("text", _l("text")),
    ("recorded_by", _l("recorded by")), ("recorded_at", _l("recorded at")),
    ("edit_count", _l("edit count")),
)


def export_rows(review, *, identities: bool = True) -> list[dict]:
    rows = []
    for item in evidence_in_full(review):
        data = dict(EvidenceSerializer(item, context={"identities": identities}).data)
        data["indicators"] = ", ".join(data["indicators"])
        data["references"] = "\n".join(data["references"])
        number = data["interview_number"]
        data["interview"] = "" if number is None else number
        data["workshop"] = data["workshop_label"]
        data["recorded_at"] = timezone.localtime(item.recorded_at).strftime("%Y-%m-%d %H:%M")
        rows.append(data)
    return rows


def _columns(identities: bool):
    return [(key, heading) for key, heading in COLUMNS
            if identities or key != "interviewee_name"]


def bank_csv(review, *, identities: bool = True) -> bytes:
    out = io.StringIO()
    columns = _columns(identities)
    writer = csv.writer(out)
    writer.writerow([key for key, _heading in columns])
    for row in export_rows(review, identities=identities):
        writer.writerow([row[key] for key, _heading in columns])
    # With a byte order mark, spreadsheet programs read the en dashes and accents right.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def bank_xlsx(review, *, identities: bool = True) -> bytes:
    columns = _columns(identities)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Evidence bank")[:31]
    sheet.append([key for key, _heading in columns])
    sheet.append([str(heading) for _key, heading in columns])
    for cell in sheet[1] + sheet[2]:
        cell.font = Font(bold=True)
    for row in export_rows(review, identities=identities):
        sheet.append([row[key] for key, _heading in columns])
    text_column = [key for key, _h in columns].index("text") + 1
    for row in sheet.iter_rows(min_row=3, min_col=text_column, max_col=text_column):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def project_name(review) -> str:
    return f"Peer review of {review.city} – {review.programme.name}"


def bank_qdpx(review) -> bytes:
    items = list(evidence_in_full(review))
    proposals = proposals_for(review, items=items)
    return refi_qda.qdpx_bytes(
        name=project_name(review), benchmark=benchmark_document(review.programme.benchmark),
        evidence=evidence_inputs(items), proposals=proposals.values(),
    )


def codebook_qdc(review) -> bytes:
    return qda_codes.codebook_xml(benchmark=benchmark_document(review.programme.benchmark))


def file_name(review, extension: str) -> str:
    return f"evidence-{review.programme.slug}-{review.city.slug}.{extension}"


EXPORTS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bank_xlsx),
    "csv": ("text/csv; charset=utf-8", bank_csv),
    "qdpx": ("application/zip", bank_qdpx),
    "qdc": ("application/xml", codebook_qdc),
}


def export_response(review, fmt: str) -> HttpResponse:
    """The download of one of `EXPORTS`."""
    content_type, make = EXPORTS[fmt]
    response = HttpResponse(make(review), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name(review, fmt)}"'
    return response
