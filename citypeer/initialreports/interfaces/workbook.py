"""The offline template as an Excel workbook (openpyxl): written from what the report holds,
read back into plain rows for the checks in citypeer.initialreports.method.workbook."""

from __future__ import annotations

import io
import zipfile
from typing import BinaryIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation

from citypeer.initialreports.domain.queries.reports import background_sections, entries_in_full
from citypeer.initialreports.method.report import BUDGET_FIELDS
from citypeer.initialreports.method.workbook_layout import (
    BACKGROUND_COLUMN_TITLES,
    BACKGROUND_FIELD_TITLES,
    BACKGROUND_KEYS,
    BG_EDIT_COUNT,
    BG_KEY,
    BG_LABEL,
    BG_VALUE,
    INSTR_KEY,
    INSTR_LABEL,
    INSTR_VALUE,
    INSTRUCTIONS_REVIEW_KEY,
    SA_FIRST_ROW,
    SA_HEADER_ROW,
    SA_KEY_ROW,
    SELF_ASSESSMENT_COLUMNS,
    SHEET_BACKGROUND,
    SHEET_INSTRUCTIONS,
    SHEET_LISTS,
    SHEET_SELF_ASSESSMENT,
    column_letter,
)
from citypeer.initialreports.method.workbook_problems import (
    NOT_A_WORKBOOK,
    WorkbookProblem,
    WorkbookProblems,
)
from citypeer.initialreports.models import InitialReport, SelfAssessment

MAX_ROWS = 5000  # far more than any benchmark has indicators
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
READ_ONLY_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
WIDTHS = {
    "code": 10, "indicator": 60, "status": 18, "not_applicable_reason": 30, "evidence": 50,
    "how": 35, "why": 35, "who": 35, "edit_count": 8,
}


def _put(ws, row: int, column: int, value, *, editable: bool = False, wrap: bool = True):
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        # A text such as "=1+1" or "@SUM(...)" is the city's text, never a formula.
        cell.data_type = "s"
    if wrap:
        cell.alignment = WRAP
    if editable:
        cell.protection = UNLOCKED
    return cell


def _protect(ws) -> None:
    # Without a password: it keeps codes and texts from being changed by accident, no more.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False


def write_workbook(report: InitialReport) -> bytes:
    """The report as the offline template, in the reader's language, pre-filled with what the
    report holds."""
    review = report.review
    wb = Workbook()
    instructions = wb.active
    instructions.title = SHEET_INSTRUCTIONS
    background = wb.create_sheet(SHEET_BACKGROUND)
    assessment = wb.create_sheet(SHEET_SELF_ASSESSMENT)
    lists = wb.create_sheet(SHEET_LISTS)
    lists.sheet_state = "hidden"
    statuses = [str(c.label) for c in SelfAssessment.Status]
    involvements = [str(c.label) for c in InitialReport.PoliticalInvolvement]
    for i, label in enumerate(statuses, start=1):
        _put(lists, i, 1, label, wrap=False)
    for i, label in enumerate(involvements, start=1):
        _put(lists, i, 2, label, wrap=False)
    _write_instructions(instructions, report, review)
    _write_background(background, report, len(involvements))
    _write_self_assessment(assessment, report, len(statuses))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_instructions(ws, report, review) -> None:
    ws.column_dimensions[column_letter(INSTR_KEY)].hidden = True
    ws.column_dimensions[column_letter(INSTR_LABEL)].width = 28
    ws.column_dimensions[column_letter(INSTR_VALUE)].width = 100
    title = _put(ws, 1, INSTR_LABEL, _("Initial report of %(city)s (%(programme)s)") % {
        "city": review.city.name, "programme": review.programme.name})
    title.font = Font(bold=True, size=14)
    benchmark = review.programme.benchmark
    facts = [
        (INSTRUCTIONS_REVIEW_KEY, _("Review"), review.pk),
        ("city", _("Host city"), review.city.name),
        ("programme", _("Programme"), review.programme.name),
        ("benchmark", _("Benchmark"), f"{benchmark.title} ({benchmark.slug} v{benchmark.version})"),
        ("state", _("State"), report.get_state_display()),
        ("made", _("Made"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
    ]
    row = 3
    for key, label, value in facts:
        _put(ws, row, INSTR_KEY, key)
        _put(ws, row, INSTR_LABEL, label).font = Font(bold=True)
        _put(ws, row, INSTR_VALUE, value)
        row += 1
    row += 1
    _put(ws, row, INSTR_LABEL, _("How to fill it in")).font = Font(bold=True, size=12)
    for line in _instruction_lines(review.pk):
        row += 1
        _put(ws, row, INSTR_VALUE, line)
    _protect(ws)


def _instruction_lines(review_id: int) -> list[str]:
    return [
        _("The report begins with background information for the peers, then assesses the "
          "city against each indicator of the benchmark."),
        _("Background sheet: write each of the seven sections in column C, then who drafted "
          "the report and how, the partners who took part, the degree of political "
          "involvement (choose from the list) and the budgets by source, in euros."),
        _("Self-assessment sheet: one row per indicator. Choose a status from the list. When "
          "an indicator does not apply, say why. For every other indicator give the evidence "
          "and explain how, why and who."),
        _("Distinguish aspirations or ambitions from real achievements, and be open about "
          "areas of weakness."),
        _("Name who is politically and who is operationally responsible for each indicator "
          "(name, role, organisation): the peers choose whom to interview from these people. "
          "Write a person the same way each time."),
        _("Do not change the indicator codes, the sheet names or the hidden rows and columns. "
          "Grey cells cannot be changed."),
        _("Upload the workbook on the initial report's page, or run: citypeer import "
          "initial-report FILE.xlsx --review %(review)s. Every problem is listed with its "
          "sheet, row and column, and nothing is imported until all are mended.")
        % {"review": review_id},
        _("Rows you did not change are left as they are on the platform; a row that someone "
          "changed on the platform after you downloaded the workbook is reported, not "
          "overwritten."),
        _("The structure diagram and supporting documents are uploaded on the platform."),
    ]


def _write_background(ws, report, involvement_count: int) -> None:
    ws.column_dimensions[column_letter(BG_KEY)].hidden = True
    ws.column_dimensions[column_letter(BG_EDIT_COUNT)].hidden = True
    ws.column_dimensions[column_letter(BG_LABEL)].width = 45
    ws.column_dimensions[column_letter(BG_VALUE)].width = 100
    _put(ws, 1, BG_KEY, "key")
    for column, title in BACKGROUND_COLUMN_TITLES.items():
        cell = _put(ws, 1, column, _(title))
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    ws.freeze_panes = "C2"
    sections = {s.kind: s for s in background_sections(report)}
    involvement = DataValidation(
        type="list", formula1=f"{SHEET_LISTS}!$B$1:$B${involvement_count}", allow_blank=True,
        showErrorMessage=True, errorTitle=_("Degree of political involvement"),
        error=_("Choose a value from the list."),
    )
    amounts = DataValidation(
        type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
        showErrorMessage=True, errorTitle=_("Amount"),
        error=_("Write an amount in euros, such as 1250000.50."),
    )
    ws.add_data_validation(involvement)
    ws.add_data_validation(amounts)
    labels = dict(InitialReport.PoliticalInvolvement.choices)
    for row, key in enumerate(BACKGROUND_KEYS, start=2):
        _put(ws, row, BG_KEY, key)
        _put(ws, row, BG_LABEL, _(BACKGROUND_FIELD_TITLES[key])).fill = READ_ONLY_FILL
        if key.startswith("section_"):
            section = sections[int(key.removeprefix("section_"))]
            value, edit_count = section.text, section.edit_count
        else:
            value, edit_count = getattr(report, key), report.edit_count
            if key == "political_involvement":
                value = str(labels[value]) if value else ""
                involvement.add(f"{column_letter(BG_VALUE)}{row}")
        cell = _put(ws, row, BG_VALUE, value, editable=True)
        if key in BUDGET_FIELDS:
            cell.number_format = "#,##0.00"
            amounts.add(cell.coordinate)
        _put(ws, row, BG_EDIT_COUNT, edit_count)
    _protect(ws)


def _person_cells(person) -> list[str]:
    if person is None:
        return ["", "", ""]
    return [person.name, person.role, person.organisation]


def _write_self_assessment(ws, report, status_count: int) -> None:
    columns = {c.key: i for i, c in enumerate(SELF_ASSESSMENT_COLUMNS, start=1)}
    for key, i in columns.items():
        letter = column_letter(i)
        _put(ws, SA_KEY_ROW, i, key, wrap=False)
        ws.column_dimensions[letter].width = WIDTHS.get(key, 22)
    ws.row_dimensions[SA_KEY_ROW].hidden = True
    ws.column_dimensions[column_letter(columns["edit_count"])].hidden = True
    for column in SELF_ASSESSMENT_COLUMNS:
        cell = _put(ws, SA_HEADER_ROW, columns[column.key], _(column.title))
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    ws.freeze_panes = f"{column_letter(columns['status'])}{SA_FIRST_ROW}"
    labels = dict(SelfAssessment.Status.choices)
    status = DataValidation(
        type="list", formula1=f"{SHEET_LISTS}!$A$1:$A${status_count}", allow_blank=True,
        showErrorMessage=True, errorTitle=_("Status"), error=_("Choose a status from the list."),
    )
    ws.add_data_validation(status)
    row = SA_FIRST_ROW - 1
    for row, entry in enumerate(entries_in_full(report), start=SA_FIRST_ROW):
        values = {
            "code": entry.indicator.code,
            "indicator": entry.indicator.text,
            "status": str(labels[entry.status]) if entry.status else "",
            "not_applicable_reason": entry.not_applicable_reason,
            "evidence": entry.evidence, "how": entry.how, "why": entry.why, "who": entry.who,
            "edit_count": entry.edit_count,
        }
        for prefix, person in (("political", entry.politically_responsible),
                               ("operational", entry.operationally_responsible)):
            for suffix, value in zip(("name", "role", "organisation"), _person_cells(person),
                                     strict=True):
                values[f"{prefix}_{suffix}"] = value
        for column in SELF_ASSESSMENT_COLUMNS:
            cell = _put(ws, row, columns[column.key], values[column.key],
                        editable=column.editable)
            if not column.editable:
                cell.fill = READ_ONLY_FILL
    if row >= SA_FIRST_ROW:
        letter = column_letter(columns["status"])
        status.add(f"{letter}{SA_FIRST_ROW}:{letter}{row}")
    _protect(ws)


def read_workbook(stream: BinaryIO, *, name: str = "workbook") -> dict[str, list[tuple]]:
    """Every sheet's cell values, row by row (hidden rows and columns included)."""
    try:
        stream.seek(0)
        wb = load_workbook(stream, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError,
            TypeError) as exc:
        raise WorkbookProblems([WorkbookProblem(name, NOT_A_WORKBOOK)]) from exc
    try:
        sheets = {}
        for ws in wb.worksheets:
            rows = []
            for values in ws.iter_rows(values_only=True):
                rows.append(tuple(values))
                if len(rows) > MAX_ROWS:
                    break
            sheets[ws.title] = rows
    except (KeyError, OSError, ValueError, TypeError, zipfile.BadZipFile) as exc:
        raise WorkbookProblems([WorkbookProblem(name, NOT_A_WORKBOOK)]) from exc
    finally:
        wb.close()
    return sheets
