"""A small programme whose scores are computed by hand, made directly with the ORM."""

import pytest

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.benchmarks.models import Indicator
from citypeer.core.benchmark import document_from_dict, validate_document
from citypeer.network.models import City
from citypeer.programmes.models import Programme, Review

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


@pytest.fixture
def small_benchmark(db):
    assert validate_document(SMALL) == []
    return import_benchmark(document=document_from_dict(SMALL))


def make_programme(benchmark, colours, *, slug="round-2008", rationale=""):
    programme = Programme.objects.create(slug=slug, name=slug.replace("-", " ").title(),
                                         benchmark=benchmark)
    indicators = {i.code: i for i in Indicator.objects.filter(benchmark=benchmark)}
    reviews = {}
    assessments = []
    for city_slug, by_code in colours.items():
        city, _ = City.objects.get_or_create(
            slug=city_slug, defaults={"name": city_slug.title(), "country": "EU"})
        programme.cities.add(city)
        reviews[city_slug] = review = Review.objects.create(programme=programme, city=city)
        assessments += [Assessment(review=review, indicator=indicators[code], colour=colour,
                                   rationale=rationale)
                        for code, colour in by_code.items()]
    Assessment.objects.bulk_create(assessments)
    return programme, reviews


@pytest.fixture
def small_programme(small_benchmark):
    return make_programme(small_benchmark, COLOURS)[0]
