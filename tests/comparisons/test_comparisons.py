"""The comparison document (scores worked out by hand, nothing about people), publishing
and withdrawing it, and programmes that have nothing to compare."""

import json

import pytest

from citypeer.assessment.models import Assessment
from citypeer.comparisons.domain.comparisons import (
    comparison_data,
    publish_comparison,
    published_data,
    unpublish_comparison,
)
from tests.comparisons.conftest import make_programme
from tests.conftest import make_person


def city(data, slug):
    return next(c for c in data["cities"] if c["slug"] == slug)


def test_scores_of_the_small_programme_are_those_worked_out_by_hand(world):
    data = comparison_data(programme=world.programme)

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


def test_the_document_carries_no_person_and_no_rationale(world):
    programme, _ = make_programme(world.benchmark, {"xanten": {"GG/A/1": "meets"}},
                                  slug="round-2012", rationale="Said by Walburga Quist on 3 March")
    person = make_person("walburga_quist", roles=["coordinator"])

    publish_comparison(programme=programme, user=person)
    text = json.dumps(published_data(slug=programme.slug))

    assert "Walburga" not in text
    assert "Quist" not in text
    assert "walburga" not in text


def test_a_published_comparison_stays_as_published_until_published_again(world,
                                                                          people):
    publish_comparison(programme=world.programme, user=people["coordinator"])
    Assessment.objects.filter(review__city__slug="zwolle").delete()
    Assessment.objects.create(review=world.programme.reviews.get(city__slug="zwolle"),
                              indicator=world.programme.benchmark.indicators.get(code="GG/A/1"),
                              colour="meets")

    assert city(published_data(slug=world.programme.slug), "zwolle")["overall"] is None
    publish_comparison(programme=world.programme, user=people["coordinator"])
    assert city(published_data(slug=world.programme.slug), "zwolle")["overall"] == 100.0
    assert unpublish_comparison(programme=world.programme)
    assert published_data(slug=world.programme.slug) is None


def test_only_matrix_benchmarks_are_compared(toolkit):
    from citypeer.comparisons.domain.comparisons import NotComparable
    from citypeer.programmes.models import Programme

    programme = Programme.objects.create(slug="toolkit-round", name="T", benchmark=toolkit)

    with pytest.raises(NotComparable, match="toolkit"):
        comparison_data(programme=programme)
