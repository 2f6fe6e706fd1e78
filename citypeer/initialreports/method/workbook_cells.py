"""Reading one cell of a filled-in offline template: text, an amount in euros, an edit
count, or a value from a closed list, whatever type the spreadsheet gave it.

Plain Python, no Django, no spreadsheet library.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from citypeer.initialreports.method.report import clean_line, clean_text
from citypeer.initialreports.method.workbook_problems import (
    NEGATIVE_AMOUNT,
    NOT_AN_AMOUNT,
    TOO_LARGE_AMOUNT,
    TOO_MANY_DECIMALS,
)

MAX_BUDGET = Decimal("999999999999.99")  # what DecimalField(max_digits=14, 2 places) holds


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


def cell(row: Sequence[object], column: int) -> object:
    return row[column - 1] if len(row) >= column else None


def is_blank(value: object) -> bool:
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


def parse_edit_count(value: object) -> int | None:
    text = cell_text(value)
    return int(text) if re.fullmatch(r"\d{1,9}", text) else None


def parse_amount(value: object) -> tuple[Decimal | None, str | None]:
    """An amount in euros from a cell: (amount, None) or (None, problem message)."""
    if is_blank(value):
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


def shown(value: object) -> str:
    return repr(cell_text(value) if not isinstance(value, str) else value.strip())
