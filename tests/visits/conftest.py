"""A review with its team, initial report, a submitted desk review and a visit, made with the
ORM and the domain functions."""

import datetime as dt
from types import SimpleNamespace

import pytest

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.benchmarks.models import Indicator
from citypeer.core.benchmark import document_from_dict, validate_document
from citypeer.deskreviews.domain.desk_reviews import (
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.initialreports.models import InitialReport, ResponsiblePerson, SelfAssessment
from citypeer.network.models import City
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import Team, TeamMember
from citypeer.visits.domain.visits import create_visit


def make_person(username, *, roles=(), city=None):
    """A person without a usable password: hashing one costs the test suite seconds, and the
    tests log in with force_login (the browser test sets one password itself)."""
    from citypeer.people.models import User

    user = User(username=username, name=username.split("_")[0].title(), city=city,
                **{f"is_{r}": True for r in roles})
    user.set_unusable_password()
    user.save()
    return user


PEERS = (("anna", "AP", ["en", "fr"]), ("bram", "BR", ["en"]), ("carl", "CK", ["en"]),
         ("dora", "DM", ["en", "fi"]))


def make_setting(benchmark, *, slug="inti-cities-2008"):
    cities = {
        s: City.objects.get_or_create(slug=s, defaults={"name": s.title(), "country": "EU"})[0]
        for s in ("helsinki", "genoa", "lyon", "malmo")
    }
    programme = Programme.objects.create(slug=slug, name=slug.upper(), benchmark=benchmark)
    programme.cities.set(cities.values())
    review = Review.objects.create(programme=programme, city=cities["helsinki"])
    team = Team.objects.create(review=review)
    peers = {}
    for name, initials, languages in PEERS:
        person = make_person(f"{name}_{slug}", roles=["peer"], city=cities["genoa"])
        person.initials, person.languages = initials, languages
        person.save()
        TeamMember.objects.create(team=team, person=person, role=TeamMember.Role.PEER)
        peers[initials] = person
    team.leader = peers["AP"]
    team.save()
    people = SimpleNamespace(
        outsider=make_person(f"otto_{slug}", roles=["peer"], city=cities["malmo"]),
        host=make_person(f"hanna_{slug}", roles=["host_officer"], city=cities["helsinki"]),
        other_host=make_person(f"olli_{slug}", roles=["host_officer"], city=cities["lyon"]),
        coordinator=make_person(f"cora_{slug}", roles=["coordinator"]),
    )
    report = InitialReport.objects.create(review=review)
    chair = ResponsiblePerson.objects.create(report=report, name="Committee Chair", role="chair",
                                             organisation="Consultative Committee")
    deputy = ResponsiblePerson.objects.create(report=report, name="Deputy Mayor",
                                              role="deputy mayor", organisation="City Council")
    indicators = list(Indicator.objects.filter(benchmark=benchmark).order_by("position"))
    SelfAssessment.objects.create(
        report=report, indicator=indicators[0], status=SelfAssessment.Status.ACHIEVED,
        politically_responsible=deputy, operationally_responsible=chair,
    )
    # One peer's desk review: needs information on the first indicator, wants the chair and a
    # person the report does not name.
    desk_review = start_desk_review(review=review, peer=peers["AP"])
    save_judgement(
        desk_review=desk_review, indicator=indicators[0], edit_count=0,
        performance="needs_information",
        known=["a permanent committee of 15 members"],
        unknown=["how representative its members are"],
        suspected=["the city does not take full advantage of its input"],
        questions=["How were the members appointed?"],
        to_meet=[chair.pk], to_meet_new=[{"name": "Imam", "organisation": "Mosque"}],
    )
    for indicator in indicators[1:]:
        save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                       performance="matches")
    submit_desk_review(desk_review=desk_review)
    visit = create_visit(review=review, starts_on=dt.date(2008, 3, 10))
    return SimpleNamespace(review=review, peers=peers, people=people, report=report,
                           chair=chair, deputy=deputy, indicators=indicators, visit=visit,
                           team=team)


THREE_INDICATORS = {
    "slug": "three-indicators", "version": 1, "title": "Three indicators", "kind": "matrix",
    "language": "en",
    "values": [{"code": "A", "name": "Ambition"}],
    "pillars": [{"code": "AC", "name": "Administrative Co-operation", "values": [
        {"value": "A", "indicators": [
            {"code": "AC/A/1", "text": "A permanent consultative committee."},
            {"code": "AC/A/2", "text": "Staff trained in diversity."},
            {"code": "AC/A/3", "text": "Services coordinated across departments."},
        ]},
    ]}],
}


@pytest.fixture
def three_indicators(db):
    assert validate_document(THREE_INDICATORS) == []
    return import_benchmark(document=document_from_dict(THREE_INDICATORS))


@pytest.fixture
def setting(three_indicators):
    return make_setting(three_indicators)
