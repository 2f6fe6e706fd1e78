"""Reading one cell of a filled-in workbook: amounts in euros, closed lists, text."""

from decimal import Decimal

import pytest

from citypeer.initialreports.method.workbook_cells import cell_text, make_choices, parse_amount


@pytest.mark.parametrize(("cell", "amount", "problem"), [
    (None, None, None),
    ("", None, None),
    (1250000, Decimal("1250000.00"), None),
    (1250000.5, Decimal("1250000.50"), None),
    ("1 250 000,50 €", Decimal("1250000.50"), None),
    ("EUR 300", Decimal("300.00"), None),
    ("1,250,000", None, "{value} is not an amount in euros: write a number such as 1250000.50"),
    (0.125, None, "{value} has more than two decimals"),
    (-1, None, "{value} is negative"),
    (10**13, None, "{value} is too large"),
    (True, None, "{value} is not an amount in euros: write a number such as 1250000.50"),
])
def test_amounts(cell, amount, problem):
    assert parse_amount(cell) == (amount, problem)


def test_a_closed_list_reads_codes_and_labels_in_every_language_given():
    choices = make_choices({"achieved": "achieved", "in_progress": "in progress"},
                           {"achieved": "atteint", "in_progress": "en cours"})

    assert [choices.code_for(v) for v in ("Achieved", " en  cours ", "in_progress", "done")] == [
        "achieved", "in_progress", "in_progress", None
    ]
    assert choices.listed() == "achieved, in progress"


def test_cells_read_as_the_city_typed_them():
    assert [cell_text(v) for v in (None, True, 2008.0, 3.5, " text\r\n")] == [
        "", "yes", "2008", "3.5", "text"
    ]
