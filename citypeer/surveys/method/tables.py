"""Tables written for spreadsheets that cannot be turned against whoever opens them.

A city's text answer such as `=HYPERLINK("http://…")` or `@SUM(A1)` must stay text in
every program that opens the open data. In CSV, a text cell that begins with = + - @ a tab
or a carriage return gets a leading apostrophe, which spreadsheet programs read as "this is
text" (OWASP's advice for CSV injection); numbers are written as numbers. In XLSX, every
text is written as a string cell, never a formula, and such a cell is marked as
quote-prefixed so that editing it keeps it text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font

from citypeer.surveys.method.numbers import plain_number

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralised(value) -> object:
    """The value as a CSV cell holds it: a risky text behind an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if is_risky(text) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralised(h) for h in header])
    for row in rows:
        writer.writerow([neutralised(v) for v in row])
    # A byte order mark so that spreadsheet programs read the city names as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def text_cell(value):
    """What openpyxl is given for a cell: numbers stay numbers, every other value is text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)


def put(sheet, row: int, column: int, value) -> Cell:
    cell = sheet.cell(row=row, column=column)
    value = text_cell(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever it begins with
        if is_risky(value):
            cell.quotePrefix = True
    return cell


def add_sheet(book: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence], *,
              first: bool = False, widths: Sequence[int] = ()):
    sheet = book.active if first else book.create_sheet()
    sheet.title = title
    bold = Font(bold=True)
    for column, name in enumerate(header, start=1):
        put(sheet, 1, column, name).font = bold
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            put(sheet, number, column, value)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = width
    sheet.freeze_panes = "A2"
    return sheet


def workbook_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
