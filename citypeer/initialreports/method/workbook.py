"""The offline initial report template: its layout, and the checks a filled-in workbook goes
through before anything of it is kept.

Plain Python, no Django, no spreadsheet library: the interface reads the workbook into rows of
cell values and hands them here; every problem is collected with its sheet, row and column so
that a city can mend them all at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from citypeer.initialreports.method.report import (
    BACKGROUND_SECTION_KINDS,
    MAX_PERSON_FIELD_LENGTH,
    MAX_TEXT_LENGTH,
    clean_line,
    clean_text,
    gettext_noop,
    person_key,
)

# Sheet names are the format's keys, like the keys of a YAML file: they stay the same in
# every language so that a workbook filled in Helsinki reads back anywhere.
SHEET_INSTRUCTIONS = "Instructions"
SHEET_BACKGROUND = "Background"
SHEET_SELF_ASSESSMENT = "Self-assessment"
SHEET_LISTS = "Lists"


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # English; translated where shown
    editable: bool = True


# Self-assessment: row 1 (hidden) holds these keys, row 2 the titles, data from row 3 on.
SELF_ASSESSMENT_COLUMNS = (
    Column("code", gettext_noop("indicator code"), editable=False),
    Column("indicator", gettext_noop("indicator"), editable=False),
    Column("status", gettext_noop("status")),
    Column("not_applicable_reason", gettext_noop("reason if not applicable")),
    Column("evidence", gettext_noop("evidence")),
    Column("how", gettext_noop("how")),
    Column("why", gettext_noop("why")),
    Column("who", gettext_noop("who")),
    Column("political_name", gettext_noop("politically responsible: name")),
    Column("political_role", gettext_noop("politically responsible: role")),
    Column("political_organisation", gettext_noop("politically responsible: organisation")),
    Column("operational_name", gettext_noop("operationally responsible: name")),
    Column("operational_role", gettext_noop("operationally responsible: role")),
    Column("operational_organisation",
           gettext_noop("operationally responsible: organisation")),
    Column("revision", gettext_noop("revision"), editable=False),
)
SA_KEY_ROW = 1
SA_HEADER_ROW = 2
SA_FIRST_ROW = 3
ENTRY_TEXT_FIELDS = ("not_applicable_reason", "evidence", "how", "why", "who")
PERSON_ROLES = ("political", "operational")
PERSON_FIELDS = ("name", "role", "organisation")

# Background: column A (hidden) holds the row keys, B the label, C the value, D (hidden) the
# revision the value was exported at. Row 1 holds the titles.
BG_KEY, BG_LABEL, BG_VALUE, BG_REVISION = 1, 2, 3, 4
BG_FIRST_ROW = 2
PROVENANCE_TEXT_FIELDS = ("drafted_by", "partners", "political_involvement_note")
BUDGET_FIELDS = ("budget_local", "budget_regional", "budget_national", "budget_eu")
PROVENANCE_FIELDS = (
    "drafted_by", "partners", "political_involvement", "political_involvement_note",
    *BUDGET_FIELDS,
)
BACKGROUND_KEYS = (*(f"section_{k}" for k in BACKGROUND_SECTION_KINDS), *PROVENANCE_FIELDS)
BACKGROUND_COLUMN_TITLES = {
    BG_LABEL: gettext_noop("item"), BG_VALUE: gettext_noop("your text or amount"),
    BG_REVISION: gettext_noop("revision"),
}

# Instructions: column A (hidden) holds keys, C the value.
INSTRUCTIONS_REVIEW_KEY = "review"
INSTR_KEY, INSTR_LABEL, INSTR_VALUE = 1, 2, 3

MAX_BUDGET = Decimal("999999999999.99")  # what DecimalField(max_digits=14, 2 places) holds

# Where a problem is.
PLACE_ROW = gettext_noop("{sheet}, row {row}")
PLACE_CELL = gettext_noop("{sheet}, row {row}, column {column}")
PLACE_CELL_FIELD = gettext_noop("{sheet}, row {row}, column {column} ({field})")

# Messages (English templates; {name} fields are filled in after translation).
MISSING_SHEET = gettext_noop("the sheet is missing; start again from a downloaded template")
WRONG_REVIEW = gettext_noop(
    "this workbook is for review {found}, not review {expected}: download the template of "
    "this review"
)
NO_REVIEW = gettext_noop("the review number is missing; start again from a downloaded template")
MISSING_COLUMNS = gettext_noop(
    "the hidden row of column names is changed (missing: {missing}); start again from a "
    "downloaded template"
)
MISSING_ROWS = gettext_noop("no row for {keys}; start again from a downloaded template")
UNKNOWN_KEY = gettext_noop("{value} is not an item of the template")
DUPLICATE_KEY = gettext_noop("{value} is also in row {row}")
NO_CODE = gettext_noop("this row has no indicator code")
UNKNOWN_CODE = gettext_noop("{value} is not an indicator of this review's benchmark")
MISSING_INDICATORS = gettext_noop("no row for the indicators {codes}")
NOT_ONE_OF = gettext_noop("{value} is not one of {choices}")
NOT_AN_AMOUNT = gettext_noop(
    "{value} is not an amount in euros: write a number such as 1250000.50"
)
NEGATIVE_AMOUNT = gettext_noop("{value} is negative")
TOO_MANY_DECIMALS = gettext_noop("{value} has more than two decimals")
TOO_LARGE_AMOUNT = gettext_noop("{value} is too large")
NOT_A_REVISION = gettext_noop("{value} is not a revision number; do not change this column")
TOO_LONG = gettext_noop("the text has {length} characters; at most {limit} fit")
ROLE_WITHOUT_NAME = gettext_noop("a {what} is given but no name")
OTHER_ROLE = gettext_noop(
    "{name} has the role {role} here but {other_role} in row {row}: a person has one role in "
    "the report"
)
CHANGED_SINCE = gettext_noop(
    "{what} was changed on the platform (revision {current}) after this workbook was made "
    "(revision {exported}); download a new template and copy your changes into it"
)
LOCKED = gettext_noop("the report is {state}: the host city cannot change it now")
NOT_A_WORKBOOK = gettext_noop("the file is not an Excel workbook (.xlsx) that can be read")


@dataclass(frozen=True)
class Problem:
    """Something wrong in the workbook, where it is, and what. `row` and `column` (a letter)
    are None for a problem of a whole sheet or row; `field` is the column's English title."""

    sheet: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    row: int | None = None
    column: str | None = None
    field: str | None = None

    def text(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.message).format(
            **{k: translate(v) if k in _TRANSLATED_PARAMS else v for k, v in self.params.items()}
        )

    def where(self, translate: Callable[[str], str] = lambda s: s) -> str:
        sheet = self.sheet
        if self.row is None:
            return sheet
        if self.column is None:
            return translate(PLACE_ROW).format(sheet=sheet, row=self.row)
        if self.field:
            return translate(PLACE_CELL_FIELD).format(
                sheet=sheet, row=self.row, column=self.column, field=translate(self.field)
            )
        return translate(PLACE_CELL).format(
            sheet=sheet, row=self.row, column=self.column
        )

    def render(self, translate: Callable[[str], str] = lambda s: s) -> str:
        return f"{self.where(translate)}: {self.text(translate)}"

    def __str__(self) -> str:
        return self.render()


# Params that are themselves English words to translate (a column title, a state).
_TRANSLATED_PARAMS = frozenset({"what", "state"})


class WorkbookProblems(ValueError):
    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Choices:
    """The accepted spellings of a closed list: code -> label shown, plus every other
    spelling (codes, labels in each language) folded to its code."""

    labels: Mapping[str, str]
    spellings: Mapping[str, str]

    def code_for(self, value: str) -> str | None:
        return self.spellings.get(_fold(value))

    def listed(self) -> str:
        return ", ".join(self.labels.values())


def make_choices(labels: Mapping[str, str], *others: Mapping[str, str]) -> Choices:
    spellings: dict[str, str] = {}
    for mapping in (labels, *others):
        for code, label in mapping.items():
            spellings.setdefault(_fold(code), code)
            spellings.setdefault(_fold(label), code)
    return Choices(labels=dict(labels), spellings=spellings)


def _fold(value: str) -> str:
    return clean_line(value).casefold()


@dataclass(frozen=True)
class PersonIn:
    name: str
    role: str
    organisation: str

    @property
    def key(self) -> tuple[str, str]:
        return person_key(self.name, self.organisation)


@dataclass(frozen=True)
class EntryIn:
    row: int
    code: str
    status: str
    not_applicable_reason: str
    evidence: str
    how: str
    why: str
    who: str
    politically_responsible: PersonIn | None
    operationally_responsible: PersonIn | None
    revision: int


@dataclass(frozen=True)
class BackgroundIn:
    row: int
    kind: int
    text: str
    revision: int


@dataclass(frozen=True)
class ParsedWorkbook:
    review_id: int
    sections: tuple[BackgroundIn, ...]
    provenance: Mapping[str, object]
    provenance_rows: Mapping[str, int]
    provenance_revision: int
    entries: tuple[EntryIn, ...]


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
    problems: list[Problem] = []
    for name in (SHEET_INSTRUCTIONS, SHEET_BACKGROUND, SHEET_SELF_ASSESSMENT):
        if name not in sheets:
            problems.append(Problem(name, MISSING_SHEET))
    if problems:
        raise WorkbookProblems(problems)
    _check_review(sheets[SHEET_INSTRUCTIONS], review_id, problems)
    sections, provenance, provenance_rows, provenance_revision = _parse_background(
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
        provenance_revision=provenance_revision,
        entries=tuple(entries),
    )


def _cell(row: Sequence[object], column: int) -> object:
    return row[column - 1] if len(row) >= column else None


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: object) -> str:
    """A cell as text: what a city typed, whatever type the spreadsheet gave it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return clean_text(str(value))


def _check_review(rows, review_id: int, problems: list[Problem]) -> None:
    for number, row in enumerate(rows, start=1):
        if cell_text(_cell(row, INSTR_KEY)) == INSTRUCTIONS_REVIEW_KEY:
            found = cell_text(_cell(row, INSTR_VALUE))
            where = {"row": number, "column": column_letter(INSTR_VALUE)}
            if not found:
                problems.append(Problem(SHEET_INSTRUCTIONS, NO_REVIEW, **where))
            elif found != str(review_id):
                problems.append(Problem(
                    SHEET_INSTRUCTIONS, WRONG_REVIEW,
                    {"found": found, "expected": review_id}, **where,
                ))
            return
    problems.append(Problem(SHEET_INSTRUCTIONS, NO_REVIEW))


def parse_revision(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if re.fullmatch(r"\d{1,9}", text) else None


def parse_amount(value: object) -> tuple[Decimal | None, str | None]:
    """An amount in euros from a cell: (amount, None) or (None, problem message)."""
    if _is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, NOT_AN_AMOUNT
    if isinstance(value, int | float | Decimal):
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = re.sub(r"[\s\u00a0\u202f€]|EUR", "", str(value), flags=re.IGNORECASE)
        if not re.fullmatch(r"-?\d+([.,]\d+)?", text):
            return None, NOT_AN_AMOUNT
        try:
            amount = Decimal(text.replace(",", "."))
        except InvalidOperation:
            return None, NOT_AN_AMOUNT
    if not amount.is_finite():
        return None, NOT_AN_AMOUNT
    if amount < 0:
        return None, NEGATIVE_AMOUNT
    if amount != amount.quantize(Decimal("0.01")):
        return None, TOO_MANY_DECIMALS
    if amount > MAX_BUDGET:
        return None, TOO_LARGE_AMOUNT
    return amount.quantize(Decimal("0.01")), None


def _shown(value: object) -> str:
    return repr(cell_text(value) if not isinstance(value, str) else value.strip())


def _parse_background(rows, involvements: Choices, problems: list[Problem]):
    sections: list[BackgroundIn] = []
    provenance: dict[str, object] = {}
    provenance_rows: dict[str, int] = {}
    provenance_revisions: list[tuple[int, int]] = []
    seen: dict[str, int] = {}
    sheet = SHEET_BACKGROUND
    value_col = column_letter(BG_VALUE)
    for number, row in enumerate(rows, start=1):
        if number < BG_FIRST_ROW:
            continue
        key = cell_text(_cell(row, BG_KEY))
        value = _cell(row, BG_VALUE)
        if not key:
            if not _is_blank(value):
                problems.append(Problem(sheet, UNKNOWN_KEY, {"value": "''"}, row=number,
                                        column=column_letter(BG_KEY)))
            continue
        if key not in BACKGROUND_KEYS:
            problems.append(Problem(sheet, UNKNOWN_KEY, {"value": repr(key)}, row=number,
                                    column=column_letter(BG_KEY)))
            continue
        if key in seen:
            problems.append(Problem(sheet, DUPLICATE_KEY, {"value": repr(key), "row": seen[key]},
                                    row=number, column=column_letter(BG_KEY)))
            continue
        seen[key] = number
        revision = parse_revision(_cell(row, BG_REVISION))
        if revision is None:
            problems.append(Problem(
                sheet, NOT_A_REVISION, {"value": _shown(_cell(row, BG_REVISION))}, row=number,
                column=column_letter(BG_REVISION), field=BACKGROUND_COLUMN_TITLES[BG_REVISION],
            ))
            revision = -1
        where = {"row": number, "column": value_col, "field": _background_title(key)}
        if key.startswith("section_"):
            text = cell_text(value)
            if _too_long(text, sheet, where, problems, MAX_TEXT_LENGTH):
                continue
            sections.append(BackgroundIn(number, int(key.removeprefix("section_")), text,
                                         revision))
            continue
        provenance_rows[key] = number
        provenance_revisions.append((number, revision))
        if key in BUDGET_FIELDS:
            amount, message = parse_amount(value)
            if message:
                problems.append(Problem(sheet, message, {"value": _shown(value)}, **where))
            provenance[key] = amount
        elif key == "political_involvement":
            text = cell_text(value)
            code = "" if not text else involvements.code_for(text)
            if code is None:
                problems.append(Problem(sheet, NOT_ONE_OF,
                                        {"value": repr(text), "choices": involvements.listed()},
                                        **where))
            provenance[key] = code or ""
        else:
            text = cell_text(value)
            _too_long(text, sheet, where, problems, MAX_TEXT_LENGTH)
            provenance[key] = text
    missing = [k for k in BACKGROUND_KEYS if k not in seen]
    if missing:
        problems.append(Problem(sheet, MISSING_ROWS, {"keys": ", ".join(missing)}))
    # Provenance rows all carry the report's revision; the oldest one is what was exported.
    known = [r for _, r in provenance_revisions if r >= 0]
    provenance_revision = min(known) if known else -1
    return sections, provenance, provenance_rows, provenance_revision


def _background_title(key: str) -> str:
    return BACKGROUND_FIELD_TITLES.get(key, key)


BACKGROUND_FIELD_TITLES = {
    "section_1": gettext_noop("1. Main characteristics of the municipality"),
    "section_2": gettext_noop(
        "2. Role of the municipality in the delivery of public policies and services"),
    "section_3": gettext_noop(
        "3. Division of responsibility between local, regional and national levels"),
    "section_4": gettext_noop(
        "4. Political decision-making arrangements and political balance"),
    "section_5": gettext_noop(
        "5. Strategies, plans and actions, and how the municipality defines 'migrants'"),
    "section_6": gettext_noop("6. Arrangements for joint-working between stakeholders"),
    "section_7": gettext_noop("7. Budgets available for integration governance"),
    "drafted_by": gettext_noop("who drafted the report, and how"),
    "partners": gettext_noop("partners who took part"),
    "political_involvement": gettext_noop("degree of political involvement"),
    "political_involvement_note": gettext_noop("political involvement, explained"),
    "budget_local": gettext_noop("budget raised locally (EUR)"),
    "budget_regional": gettext_noop("budget from regional sources (EUR)"),
    "budget_national": gettext_noop("budget from national sources (EUR)"),
    "budget_eu": gettext_noop("budget from EU sources (EUR)"),
}


def _too_long(text: str, sheet: str, where: dict, problems: list[Problem], limit: int) -> bool:
    if len(text) > limit:
        problems.append(Problem(sheet, TOO_LONG, {"length": len(text), "limit": limit}, **where))
        return True
    return False


def _parse_self_assessment(rows, indicator_codes, statuses: Choices, problems: list[Problem]):
    sheet = SHEET_SELF_ASSESSMENT
    keys_row = rows[SA_KEY_ROW - 1] if rows else ()
    position = {cell_text(v): i + 1 for i, v in enumerate(keys_row) if cell_text(v)}
    missing = [c.key for c in SELF_ASSESSMENT_COLUMNS
               if c.key not in position and c.key != "indicator"]
    if missing:
        problems.append(Problem(sheet, MISSING_COLUMNS, {"missing": ", ".join(missing)},
                                row=SA_KEY_ROW))
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
        values = {key: _cell(row, col) for key, col in position.items()}
        if all(_is_blank(values[c.key]) for c in SELF_ASSESSMENT_COLUMNS
               if c.editable or c.key == "code"):
            continue
        before = len(problems)
        code = cell_text(values["code"])
        if not code:
            problems.append(Problem(sheet, NO_CODE, **where(number, "code")))
            continue
        if code not in known_codes:
            problems.append(Problem(sheet, UNKNOWN_CODE, {"value": repr(code)},
                                    **where(number, "code")))
            continue
        if code in seen:
            problems.append(Problem(sheet, DUPLICATE_KEY, {"value": repr(code), "row": seen[code]},
                                    **where(number, "code")))
            continue
        seen[code] = number
        status_text = cell_text(values["status"])
        status = "" if not status_text else statuses.code_for(status_text)
        if status is None:
            problems.append(Problem(sheet, NOT_ONE_OF,
                                    {"value": repr(status_text), "choices": statuses.listed()},
                                    **where(number, "status")))
        texts = {}
        for key in ENTRY_TEXT_FIELDS:
            texts[key] = cell_text(values[key])
            _too_long(texts[key], sheet, where(number, key), problems, MAX_TEXT_LENGTH)
        persons = {}
        for role in PERSON_ROLES:
            persons[role] = _person(values, role, number, where, people_seen, problems)
        revision = parse_revision(values["revision"])
        if revision is None:
            problems.append(Problem(sheet, NOT_A_REVISION, {"value": _shown(values["revision"])},
                                    **where(number, "revision")))
        if len(problems) > before:
            continue
        entries.append(EntryIn(
            row=number, code=code, status=status or "", revision=revision,
            politically_responsible=persons["political"],
            operationally_responsible=persons["operational"], **texts,
        ))
    absent = [c for c in indicator_codes if c not in seen]
    if absent:
        problems.append(Problem(sheet, MISSING_INDICATORS, {"codes": ", ".join(absent)}))
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
                problems.append(Problem(sheet, ROLE_WITHOUT_NAME, {"what": f},
                                        **where(number, f"{role}_{f}")))
        return None
    if failed:
        return None
    person = PersonIn(**parts)
    earlier = people_seen.get(person.key)
    if earlier is None:
        people_seen[person.key] = (person.role, number)
    elif earlier[0] != person.role and earlier[0] and person.role:
        problems.append(Problem(
            sheet, OTHER_ROLE,
            {"name": repr(person.name), "role": repr(person.role),
             "other_role": repr(earlier[0]), "row": earlier[1]},
            **where(number, f"{role}_role"),
        ))
    elif not earlier[0] and person.role:
        people_seen[person.key] = (person.role, number)
    return person
