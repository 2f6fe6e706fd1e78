"""Open data: the comparison document as CSV, XLSX and JSON (docs/open-data.md)."""

import csv
import io
import json

from openpyxl import load_workbook

from citypeer.comparisons.domain.comparisons import comparison_data
from citypeer.comparisons.interfaces.exports import LONG_COLUMNS, export


def test_csv_has_one_row_per_city_and_indicator(world):
    data = comparison_data(programme=world.programme)

    rows = list(csv.reader(io.StringIO(export(data, "csv").decode("utf-8-sig"))))

    assert rows[0] == LONG_COLUMNS
    assert len(rows) == 1 + 3 * 6
    xanten_gg_a_2 = next(r for r in rows if r[3] == "xanten" and r[8] == "GG/A/2")
    assert xanten_gg_a_2[9:15] == ["inconclusive", "50", "75.0", "75.0", "62.5", "1"]


def test_xlsx_has_the_sheets_of_the_data_dictionary(world):
    data = comparison_data(programme=world.programme)

    book = load_workbook(io.BytesIO(export(data, "xlsx")))

    assert book.sheetnames == ["Read me", "Cities", "Cells", "Assessments", "Distributions",
                               "Indicators"]
    cities = list(book["Cities"].iter_rows(values_only=True))
    assert cities[0][:5] == ("city", "city_name", "country", "overall", "rank")
    assert ("xanten", "Xanten", "EU", 62.5, 1) in [r[:5] for r in cities]
    assert book["Assessments"].max_row == 1 + 18


def test_json_is_the_document(world):
    data = comparison_data(programme=world.programme)

    assert json.loads(export(data, "json")) == data
