"""The comparisons' world: a small programme whose scores are computed by hand, built from
the shared factories (`tests/factories.py`)."""

from dataclasses import dataclass

import pytest

from citypeer.assessment.models import Assessment
from citypeer.programmes.models import Programme
from tests.factories import indicators_of, make_benchmark, make_review

SMALL = {
    "slug": "small-matrix", "version": 1, "title": "Small matrix", "kind": "matrix",
    "language": "en",
    "values": [{"code": "A", "name": "Ambition"}, {"code": "L", "name": "Leadership"}],
    "pillars": [
        {"code": "GG", "name": "General Governance", "values": [
            {"value": "A", "indicators": [
                {"code": "GG/A/1", "text": "The municipality adopts a strategic plan."},
                {"code": "GG/A/2", "text": "The strategy is integrated into all portfolios."}]},
            {"value": "L", "indicators": [
                {"code": "GG/L/1", "text": "Political leaders commit to integration."}]},
        ]},
        {"code": "IE", "name": "Individual Empowerment", "values": [
            {"value": "A", "indicators": [
                {"code": "IE/A/1", "text": "The plan is prepared with migrants."}]},
            {"value": "L", "indicators": [
                {"code": "IE/L/1", "text": "Migrants are consulted by leaders."},
                {"code": "IE/L/2", "text": "Migrant associations are heard."}]},
        ]},
    ],
}

# The same colours as tests/comparisons/method/test_aggregation.py, whose scores are worked
# out there:
# Xanten 62.5 (GG 75, IE 50; GG/L nothing assessed), Ypres 50 (IE nothing assessed),
# Zwolle nothing assessed.
COLOURS = {
    "xanten": {"GG/A/1": "meets", "GG/A/2": "inconclusive", "GG/L/1": "not_assessed",
               "IE/A/1": "falls_short", "IE/L/1": "meets"},
    "ypres": {"GG/A/1": "falls_short", "GG/A/2": "falls_short", "GG/L/1": "meets"},
    "zwolle": {},
}


def make_programme(benchmark, colours, *, slug="round-2008", rationale=""):
    """A programme reviewing each city of `colours` (slug -> indicator code -> colour), with
    those colours as the teams' assessments; the programme and its reviews by city."""
    programme = Programme.objects.create(slug=slug, name=slug.replace("-", " ").title(),
                                         benchmark=benchmark)
    indicators = indicators_of(benchmark)
    reviews = {city: make_review(benchmark, host=city, slug=slug) for city in colours}
    Assessment.objects.bulk_create(
        Assessment(review=reviews[city], indicator=indicators[code], colour=colour,
                   rationale=rationale)
        for city, by_code in colours.items() for code, colour in by_code.items())
    return programme, reviews


@dataclass(frozen=True)
class World:
    benchmark: object
    programme: object
    reviews: dict  # city slug -> review


@pytest.fixture
def world(db) -> World:
    benchmark = make_benchmark(SMALL)
    programme, reviews = make_programme(benchmark, COLOURS)
    return World(benchmark=benchmark, programme=programme, reviews=reviews)
