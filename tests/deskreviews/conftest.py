"""A review with its team, initial report and people, made directly with the ORM."""

from types import SimpleNamespace

import pytest

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.benchmarks.models import Indicator
from citypeer.core.benchmark import document_from_dict, validate_document
from citypeer.initialreports.models import InitialReport, ResponsiblePerson, SelfAssessment
from citypeer.network.models import City
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import Team, TeamMember
from tests.conftest import make_person

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
    assert validate_document(ONE_INDICATOR) == []
    return import_benchmark(document=document_from_dict(ONE_INDICATOR))


def make_review(benchmark, *, slug="inti-cities-2008", host="helsinki"):
    """A review of `host` with two peers, an expert, a peer outside the team, a host-city
    officer and a coordinator; the initial report names three people."""
    cities = {
        s: City.objects.get_or_create(slug=s, defaults={"name": s.title(), "country": "EU"})[0]
        for s in (host, "genoa", "lyon", "malmo")
    }
    programme = Programme.objects.create(slug=slug, name=slug.upper(), benchmark=benchmark)
    programme.cities.set(cities.values())
    review = Review.objects.create(programme=programme, city=cities[host])
    people = SimpleNamespace(
        anna=make_person(f"anna_{slug}", roles=["peer"], city=cities["genoa"]),
        bram=make_person(f"bram_{slug}", roles=["peer"], city=cities["lyon"]),
        eva=make_person(f"eva_{slug}", roles=["expert"]),
        outsider=make_person(f"otto_{slug}", roles=["peer"], city=cities["malmo"]),
        host=make_person(f"hanna_{slug}", roles=["host_officer"], city=cities[host]),
        coordinator=make_person(f"cora_{slug}", roles=["coordinator"]),
    )
    for person, initials in ((people.anna, "AP"), (people.bram, "BR"), (people.eva, "EV")):
        person.initials = initials
        person.save()
    team = Team.objects.create(review=review, leader=people.anna)
    TeamMember.objects.create(team=team, person=people.anna, role=TeamMember.Role.PEER)
    TeamMember.objects.create(team=team, person=people.bram, role=TeamMember.Role.PEER)
    TeamMember.objects.create(team=team, person=people.eva, role=TeamMember.Role.EXPERT)
    report = InitialReport.objects.create(review=review)
    responsible = SimpleNamespace(
        chair=ResponsiblePerson.objects.create(report=report, name="Committee Chair",
                                               role="chair", organisation="Consultative Committee"),
        deputy=ResponsiblePerson.objects.create(report=report, name="Deputy Mayor",
                                                role="deputy mayor", organisation="City Council"),
        head=ResponsiblePerson.objects.create(report=report, name="Head of Integration",
                                              role="head", organisation="Integration Office"),
    )
    indicators = list(Indicator.objects.filter(benchmark=benchmark).order_by("position"))
    SelfAssessment.objects.create(
        report=report, indicator=indicators[0], status=SelfAssessment.Status.ACHIEVED,
        evidence="A permanent committee of 15 members meets 4 times per year.",
        politically_responsible=responsible.deputy, operationally_responsible=responsible.chair,
    )
    return SimpleNamespace(review=review, people=people, responsible=responsible, report=report,
                           indicators=indicators, team=team)


@pytest.fixture
def setting(inti):
    return make_review(inti)
