"""Checking a filled-in initial report workbook, cell by cell, without a spreadsheet."""

from decimal import Decimal

import pytest

from citypeer.initialreports.method.report import STATUS_LABELS, EntryValues, PersonIn
from citypeer.initialreports.method.workbook import parse_workbook
from citypeer.initialreports.method.workbook_cells import make_choices
from citypeer.initialreports.method.workbook_layout import (
    BACKGROUND_KEYS,
    SELF_ASSESSMENT_COLUMNS,
    SHEET_BACKGROUND,
    SHEET_INSTRUCTIONS,
    SHEET_SELF_ASSESSMENT,
    column_letter,
)
from citypeer.initialreports.method.workbook_problems import WorkbookProblems

CODES = ["GG/A/1", "GG/A/2", "IE/L/1"]
STATUSES = make_choices(STATUS_LABELS)
INVOLVEMENTS = make_choices({"none": "none", "informed": "informed",
                             "consulted": "consulted on the draft",
                             "approved": "approved the report"})
KEYS = [c.key for c in SELF_ASSESSMENT_COLUMNS]


def entry_row(code, **values):
    row = {key: "" for key in KEYS}
    row.update({"code": code, "indicator": f"text of {code}", "edit_count": 0, **values})
    return tuple(row[k] for k in KEYS)


def sheets(entries=None, background=None, review=7):
    rows = [("key", "item", "your text or amount", "edit count")]
    for key in BACKGROUND_KEYS:
        rows.append((key, key, (background or {}).get(key, ""), 0))
    return {
        SHEET_INSTRUCTIONS: [(None, "Initial report"), (), ("review", "Review", review)],
        SHEET_BACKGROUND: rows,
        SHEET_SELF_ASSESSMENT: [
            tuple(KEYS), tuple(c.title for c in SELF_ASSESSMENT_COLUMNS),
            *(entries if entries is not None else [entry_row(c) for c in CODES]),
        ],
    }


def parse(data, review=7):
    return parse_workbook(sheets=data, review_id=review, indicator_codes=CODES,
                          statuses=STATUSES, involvements=INVOLVEMENTS)


def problems_of(data, review=7) -> list[str]:
    with pytest.raises(WorkbookProblems) as raised:
        parse(data, review)
    return [str(p) for p in raised.value.problems]


def test_a_filled_in_workbook_reads_back():
    data = sheets(
        entries=[
            entry_row("GG/A/1", status="Achieved", evidence="A committee meets 4 times a year.",
                      political_name="Anna Virtanen", political_role="Deputy Mayor",
                      political_organisation="City Council"),
            entry_row("GG/A/2", status="not applicable", not_applicable_reason="No port."),
            entry_row("IE/L/1", status="in_progress", evidence=2008),
        ],
        background={"section_1": "600,000 inhabitants", "budget_eu": 1250000.5,
                    "political_involvement": "Consulted on the draft", "drafted_by": "Office"},
    )

    parsed = parse(data)

    assert [(e.code, e.values.status, e.values.evidence) for e in parsed.entries] == [
        ("GG/A/1", "achieved", "A committee meets 4 times a year."),
        ("GG/A/2", "not_applicable", ""),
        ("IE/L/1", "in_progress", "2008"),
    ]
    assert parsed.entries[0].values.politically_responsible == PersonIn(
        "Anna Virtanen", "Deputy Mayor", "City Council"
    )
    assert parsed.entries[1].values == EntryValues(status="not_applicable",
                                                   not_applicable_reason="No port.")
    assert parsed.sections[0].text == "600,000 inhabitants"
    assert parsed.provenance["budget_eu"] == Decimal("1250000.50")
    assert parsed.provenance["political_involvement"] == "consulted"
    assert parsed.provenance["drafted_by"] == "Office"


def test_every_error_in_every_row_is_reported_with_sheet_row_and_column():
    status = column_letter(KEYS.index("status") + 1)
    data = sheets(
        entries=[
            entry_row("GG/A/1", status="done"),
            entry_row("GG/A/2", political_role="Mayor"),
            entry_row("XX/A/9"),
            entry_row("GG/A/1", status="achieved"),
            entry_row("IE/L/1", status="maybe", edit_count="x"),
        ],
        background={"budget_local": "lots", "budget_eu": -5, "political_involvement": "very"},
    )

    assert problems_of(data) == [
        "Background, row 11, column C (degree of political involvement): 'very' is not one of "
        "none, informed, consulted on the draft, approved the report",
        "Background, row 13, column C (budget raised locally (EUR)): 'lots' is not an amount "
        "in euros: write a number such as 1250000.50",
        "Background, row 16, column C (budget from EU sources (EUR)): '-5' is negative",
        f"Self-assessment, row 3, column {status} (status): 'done' is not one of achieved, "
        "in progress, aspiration only, not applicable",
        "Self-assessment, row 4, column J (politically responsible: role): a role is given but "
        "no name",
        "Self-assessment, row 5, column A (indicator code): 'XX/A/9' is not an indicator of "
        "this review's benchmark",
        "Self-assessment, row 6, column A (indicator code): 'GG/A/1' is also in row 3",
        f"Self-assessment, row 7, column {status} (status): 'maybe' is not one of achieved, "
        "in progress, aspiration only, not applicable",
        "Self-assessment, row 7, column O (edit count): 'x' is not an edit count; do not "
        "change this column",
    ]


def test_a_workbook_of_another_review_is_refused():
    assert problems_of(sheets(review=8)) == [
        "Instructions, row 3, column C: this workbook is for review 8, not review 7: download "
        "the template of this review"
    ]


def test_missing_sheets_rows_and_indicators_are_named():
    data = sheets(entries=[entry_row("GG/A/1")])
    data[SHEET_BACKGROUND] = [r for r in data[SHEET_BACKGROUND] if r[0] != "budget_eu"]
    del data[SHEET_INSTRUCTIONS]

    assert problems_of(data) == [
        "Instructions: the sheet is missing; start again from a downloaded template"
    ]

    data[SHEET_INSTRUCTIONS] = [("review", "Review", 7)]
    assert problems_of(data) == [
        "Background: no row for budget_eu; start again from a downloaded template",
        "Self-assessment: no row for the indicators GG/A/2, IE/L/1",
    ]


def test_a_changed_key_row_is_reported():
    data = sheets()
    keys = list(data[SHEET_SELF_ASSESSMENT][0])
    keys[2] = "state"
    data[SHEET_SELF_ASSESSMENT][0] = tuple(keys)

    assert problems_of(data) == [
        "Self-assessment, row 1: the hidden row of column names is changed (missing: status); "
        "start again from a downloaded template"
    ]


def test_columns_are_found_by_their_key_wherever_they_are():
    data = sheets()
    rows = data[SHEET_SELF_ASSESSMENT]
    data[SHEET_SELF_ASSESSMENT] = [tuple(reversed(r)) for r in rows[:2]] + [
        tuple(reversed(entry_row(c, status="aspiration only"))) for c in CODES
    ]

    assert [e.values.status for e in parse(data).entries] == ["aspiration"] * 3


def test_a_workbook_made_before_the_edit_count_had_its_name_reads_back():
    data = sheets(entries=[entry_row(c, status="achieved", edit_count=2) for c in CODES])
    keys = ["revision" if k == "edit_count" else k for k in KEYS]
    data[SHEET_SELF_ASSESSMENT][0] = tuple(keys)

    assert [(e.code, e.edit_count) for e in parse(data).entries] == [
        ("GG/A/1", 2), ("GG/A/2", 2), ("IE/L/1", 2)
    ]


def test_a_person_has_one_role_in_the_report():
    data = sheets(entries=[
        entry_row("GG/A/1", political_name="Anna Virtanen", political_role="Deputy Mayor"),
        entry_row("GG/A/2", operational_name="anna  virtanen", operational_role="Mayor"),
        entry_row("IE/L/1", political_name="Anna Virtanen"),
    ])

    assert problems_of(data) == [
        "Self-assessment, row 4, column M (operationally responsible: role): 'anna virtanen' "
        "has the role 'Mayor' here but 'Deputy Mayor' in row 3: a person has one role in the "
        "report"
    ]


def test_blank_rows_are_skipped():
    data = sheets(entries=[entry_row("GG/A/1"), (), (None, None, "  "), entry_row("GG/A/2"),
                           entry_row("IE/L/1")])

    assert [e.row for e in parse(data).entries] == [3, 6, 7]
