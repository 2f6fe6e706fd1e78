"""The shipped practices checked against the seeds, loading them, searching the catalogue,
and suggestions where a city falls short."""

import re

import yaml

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import CityExample, Indicator
from citypeer.network.models import City
from citypeer.practices.domain.catalogue import load_shipped_practices, shipped_practice_files
from citypeer.practices.domain.queries import search_practices, visible_practices
from citypeer.practices.domain.suggestions import suggestions_for_review
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Programme, Review

SECTION_C = shipped_practice_files()[0]
SIX = {"Helsinki", "Rotterdam", "Malmö", "Genoa", "Düsseldorf", "Lyon"}


def squash(text: str) -> str:
    # "**" is bold markup of the text extraction, not the publication's words.
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


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


def search(user, **criteria):
    return {p.title for p in search_practices(visible_practices(user), **criteria)}


def test_search_by_text_indicator_pillar_key_factor_and_city(shipped_benchmarks, people):
    load_shipped_practices()
    user = people["peer"]

    assert search(user, text="validation portfolio") == {"Skills recognition"}
    assert search(user, indicator="GG/A/6") == {"Tailoring needs assessments",
                                                "Data-gathering"}
    assert "Council of Religions" in search(user, pillar="WP")
    assert "Council of Religions" not in search(user, pillar="IE")
    assert "Equal access: Oslo" in search(user, key_factor="KF3")
    assert search(user, key_factor="KF3") == set(
        GoodPractice.objects.filter(key_factors__code="KF3").values_list("title", flat=True))
    assert search(user, city="Malmö", pillar="IE") == {"Designing flexible courses",
                                                       "Skills recognition"}


def test_others_see_shipped_and_transferable_practices_only(inti, people):
    kept = GoodPractice.objects.create(title="Kept in the team", description="x")
    shared = GoodPractice.objects.create(title="Shared", description="x", transferable=True)

    seen = set(visible_practices(people["peer"]))

    assert shared in seen
    assert kept not in seen
    assert kept in set(visible_practices(people["coordinator"]))


def test_suggestions_come_from_cities_that_meet_the_indicator(shipped_benchmarks, people):
    inti = shipped_benchmarks["inti-cities-2009"]
    load_shipped_practices()
    lyon, malmo, genoa = (City.objects.create(slug=s, name=n, country=c) for s, n, c in
                          [("lyon", "Lyon", "FR"), ("malmo", "Malmö", "SE"),
                           ("oulu", "Oulu", "FI")])
    programme = Programme.objects.create(slug="p", name="P", benchmark=inti)
    reviews = {c.slug: Review.objects.create(programme=programme, city=c)
               for c in (lyon, malmo, genoa)}
    gg_a_6 = Indicator.objects.get(benchmark=inti, code="GG/A/6")
    ie_i_4 = Indicator.objects.get(benchmark=inti, code="IE/I/4")
    Assessment.objects.create(review=reviews["lyon"], indicator=gg_a_6, colour="falls_short")
    Assessment.objects.create(review=reviews["lyon"], indicator=ie_i_4, colour="falls_short")
    Assessment.objects.create(review=reviews["malmo"], indicator=ie_i_4, colour="meets")
    Assessment.objects.create(review=reviews["oulu"], indicator=gg_a_6, colour="falls_short")
    found = GoodPractice.objects.create(review=reviews["oulu"], city=genoa, title="Oulu data",
                                        description="x", transferable=True)
    found.indicators.set([gg_a_6])

    suggestions = {s.indicator.code: s for s in
                   suggestions_for_review(review=reviews["lyon"], user=people["peer"])}

    assert [p.title for p in suggestions["IE/I/4"].from_cities] == ["Designing flexible courses"]
    assert "Increasing outreach" in [p.title for p in suggestions["IE/I/4"].from_publications]
    assert suggestions["GG/A/6"].from_cities == []  # Oulu falls short of it too
    assert {p.title for p in suggestions["GG/A/6"].from_publications} == {
        "Tailoring needs assessments", "Data-gathering"}
