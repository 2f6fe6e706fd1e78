"""The desk review's world, built from the shared factories: a review with its team, its
initial report and the people that report names."""

from types import SimpleNamespace

import pytest

from citypeer.initialreports.models import InitialReport, ResponsiblePerson, SelfAssessment
from tests.factories import (
    indicators_of,
    make_benchmark,
    make_city,
    make_person,
    make_review,
    make_team,
)

ONE_INDICATOR = {
    "slug": "one-indicator", "version": 1, "title": "One indicator", "kind": "matrix",
    "language": "en",
    "values": [{"code": "A", "name": "Ambition"}],
    "pillars": [{"code": "AC", "name": "Administrative Co-operation", "values": [
        {"value": "A", "indicators": [{"code": "AC/A/1", "text": "A consultative committee."}]},
    ]}],
}


@pytest.fixture
def one_indicator_benchmark(db):
    return make_benchmark(ONE_INDICATOR)


def make_world(benchmark, *, slug="inti-cities-2008", host="helsinki", password=None):
    """A review of `host` with two peers, an expert, a peer outside the team, a host-city
    officer and a coordinator; the initial report names three people. With `password`,
    people can log in with it (the browser tests)."""
    review = make_review(benchmark, host=host, slug=slug, cities=("genoa", "lyon", "malmo"))

    def person(username, role, city=None, initials=""):
        return make_person(f"{username}_{slug}", roles=[role], city=city and make_city(city),
                           initials=initials, password=password)

    people = SimpleNamespace(
        anna=person("anna", "peer", "genoa", "AP"),
        bram=person("bram", "peer", "lyon", "BR"),
        eva=person("eva", "expert", initials="EV"),
        outsider=person("otto", "peer", "malmo"),
        host=person("hanna", "host_officer", host),
        coordinator=person("cora", "coordinator"),
    )
    team = make_team(review, peers=[people.anna, people.bram], experts=[people.eva],
                     leader=people.anna)
    report = InitialReport.objects.create(review=review)
    responsible = SimpleNamespace(
        chair=ResponsiblePerson.objects.create(report=report, name="Committee Chair",
                                               role="chair", organisation="Consultative Committee"),
        deputy=ResponsiblePerson.objects.create(report=report, name="Deputy Mayor",
                                                role="deputy mayor", organisation="City Council"),
        head=ResponsiblePerson.objects.create(report=report, name="Head of Integration",
                                              role="head", organisation="Integration Office"),
    )
    indicators = list(indicators_of(benchmark).values())
    SelfAssessment.objects.create(
        report=report, indicator=indicators[0], status=SelfAssessment.Status.ACHIEVED,
        evidence="A permanent committee of 15 members meets 4 times per year.",
        politically_responsible=responsible.deputy, operationally_responsible=responsible.chair,
    )
    return SimpleNamespace(review=review, people=people, responsible=responsible, report=report,
                           indicators=indicators, team=team)


@pytest.fixture
def world(inti):
    return make_world(inti)
