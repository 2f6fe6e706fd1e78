"""Reading a filled-in offline template back: the checks every cell goes through before
anything of it is kept (the layout is `workbook_layout`'s, the problems
`workbook_problems`').

Plain Python, no Django, no spreadsheet library: the interface reads the workbook into rows of
cell values and hands them here; every problem is collected with its sheet, row and column so
that a city can mend them all at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from citypeer.initialreports.method.report import (
    BUDGET_FIELDS,
    ENTRY_TEXT_FIELDS,
    MAX_PERSON_FIELD_LENGTH,
    MAX_TEXT_LENGTH,
    EntryValues,
    PersonIn,
    clean_line,
)
from citypeer.initialreports.method.workbook_cells import (
    Choices,
    cell,
    cell_text,
    is_blank,
    parse_amount,
    parse_edit_count,
    shown,
)
from citypeer.initialreports.method.workbook_layout import (
    BACKGROUND_COLUMN_TITLES,
    BACKGROUND_KEYS,
    BG_EDIT_COUNT,
    BG_FIRST_ROW,
    BG_KEY,
    BG_VALUE,
    INSTR_KEY,
    INSTR_VALUE,
    INSTRUCTIONS_REVIEW_KEY,
    OLDER_COLUMN_KEYS,
    PERSON_FIELDS,
    PERSON_ROLES,
    SA_FIRST_ROW,
    SA_KEY_ROW,
    SELF_ASSESSMENT_COLUMNS,
    SHEET_BACKGROUND,
    SHEET_INSTRUCTIONS,
    SHEET_SELF_ASSESSMENT,
    background_title,
    column_letter,
)
from citypeer.initialreports.method.workbook_problems import (
    DUPLICATE_KEY,
    MISSING_COLUMNS,
    MISSING_INDICATORS,
    MISSING_ROWS,
    MISSING_SHEET,
    NO_CODE,
    NO_REVIEW,
    NOT_AN_EDIT_COUNT,
    NOT_ONE_OF,
    OTHER_ROLE,
    ROLE_WITHOUT_NAME,
    TOO_LONG,
    UNKNOWN_CODE,
    UNKNOWN_KEY,
    WRONG_REVIEW,
    WorkbookProblem,
    WorkbookProblems,
)


@dataclass(frozen=True)
class EntryIn:
    """A row of the Self-assessment sheet: what it says of an indicator, and the edit count
    the entry had when the workbook was made."""

    row: int
    code: str
    values: EntryValues
    edit_count: int


@dataclass(frozen=True)
class BackgroundIn:
    row: int
    kind: int
    text: str
    edit_count: int


@dataclass(frozen=True)
class ParsedWorkbook:
    review_id: int
    sections: tuple[BackgroundIn, ...]
    provenance: Mapping[str, object]
    provenance_rows: Mapping[str, int]
    provenance_edit_count: int
    entries: tuple[EntryIn, ...]


def parse_workbook(
    *,
    sheets: Mapping[str, Sequence[Sequence[object]]],
    review_id: int,
    indicator_codes: Sequence[str],
    statuses: Choices,
    involvements: Choices,
) -> ParsedWorkbook:
    """Check every cell that matters and return what the workbook says, or raise
    WorkbookProblems with every problem found."""
    problems: list[WorkbookProblem] = []
    for name in (SHEET_INSTRUCTIONS, SHEET_BACKGROUND, SHEET_SELF_ASSESSMENT):
        if name not in sheets:
            problems.append(WorkbookProblem(name, MISSING_SHEET))
    if problems:
        raise WorkbookProblems(problems)
    _check_review(sheets[SHEET_INSTRUCTIONS], review_id, problems)
    sections, provenance, provenance_rows, provenance_edit_count = _parse_background(
        sheets[SHEET_BACKGROUND], involvements, problems
    )
    entries = _parse_self_assessment(
        sheets[SHEET_SELF_ASSESSMENT], indicator_codes, statuses, problems
    )
    if problems:
        raise WorkbookProblems(problems)
    return ParsedWorkbook(
        review_id=review_id,
        sections=tuple(sections),
        provenance=provenance,
        provenance_rows=provenance_rows,
        provenance_edit_count=provenance_edit_count,
        entries=tuple(entries),
    )


def _check_review(rows, review_id: int, problems: list[WorkbookProblem]) -> None:
    for number, row in enumerate(rows, start=1):
        if cell_text(cell(row, INSTR_KEY)) == INSTRUCTIONS_REVIEW_KEY:
            found = cell_text(cell(row, INSTR_VALUE))
            where = {"row": number, "column": column_letter(INSTR_VALUE)}
            if not found:
                problems.append(WorkbookProblem(SHEET_INSTRUCTIONS, NO_REVIEW, **where))
            elif found != str(review_id):
                problems.append(WorkbookProblem(
                    SHEET_INSTRUCTIONS, WRONG_REVIEW,
                    {"found": found, "expected": review_id}, **where,
                ))
            return
    problems.append(WorkbookProblem(SHEET_INSTRUCTIONS, NO_REVIEW))


def _parse_background(rows, involvements: Choices, problems: list[WorkbookProblem]):
    sections: list[BackgroundIn] = []
    provenance: dict[str, object] = {}
    provenance_rows: dict[str, int] = {}
    provenance_edit_counts: list[int] = []
    seen: dict[str, int] = {}
    sheet = SHEET_BACKGROUND
    value_col = column_letter(BG_VALUE)
    for number, row in enumerate(rows, start=1):
        if number < BG_FIRST_ROW:
            continue
        key = cell_text(cell(row, BG_KEY))
        value = cell(row, BG_VALUE)
        if not key:
            if not is_blank(value):
                problems.append(WorkbookProblem(sheet, UNKNOWN_KEY, {"value": "''"},
                                                row=number, column=column_letter(BG_KEY)))
            continue
        if key not in BACKGROUND_KEYS:
            problems.append(WorkbookProblem(sheet, UNKNOWN_KEY, {"value": repr(key)},
                                            row=number, column=column_letter(BG_KEY)))
            continue
        if key in seen:
            problems.append(WorkbookProblem(
                sheet, DUPLICATE_KEY, {"value": repr(key), "row": seen[key]}, row=number,
                column=column_letter(BG_KEY)))
            continue
        seen[key] = number
        edit_count = parse_edit_count(cell(row, BG_EDIT_COUNT))
        if edit_count is None:
            problems.append(WorkbookProblem(
                sheet, NOT_AN_EDIT_COUNT, {"value": shown(cell(row, BG_EDIT_COUNT))},
                row=number, column=column_letter(BG_EDIT_COUNT),
                field=BACKGROUND_COLUMN_TITLES[BG_EDIT_COUNT],
            ))
            edit_count = -1
        where = {"row": number, "column": value_col, "field": background_title(key)}
        if key.startswith("section_"):
            text = cell_text(value)
            if _too_long(text, sheet, where, problems, MAX_TEXT_LENGTH):
                continue
            sections.append(BackgroundIn(number, int(key.removeprefix("section_")), text,
                                         edit_count))
            continue
        provenance_rows[key] = number
        provenance_edit_counts.append(edit_count)
        if key in BUDGET_FIELDS:
            amount, message = parse_amount(value)
            if message:
                problems.append(WorkbookProblem(sheet, message, {"value": shown(value)},
                                                **where))
            provenance[key] = amount
        elif key == "political_involvement":
            text = cell_text(value)
            code = "" if not text else involvements.code_for(text)
            if code is None:
                problems.append(WorkbookProblem(
                    sheet, NOT_ONE_OF, {"value": repr(text), "choices": involvements.listed()},
                    **where))
            provenance[key] = code or ""
        else:
            text = cell_text(value)
            _too_long(text, sheet, where, problems, MAX_TEXT_LENGTH)
            provenance[key] = text
    missing = [k for k in BACKGROUND_KEYS if k not in seen]
    if missing:
        problems.append(WorkbookProblem(sheet, MISSING_ROWS, {"keys": ", ".join(missing)}))
    # Provenance rows all carry the report's edit count; the oldest one is what was exported.
    known = [n for n in provenance_edit_counts if n >= 0]
    provenance_edit_count = min(known) if known else -1
    return sections, provenance, provenance_rows, provenance_edit_count


def _too_long(text: str, sheet: str, where: dict, problems: list[WorkbookProblem],
              limit: int) -> bool:
    if len(text) > limit:
        problems.append(WorkbookProblem(sheet, TOO_LONG, {"length": len(text), "limit": limit},
                                        **where))
        return True
    return False


def _parse_self_assessment(rows, indicator_codes, statuses: Choices,
                           problems: list[WorkbookProblem]):
    sheet = SHEET_SELF_ASSESSMENT
    keys_row = rows[SA_KEY_ROW - 1] if rows else ()
    position = {}
    for i, value in enumerate(keys_row):
        key = cell_text(value)
        if key:
            position[OLDER_COLUMN_KEYS.get(key, key)] = i + 1
    missing = [c.key for c in SELF_ASSESSMENT_COLUMNS
               if c.key not in position and c.key != "indicator"]
    if missing:
        problems.append(WorkbookProblem(sheet, MISSING_COLUMNS,
                                        {"missing": ", ".join(missing)}, row=SA_KEY_ROW))
        return []
    titles = {c.key: c.title for c in SELF_ASSESSMENT_COLUMNS}
    known_codes = set(indicator_codes)
    seen: dict[str, int] = {}
    people_seen: dict[tuple[str, str], tuple[str, int]] = {}
    entries: list[EntryIn] = []

    def where(number: int, key: str) -> dict:
        return {"row": number, "column": column_letter(position[key]), "field": titles[key]}

    for number, row in enumerate(rows, start=1):
        if number < SA_FIRST_ROW:
            continue
        values = {key: cell(row, col) for key, col in position.items()}
        if all(is_blank(values[c.key]) for c in SELF_ASSESSMENT_COLUMNS
               if c.editable or c.key == "code"):
            continue
        before = len(problems)
        code = cell_text(values["code"])
        if not code:
            problems.append(WorkbookProblem(sheet, NO_CODE, **where(number, "code")))
            continue
        if code not in known_codes:
            problems.append(WorkbookProblem(sheet, UNKNOWN_CODE, {"value": repr(code)},
                                            **where(number, "code")))
            continue
        if code in seen:
            problems.append(WorkbookProblem(
                sheet, DUPLICATE_KEY, {"value": repr(code), "row": seen[code]},
                **where(number, "code")))
            continue
        seen[code] = number
        status_text = cell_text(values["status"])
        status = "" if not status_text else statuses.code_for(status_text)
        if status is None:
            problems.append(WorkbookProblem(
                sheet, NOT_ONE_OF, {"value": repr(status_text), "choices": statuses.listed()},
                **where(number, "status")))
        texts = {}
        for key in ENTRY_TEXT_FIELDS:
            texts[key] = cell_text(values[key])
            _too_long(texts[key], sheet, where(number, key), problems, MAX_TEXT_LENGTH)
        persons = {}
        for role in PERSON_ROLES:
            persons[role] = _person(values, role, number, where, people_seen, problems)
        edit_count = parse_edit_count(values["edit_count"])
        if edit_count is None:
            problems.append(WorkbookProblem(
                sheet, NOT_AN_EDIT_COUNT, {"value": shown(values["edit_count"])},
                **where(number, "edit_count")))
        if len(problems) > before:
            continue
        entries.append(EntryIn(row=number, code=code, edit_count=edit_count, values=EntryValues(
            status=status or "", politically_responsible=persons["political"],
            operationally_responsible=persons["operational"], **texts,
        )))
    absent = [c for c in indicator_codes if c not in seen]
    if absent:
        problems.append(WorkbookProblem(sheet, MISSING_INDICATORS,
                                        {"codes": ", ".join(absent)}))
    return entries


def _person(values, role, number, where, people_seen, problems) -> PersonIn | None:
    sheet = SHEET_SELF_ASSESSMENT
    parts = {f: clean_line(cell_text(values[f"{role}_{f}"])) for f in PERSON_FIELDS}
    failed = False
    for f in PERSON_FIELDS:
        if _too_long(parts[f], sheet, where(number, f"{role}_{f}"), problems,
                     MAX_PERSON_FIELD_LENGTH):
            failed = True
    if not parts["name"]:
        for f in ("role", "organisation"):
            if parts[f]:
                problems.append(WorkbookProblem(sheet, ROLE_WITHOUT_NAME, {"what": f},
                                                **where(number, f"{role}_{f}")))
        return None
    if failed:
        return None
    person = PersonIn(**parts)
    earlier = people_seen.get(person.key)
    if earlier is None:
        people_seen[person.key] = (person.role, number)
    elif earlier[0] != person.role and earlier[0] and person.role:
        problems.append(WorkbookProblem(
            sheet, OTHER_ROLE,
            {"name": repr(person.name), "role": repr(person.role),
             "other_role": repr(earlier[0]), "row": earlier[1]},
            **where(number, f"{role}_role"),
        ))
    elif not earlier[0] and person.role:
        people_seen[person.key] = (person.role, number)
    return person
