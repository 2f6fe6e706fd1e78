"""Open data that spreadsheet programs cannot turn into formulas."""

import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from citypeer.surveys.method.tables import (
    FORMULA_STARTS,
    add_sheet,
    neutralised,
    workbook_bytes,
    write_csv,
)

RISKY = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


def test_csv_puts_an_apostrophe_before_risky_texts_and_keeps_numbers():
    data = write_csv(["city", "answer"], [["Lyon", text] for text in RISKY]
                     + [["Genoa", -3], ["Milan", Decimal("-1.50")], ["Oslo", None]])

    lines = data.decode("utf-8").lstrip("\ufeff").split("\r\n")
    assert lines[1:4] == ["Lyon,\"'=HYPERLINK(\"\"http://x\"\")\"", "Lyon,'+1", "Lyon,'-2+3"]
    assert lines[7:10] == ["Genoa,-3", "Milan,-1.5", "Oslo,"]


@given(st.text(max_size=20))
def test_no_csv_text_cell_begins_as_a_formula(text):
    assert not str(neutralised(text)).startswith(FORMULA_STARTS)


def test_xlsx_writes_texts_as_strings_never_formulas():
    book = Workbook()
    add_sheet(book, "Answers", ["answer"], [[t] for t in RISKY] + [[7], [Decimal("2.5")]],
              first=True)

    sheet = load_workbook(io.BytesIO(workbook_bytes(book)))["Answers"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 10)]
    assert [c.value for c in cells[:6]] == RISKY
    assert {c.data_type for c in cells[:6]} == {"s"}
    assert all(c.quotePrefix for c in cells[:6])
    assert [(c.value, c.data_type) for c in cells[6:]] == [(7, "n"), (2.5, "n")]
