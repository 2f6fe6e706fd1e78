"""The template's layout."""

from citypeer.initialreports.method.workbook_layout import column_letter


def test_column_letters():
    assert [column_letter(n) for n in (1, 3, 15, 26, 27, 52)] == ["A", "C", "O", "Z", "AA", "AZ"]
