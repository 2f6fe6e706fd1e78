"""The comparison document, publishing, open data and `citypeer compare`."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from citypeer.assessment.models import Assessment
from citypeer.comparisons.domain.comparisons import (
    comparison_data,
    publish_comparison,
    published_data,
    unpublish_comparison,
)
from citypeer.comparisons.interfaces.exports import LONG_COLUMNS, export
from tests.comparisons.conftest import make_programme
from tests.conftest import make_person


def city(data, slug):
    return next(c for c in data["cities"] if c["slug"] == slug)


def test_scores_of_the_small_programme_are_those_worked_out_by_hand(small_programme):
    data = comparison_data(programme=small_programme)

    xanten, ypres, zwolle = (city(data, s) for s in ("xanten", "ypres", "zwolle"))
    assert xanten["cells"] == {"GG/A": 75.0, "GG/L": None, "IE/A": 0.0, "IE/L": 100.0}
    assert xanten["pillars"] == {"GG": 75.0, "IE": 50.0}
    assert (xanten["overall"], xanten["rank"]) == (62.5, 1)
    assert (ypres["overall"], ypres["rank"], ypres["pillars"]["IE"]) == (50.0, 2, None)
    assert (zwolle["overall"], zwolle["rank"], zwolle["assessed"]) == (None, None, 0)
    assert data["median"]["overall"] == 56.25
    assert data["median"]["cells"]["GG/A"] == 37.5
    assert xanten["colours"]["IE/L/2"] == "not_assessed"
    gg_a_1 = next(d for d in data["distributions"] if d["indicator"] == "GG/A/1")
    assert (gg_a_1["meets"], gg_a_1["falls_short"], gg_a_1["not_assessed"]) == (1, 1, 1)


def test_the_document_carries_no_person_and_no_rationale(small_benchmark):
    programme, _ = make_programme(small_benchmark, {"xanten": {"GG/A/1": "meets"}},
                                  rationale="Said by Walburga Quist on 3 March")
    person = make_person("walburga_quist", roles=["coordinator"])

    publish_comparison(programme=programme, user=person)
    text = json.dumps(published_data(slug=programme.slug))

    assert "Walburga" not in text
    assert "Quist" not in text
    assert "walburga" not in text


def test_a_published_comparison_stays_as_published_until_published_again(small_programme,
                                                                          people):
    publish_comparison(programme=small_programme, user=people["coordinator"])
    Assessment.objects.filter(review__city__slug="zwolle").delete()
    Assessment.objects.create(review=small_programme.reviews.get(city__slug="zwolle"),
                              indicator=small_programme.benchmark.indicators.get(code="GG/A/1"),
                              colour="meets")

    assert city(published_data(slug=small_programme.slug), "zwolle")["overall"] is None
    publish_comparison(programme=small_programme, user=people["coordinator"])
    assert city(published_data(slug=small_programme.slug), "zwolle")["overall"] == 100.0
    assert unpublish_comparison(programme=small_programme)
    assert published_data(slug=small_programme.slug) is None


def test_csv_has_one_row_per_city_and_indicator(small_programme):
    data = comparison_data(programme=small_programme)

    rows = list(csv.reader(io.StringIO(export(data, "csv").decode("utf-8-sig"))))

    assert rows[0] == LONG_COLUMNS
    assert len(rows) == 1 + 3 * 6
    xanten_gg_a_2 = next(r for r in rows if r[3] == "xanten" and r[8] == "GG/A/2")
    assert xanten_gg_a_2[9:15] == ["inconclusive", "50", "75.0", "75.0", "62.5", "1"]


def test_xlsx_has_the_sheets_of_the_data_dictionary(small_programme):
    data = comparison_data(programme=small_programme)

    book = load_workbook(io.BytesIO(export(data, "xlsx")))

    assert book.sheetnames == ["Read me", "Cities", "Cells", "Assessments", "Distributions",
                               "Indicators"]
    cities = list(book["Cities"].iter_rows(values_only=True))
    assert cities[0][:5] == ("city", "city_name", "country", "overall", "rank")
    assert ("xanten", "Xanten", "EU", 62.5, 1) in [r[:5] for r in cities]
    assert book["Assessments"].max_row == 1 + 18


def test_json_is_the_document(small_programme):
    data = comparison_data(programme=small_programme)

    assert json.loads(export(data, "json")) == data


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_compare_command_writes_the_file(small_programme, tmp_path, fmt):
    out = tmp_path / f"c.{fmt}"

    call_command("compare", small_programme.slug, "--format", fmt, "-o", str(out))

    assert out.stat().st_size > 100
    if fmt == "json":
        assert json.loads(out.read_text())["programme"]["slug"] == small_programme.slug


def test_compare_command_names_what_is_wrong(small_programme):
    with pytest.raises(CommandError, match="'nowhere': no such programme"):
        call_command("compare", "nowhere", "--format", "csv")
    with pytest.raises(CommandError, match="no published comparison"):
        call_command("compare", small_programme.slug, "--published", "--format", "csv")


def test_only_matrix_benchmarks_are_compared(toolkit):
    from citypeer.comparisons.domain.comparisons import NotComparable
    from citypeer.programmes.models import Programme

    programme = Programme.objects.create(slug="toolkit-round", name="T", benchmark=toolkit)

    with pytest.raises(NotComparable, match="toolkit"):
        comparison_data(programme=programme)

