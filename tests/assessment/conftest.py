"""A review with its team, visit, interviewees and interviews, made with the ORM."""

import datetime as dt
from types import SimpleNamespace

import pytest

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.benchmarks.models import Indicator
from citypeer.core.benchmark import document_from_dict, validate_document
from citypeer.network.models import City
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import Team, TeamMember
from citypeer.visits.models import Interview, Interviewee, Visit, Workshop
from tests.conftest import make_person

SMALL = {
    "slug": "small-matrix", "version": 1, "title": "Small matrix", "kind": "matrix",
    "language": "en",
    "values": [{"code": "A", "name": "Ambition"}, {"code": "I", "name": "Implementation"}],
    "pillars": [
        {"code": "AC", "name": "Administrative Co-operation", "values": [
            {"value": "A", "indicators": [
                {"code": "AC/A/1", "text": "A consultative committee exists."},
                {"code": "AC/A/2", "text": "Migrants take part in decisions."}]},
            {"value": "I", "indicators": [
                {"code": "AC/I/3", "text": "The committee is consulted regularly."}]},
        ]},
        {"code": "WP", "name": "Work Place", "values": [
            {"value": "A", "indicators": [{"code": "WP/A/1", "text": "Diverse hiring."}]},
            {"value": "I", "indicators": [{"code": "WP/I/1", "text": "Staff training."}]},
        ]},
    ],
}
PASSWORD = "a-long-test-password"


def small_benchmark():
    from citypeer.benchmarks.models import Benchmark

    existing = Benchmark.objects.filter(slug=SMALL["slug"]).first()
    if existing is not None:
        return existing
    assert validate_document(SMALL) == []
    return import_benchmark(document=document_from_dict(SMALL))


def make_setting(*, slug="programme-2008", host="rotterdam", starts_on=None,
                 first_start=dt.time(9, 0)):
    """Two peers (JB, FC), an expert, a peer outside the team, the host city's officer and a
    coordinator; a visit with three interviewees, four interviews and a workshop."""
    benchmark = small_benchmark()
    cities = {s: City.objects.get_or_create(slug=s, defaults={"name": s.title(),
                                                              "country": "EU"})[0]
              for s in (host, "genoa", "lyon", "malmo")}
    programme = Programme.objects.create(slug=slug, name=slug.upper(), benchmark=benchmark)
    review = Review.objects.create(programme=programme, city=cities[host])
    people = SimpleNamespace(
        jb=make_person(f"jan_{slug}", roles=["peer"], city=cities["genoa"]),
        fc=make_person(f"fay_{slug}", roles=["peer"], city=cities["lyon"]),
        ex=make_person(f"eli_{slug}", roles=["expert"]),
        outsider=make_person(f"otto_{slug}", roles=["peer"], city=cities["malmo"]),
        host=make_person(f"hanna_{slug}", roles=["host_officer"], city=cities[host]),
        coordinator=make_person(f"cora_{slug}", roles=["coordinator"]),
    )
    for person, initials in ((people.jb, "JB"), (people.fc, "FC"), (people.ex, "EX")):
        person.initials = initials
        person.save()
    team = Team.objects.create(review=review, leader=people.jb)
    for person, role in ((people.jb, TeamMember.Role.PEER), (people.fc, TeamMember.Role.PEER),
                         (people.ex, TeamMember.Role.EXPERT)):
        TeamMember.objects.create(team=team, person=person, role=role)
    indicators = {i.code: i for i in Indicator.objects.filter(benchmark=benchmark)}
    visit = Visit.objects.create(review=review, starts_on=starts_on or dt.date(2008, 3, 10))
    interviewees = SimpleNamespace(
        chair=Interviewee.objects.create(visit=visit, name="Mira Chairwoman",
                                         category=Interviewee.Category.PARTNER),
        officer=Interviewee.objects.create(visit=visit, name="Olaf Officer",
                                           category=Interviewee.Category.MUNICIPALITY_STAFF),
        user=Interviewee.objects.create(visit=visit, name="Uma Serviceuser",
                                        category=Interviewee.Category.SERVICE_USER),
    )
    interviewees.chair.indicators.set([indicators["AC/A/1"], indicators["AC/I/3"]])
    interviewees.officer.indicators.set([indicators["AC/I/3"]])
    first = dt.datetime.combine(dt.date(2000, 1, 1), first_start)

    def at(hours):
        return (first + dt.timedelta(hours=hours)).time()

    interviews = SimpleNamespace(
        i17=Interview.objects.create(visit=visit, number=17, interviewee=interviewees.chair,
                                     day=1, start=at(0), peer_a=people.jb, peer_b=people.fc),
        i18=Interview.objects.create(visit=visit, number=18, interviewee=interviewees.officer,
                                     day=1, start=at(1), peer_a=people.jb, peer_b=people.fc),
        i19=Interview.objects.create(visit=visit, number=19, interviewee=interviewees.chair,
                                     day=1, start=at(2), peer_a=people.fc, peer_b=people.ex),
        i20=Interview.objects.create(visit=visit, number=20, interviewee=interviewees.user,
                                     day=2, start=at(0), peer_a=people.jb, peer_b=people.ex),
    )
    workshop = Workshop.objects.create(visit=visit, label="A", title="Migrant associations",
                                       day=1, start=at(3))
    return SimpleNamespace(review=review, programme=programme, benchmark=benchmark,
                           people=people, indicators=indicators, visit=visit,
                           interviewees=interviewees, interviews=interviews, workshop=workshop)


@pytest.fixture
def setting(db):
    return make_setting()


def interview_fact(s, interview, codes, direction="meets", kind="fact", text=None):
    """Keyword arguments of record_evidence for a piece of evidence from an interview."""
    return {"indicators": codes, "source": "interview", "interview": interview,
            "kind": kind, "direction": direction,
            "text": text or f"Said in interview {interview.number}."}
