"""The world of step 6, built from the shared factories: a review of Rotterdam with its
team, visit, interviewees and interviews."""

import datetime as dt
from types import SimpleNamespace

import pytest

from tests.factories import (
    indicators_of,
    make_benchmark,
    make_city,
    make_interview,
    make_interviewee,
    make_person,
    make_review,
    make_team,
    make_visit,
)

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


def make_world(*, slug="programme-2008", host="rotterdam", starts_on=None,
               first_start=dt.time(9, 0), password=None):
    """Two peers (JB, FC), an expert (EX), a peer outside the team, the host city's officer
    and a coordinator; a visit with three interviewees, four interviews and a workshop.
    People get `password` only where a test logs in with it (hashing is slow)."""
    benchmark = make_benchmark(SMALL)
    review = make_review(benchmark, host=host, slug=slug)
    cities = {s: make_city(s) for s in (host, "genoa", "lyon", "malmo")}

    def person(name, roles, city=None, initials=""):
        return make_person(f"{name}_{slug}", roles=roles, city=city, initials=initials,
                           password=password)

    people = SimpleNamespace(
        jb=person("jan", ["peer"], cities["genoa"], "JB"),
        fc=person("fay", ["peer"], cities["lyon"], "FC"),
        ex=person("eli", ["expert"], initials="EX"),
        outsider=person("otto", ["peer"], cities["malmo"]),
        host=person("hanna", ["host_officer"], cities[host]),
        coordinator=person("cora", ["coordinator"]),
    )
    make_team(review, peers=[people.jb, people.fc], experts=[people.ex], leader=people.jb)
    indicators = indicators_of(benchmark)
    visit = make_visit(review, starts_on=starts_on or dt.date(2008, 3, 10))
    interviewees = SimpleNamespace(
        chair=make_interviewee(visit, "Mira Chairwoman", category="partner_organisation",
                               indicators=[indicators["AC/A/1"], indicators["AC/I/3"]]),
        officer=make_interviewee(visit, "Olaf Officer", category="municipality_staff",
                                 indicators=[indicators["AC/I/3"]]),
        user=make_interviewee(visit, "Uma Serviceuser", category="service_user"),
    )
    first = dt.datetime.combine(dt.date(2000, 1, 1), first_start)

    def at(hours):
        return (first + dt.timedelta(hours=hours)).time()

    interviews = SimpleNamespace(
        i17=make_interview(visit, 17, interviewee=interviewees.chair, start=at(0),
                           peers=(people.jb, people.fc)),
        i18=make_interview(visit, 18, interviewee=interviewees.officer, start=at(1),
                           peers=(people.jb, people.fc)),
        i19=make_interview(visit, 19, interviewee=interviewees.chair, start=at(2),
                           peers=(people.fc, people.ex)),
        i20=make_interview(visit, 20, interviewee=interviewees.user, day=2, start=at(0),
                           peers=(people.jb, people.ex)),
    )
    from citypeer.visits.models import Workshop

    workshop = Workshop.objects.create(visit=visit, label="A", title="Migrant associations",
                                       day=1, start=at(3))
    return SimpleNamespace(review=review, programme=review.programme, benchmark=benchmark,
                           people=people, indicators=indicators, visit=visit,
                           interviewees=interviewees, interviews=interviews, workshop=workshop)


@pytest.fixture
def world(db):
    return make_world()


def interview_fact(world, interview, codes, direction="meets", kind="fact", text=None):
    """Keyword arguments of record_evidence for a piece of evidence from an interview."""
    return {"indicators": codes, "source": "interview", "interview": interview,
            "kind": kind, "direction": direction,
            "text": text or f"Said in interview {interview.number}."}


def record(world, by=None, **fields):
    """record_evidence by `by` (JB unless said), giving the item."""
    from citypeer.assessment.domain.evidence import record_evidence

    item, _new = record_evidence(review=world.review, by=by or world.people.jb, **fields)
    return item


def compared(conflict) -> dict:
    """Each field of an edit conflict's one stale row: (saved, yours)."""
    (edit,) = conflict.edits
    return {f.name: (f.saved, f.yours) for f in edit.fields}
