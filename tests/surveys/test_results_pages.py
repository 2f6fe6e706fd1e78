"""Results and trends: the coordinator sees every year; everyone else only what is
published, aggregated or with each city's answers; the open data is safe to open."""

import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from citypeer.surveys.domain.responses import response_of, submit_response
from citypeer.surveys.domain.surveys import close_survey, publish_results
from citypeer.surveys.models import CharterSurvey
from tests.factories import make_city
from tests.surveys.conftest import make_signatory, make_survey

RESULTS = "/surveys/2026/results/"


def submit(survey, city, answers, name="Officer"):
    response = response_of(survey, city)
    return submit_response(response=response, answers=answers, edit_count=response.edit_count,
                           by_name=name)


@pytest.fixture
def answered(world):
    submit(world.survey, world.cities["lyon"], {
        "council": "yes", "members": "20", "influence": "4", "channels": ["web", "radio"],
        "stations": "=HYPERLINK(\"http://evil.example\")"})
    submit(world.survey, world.cities["milan"], {
        "council": "no", "influence": "2", "channels": ["print"]})
    return world


def publish(world, publication):
    survey = close_survey(survey=world.survey)
    return publish_results(survey=survey, publication=publication)


@pytest.mark.parametrize("who", ["claire", "marco", "peer"])
def test_unpublished_results_are_the_coordinators_only(answered, as_user, who):
    assert as_user(answered["coordinator"]).get(RESULTS).status_code == 200
    assert as_user(answered[who]).get(RESULTS).status_code == 403
    assert as_user(None).get(RESULTS).status_code == 404
    assert as_user(None).get(RESULTS + "summary.csv").status_code == 404


def test_aggregated_results_name_no_city_and_show_no_text(answered, as_user):
    publish(answered, "aggregated")

    page = as_user(None).get(RESULTS)

    text = page.content.decode()
    assert page.status_code == 200
    assert "Lyon" not in text
    assert "Milan" not in text
    assert "HYPERLINK" not in text
    assert 'data-testid="result-council"' in text
    assert "<svg" in text
    assert 'role="img"' in text
    assert as_user(None).get(RESULTS + "cities/lyon/").status_code == 404
    assert as_user(None).get(RESULTS + "answers.csv").status_code == 404


def test_results_per_city_show_each_citys_answers_to_everyone(answered, as_user):
    publish(answered, "per_city")

    page = as_user(None).get(RESULTS)
    city = as_user(None).get(RESULTS + "cities/lyon/")

    assert "Lyon" in page.content.decode()
    assert city.status_code == 200
    assert "Website; Radio" in city.content.decode()


def test_the_open_data_carries_its_licence_and_dictionary_and_cannot_run_formulas(
        answered, as_user):
    publish(answered, "per_city")
    client = as_user(None)

    answers = client.get(RESULTS + "answers.csv")
    rows = list(csv.reader(io.StringIO(answers.content.decode("utf-8-sig"))))
    book = load_workbook(io.BytesIO(client.get(RESULTS + "results.xlsx").content))
    document = json.loads(client.get(RESULTS + "results.json").content)
    dictionary = client.get(RESULTS + "dictionary.csv").content.decode("utf-8-sig")

    assert answers["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert rows[0] == ["year", "city", "city_name", "country", "submitted_at", "question",
                       "kind", "answer"]
    stations = next(r for r in rows if r[5] == "stations")
    assert stations[7] == "'=HYPERLINK(\"http://evil.example\")"
    cell = next(c for row in book["Answers"].iter_rows() for c in row
                if str(c.value).startswith("=HYPERLINK"))
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    assert book.sheetnames == ["Read me", "Dictionary", "Questions", "Summary", "Answers"]
    assert document["licence"]["id"] == "CC-BY-4.0"
    assert {d["column"] for d in document["dictionary"]} >= {"question", "answer", "share"}
    assert dictionary.startswith("table,column,meaning")
    council = next(r for r in document["results"] if r["code"] == "council")
    assert [(c["value"], c["count"], c["share"]) for c in council["counts"]] == [
        ("yes", 1, 0.5), ("no", 1, 0.5)]


def test_trends_follow_a_question_over_the_years_as_published(answered, as_user):
    publish(answered, "per_city")
    earlier = make_survey(2025, deadline=dt.date(2025, 4, 30))
    submit(earlier, answered.cities["lyon"], {"council": "no", "influence": "1"})
    publish_results(survey=close_survey(survey=earlier), publication="aggregated")

    trends = as_user(None).get("/surveys/trends/")
    council = as_user(None).get("/surveys/trends/council/")

    assert trends.status_code == 200
    assert 'data-testid="trend-council"' in trends.content.decode()
    text = council.content.decode()
    assert "<th scope=\"row\">2025</th>" in text
    assert "<th scope=\"row\">2026</th>" in text
    # 2025 was published aggregated: no city's answer of 2025 appears, those of 2026 do.
    assert 'data-testid="city-trend"' in text
    assert ">2025</th>" not in text.split('data-testid="city-trend"')[1].split("</thead>")[0]


def test_the_results_page_fetches_the_same_queries_for_one_city_or_several(world, as_user):
    submit(world.survey, world.cities["lyon"], {"council": "yes", "members": "3"})
    client = as_user(world["coordinator"])
    with CaptureQueriesContext(connection) as one:
        client.get(RESULTS)
    for slug in ("ghent", "riga", "turin"):
        city = make_city(slug)
        make_signatory(city)
        submit(world.survey, city, {"council": "no", "channels": ["web"]})

    with CaptureQueriesContext(connection) as several:
        page = client.get(RESULTS)

    assert b"Turin" in page.content
    assert len(several.captured_queries) == len(one.captured_queries)


def test_the_public_index_lists_only_published_surveys(answered, as_user):
    make_survey(2027, open_it=False)
    assert b"2026" not in as_user(None).get("/surveys/results/").content
    publish(answered, "aggregated")

    page = as_user(None).get("/surveys/results/")

    assert b"Integrating Cities survey 2026" in page.content
    assert CharterSurvey.objects.get(year=2027).state == "draft"
