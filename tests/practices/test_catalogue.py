"""The shipped practices checked against the seeds, and loading them."""

import yaml

from citypeer.benchmarks.models import CityExample, Indicator
from citypeer.network.models import City
from citypeer.practices.domain.catalogue import load_shipped_practices, shipped_practice_files
from citypeer.practices.models import GoodPractice

SECTION_C = shipped_practice_files()[0]
SIX = {"Helsinki", "Rotterdam", "Malmö", "Genoa", "Düsseldorf", "Lyon"}


def entries():
    return yaml.safe_load(SECTION_C.read_text(encoding="utf-8"))["practices"]


def test_section_c_has_23_practices_of_the_six_reviewed_cities():
    assert len(entries()) == 23
    assert {c for e in entries() for c in e["city"].split(" & ")} == SIX


def test_years_are_those_the_practice_texts_give():
    for e in entries():
        if "year" in e:
            assert str(e["year"]) in e["description"], e["key"]


def test_tagged_indicators_exist_in_the_shipped_benchmark(inti):
    codes = set(Indicator.objects.filter(benchmark=inti).values_list("code", flat=True))

    assert {c for e in entries() for c in e["indicators"]} <= codes


def test_loading_is_idempotent_and_brings_the_toolkit_examples(shipped_benchmarks):
    City.objects.create(slug="genoa", name="Genoa", country="IT")

    first = load_shipped_practices()
    second = load_shipped_practices()

    examples = CityExample.objects.count()
    assert (first.created, first.unchanged, first.skipped) == (23 + examples, 0, [])
    assert (second.created, second.unchanged) == (0, 23 + examples)
    assert GoodPractice.objects.count() == 23 + examples
    council = GoodPractice.objects.get(title="Council of Religions")
    assert council.city.slug == "genoa"
    assert [i.code for i in council.indicators.all()] == ["WP/I/6"]
    oslo = GoodPractice.objects.filter(city_name="Oslo", year=1985).get()
    assert oslo.description == CityExample.objects.get(city="Oslo", year=1985).text.strip()
    assert [k.code for k in oslo.key_factors.all()] == ["KF3"]


def test_without_the_benchmarks_loading_says_what_to_do(db):
    outcome = load_shipped_practices()

    assert outcome.created == 0
    assert "run `citypeer setup` first" in outcome.skipped[0]
