"""Bringing a filled-in offline template back: every cell checked first (method), then every
change compared with what the platform holds, then all of it written in one transaction, or
nothing.

A row the city did not change since the workbook was made is left alone, even when someone
changed it on the platform in the meantime; a row both changed is reported, not overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import translation

from citypeer.initialreports.domain.reports import (
    entry_values,
    locked_report,
    people_of,
    person_in,
    provenance_values,
    write_background,
    write_entry,
)
from citypeer.initialreports.method.report import ENTRY_TEXT_FIELDS, EntryValues
from citypeer.initialreports.method.workbook import ParsedWorkbook, parse_workbook
from citypeer.initialreports.method.workbook_cells import Choices, make_choices
from citypeer.initialreports.method.workbook_layout import (
    SHEET_BACKGROUND,
    SHEET_SELF_ASSESSMENT,
)
from citypeer.initialreports.method.workbook_problems import (
    CHANGED_SINCE,
    WorkbookProblem,
    WorkbookProblems,
)
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ResponsiblePerson,
    SelfAssessment,
)


def _choices(choices_class) -> Choices:
    """Codes and labels in the reader's language first, then in every language configured,
    so that a workbook filled in under another language reads back."""
    labels = {c.value: str(c.label) for c in choices_class}
    others = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            others.append({c.value: str(c.label) for c in choices_class})
    return make_choices(labels, *others)


def status_choices() -> Choices:
    return _choices(SelfAssessment.Status)


def involvement_choices() -> Choices:
    return _choices(InitialReport.PoliticalInvolvement)


@dataclass(frozen=True)
class ImportOutcome:
    sections: int
    provenance: int
    entries: int

    @property
    def changes(self) -> int:
        return self.sections + self.provenance + self.entries


def parse_report_workbook(*, report: InitialReport, sheets) -> ParsedWorkbook:
    codes = list(
        SelfAssessment.objects.filter(report=report)
        .order_by("indicator__position")
        .values_list("indicator__code", flat=True)
    )
    return parse_workbook(
        sheets=sheets, review_id=report.review_id, indicator_codes=codes,
        statuses=status_choices(), involvements=involvement_choices(),
    )


def import_initial_report(*, report: InitialReport, sheets, by) -> ImportOutcome:
    """Import a workbook read into {sheet name: rows of cell values}. Raises
    WorkbookProblems (every problem, nothing written) or ReportLocked."""
    parsed = parse_report_workbook(report=report, sheets=sheets)
    with transaction.atomic():
        locked = locked_report(report)
        problems: list[WorkbookProblem] = []
        section_writes = _section_changes(locked, parsed, problems)
        provenance_writes = _provenance_changes(locked, parsed, problems)
        entry_writes = _entry_changes(locked, parsed, problems)
        if problems:
            raise WorkbookProblems(problems)
        write_background(locked, sections=section_writes, provenance=provenance_writes, by=by)
        people = people_of(locked)
        for entry, values in entry_writes:
            entry.report = locked
            write_entry(entry, values, people=people, by=by)
    return ImportOutcome(len(section_writes), len(provenance_writes), len(entry_writes))


def _at_edit(model, pk: int, edit_count: int):
    """The row as it was at `edit_count`, from its history, or None."""
    return (
        model.history.filter(id=pk, edit_count=edit_count)
        .order_by("-history_date", "-history_id").first()
    )


def _changed_since(sheet: str, row: int, what: str, current: int,
                   exported: int) -> WorkbookProblem:
    return WorkbookProblem(sheet, CHANGED_SINCE,
                           {"what": what, "current": current, "exported": exported}, row=row)


def _section_changes(report, parsed: ParsedWorkbook, problems):
    stored = {s.kind: s for s in BackgroundSection.objects.select_for_update().filter(
        report=report)}
    writes = []
    for item in parsed.sections:
        section = stored[item.kind]
        if item.text == section.text:
            continue
        if item.edit_count != section.edit_count:
            base = _at_edit(BackgroundSection, section.pk, item.edit_count)
            if base is not None and base.text == item.text:
                continue
            problems.append(_changed_since(SHEET_BACKGROUND, item.row, section.get_kind_display(),
                                           section.edit_count, item.edit_count))
            continue
        writes.append((section, item.text))
    return writes


def _provenance_changes(report, parsed: ParsedWorkbook, problems) -> dict:
    current = provenance_values(report)
    changed = {k: v for k, v in parsed.provenance.items() if v != current[k]}
    if not changed or parsed.provenance_edit_count == report.edit_count:
        return changed
    base = _at_edit(InitialReport, report.pk, parsed.provenance_edit_count)
    writes = {}
    for name, value in changed.items():
        if base is not None and getattr(base, name) == value:
            continue
        if base is not None and getattr(base, name) == current[name]:
            writes[name] = value
            continue
        field = InitialReport._meta.get_field(name)
        problems.append(_changed_since(SHEET_BACKGROUND, parsed.provenance_rows[name],
                                       str(field.verbose_name), report.edit_count,
                                       parsed.provenance_edit_count))
    return writes


def _entry_changes(report, parsed: ParsedWorkbook, problems):
    stored = {
        e.indicator.code: e
        for e in SelfAssessment.objects.select_for_update(of=("self",))
        .filter(report=report)
        .select_related("indicator", "politically_responsible", "operationally_responsible")
    }
    writes = []
    for item in parsed.entries:
        entry = stored[item.code]
        values = item.values.cleaned()
        if values == entry_values(entry):
            continue
        if item.edit_count != entry.edit_count:
            base = _at_edit(SelfAssessment, entry.pk, item.edit_count)
            if base is not None and _historical_values(base) == values:
                continue
            problems.append(_changed_since(SHEET_SELF_ASSESSMENT, item.row, item.code,
                                           entry.edit_count, item.edit_count))
            continue
        writes.append((entry, values))
    return writes


def _historical_values(record) -> EntryValues:
    ids = [record.politically_responsible_id, record.operationally_responsible_id]
    people = ResponsiblePerson.objects.in_bulk([i for i in ids if i])
    return EntryValues(
        status=record.status,
        **{f: getattr(record, f) for f in ENTRY_TEXT_FIELDS},
        politically_responsible=person_in(people.get(ids[0])),
        operationally_responsible=person_in(people.get(ids[1])),
    )

