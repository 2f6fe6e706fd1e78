"""The offline initial report template's layout: its sheets, the columns and rows where each
item is, and the titles they carry. What writes the workbook and what reads it back both
follow this layout.

Plain Python, no Django, no spreadsheet library.
"""

from __future__ import annotations

from dataclasses import dataclass

from citypeer.core.messages import gettext_noop
from citypeer.initialreports.method.report import BACKGROUND_SECTION_KINDS, PROVENANCE_FIELDS

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
    Column("edit_count", gettext_noop("edit count"), editable=False),
)
# Workbooks made before the edit counter had its own name call its column "revision".
OLDER_COLUMN_KEYS = {"revision": "edit_count"}
SA_KEY_ROW = 1
SA_HEADER_ROW = 2
SA_FIRST_ROW = 3
PERSON_ROLES = ("political", "operational")
PERSON_FIELDS = ("name", "role", "organisation")

# Background: column A (hidden) holds the row keys, B the label, C the value, D (hidden) the
# edit count the value was exported at. Row 1 holds the titles.
BG_KEY, BG_LABEL, BG_VALUE, BG_EDIT_COUNT = 1, 2, 3, 4
BG_FIRST_ROW = 2
BACKGROUND_KEYS = (*(f"section_{k}" for k in BACKGROUND_SECTION_KINDS), *PROVENANCE_FIELDS)
BACKGROUND_COLUMN_TITLES = {
    BG_LABEL: gettext_noop("item"), BG_VALUE: gettext_noop("your text or amount"),
    BG_EDIT_COUNT: gettext_noop("edit count"),
}
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

# Instructions: column A (hidden) holds keys, C the value.
INSTRUCTIONS_REVIEW_KEY = "review"
INSTR_KEY, INSTR_LABEL, INSTR_VALUE = 1, 2, 3


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def background_title(key: str) -> str:
    return BACKGROUND_FIELD_TITLES.get(key, key)
