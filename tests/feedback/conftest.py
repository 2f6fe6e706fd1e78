"""A review at step 7, built from the shared factories: a team of two peers (JB leads) and
an expert, a peer outside the team, the host city's officer and a coordinator; a visit with
four interviews and a workshop; an evidence bank in which AC/I/3 is corroborated (two
interviewees, falls short), AC/A/1 is not (one interviewee twice) and WP/A/1 is contested;
findings on each, a good practice and the initial report's background."""

import datetime as dt
from types import SimpleNamespace

import pytest

from citypeer.assessment.models import Assessment, EvidenceItem, Finding
from citypeer.feedback.domain.recommendations import save_recommendation
from citypeer.initialreports.models import BackgroundSection, InitialReport
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import ReviewStep
from citypeer.visits.models import Interviewee, Workshop
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

PASSWORD = "a-long-test-password"
BENCHMARK = {
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


def evidence(world, *, interview, codes, direction, kind="fact", text=None):
    item = EvidenceItem.objects.create(
        review=world.review, source="interview", interview=interview, kind=kind,
        direction=direction, text=text or f"Said in interview {interview.number}.")
    item.indicators.set([world.indicators[c] for c in codes])
    return item


def finding(world, *, kind, text, codes, items=(), barriers=""):
    row = Finding.objects.create(review=world.review, kind=kind, text=text, barriers=barriers)
    row.indicators.set([world.indicators[c] for c in codes])
    row.evidence.set(items)
    return row


def _people(host, password):
    genoa, lyon, malmo = (make_city(c) for c in ("genoa", "lyon", "malmo"))
    return SimpleNamespace(
        jb=make_person("jan", name="Jan", roles=["peer"], city=genoa, initials="JB",
                       password=password),
        fc=make_person("fay", name="Fay", roles=["peer"], city=lyon, initials="FC",
                       password=password),
        ex=make_person("eli", name="Eli", roles=["expert"], initials="EX", password=password),
        outsider=make_person("otto", name="Otto", roles=["peer"], city=malmo,
                             password=password),
        host=make_person("hanna", name="Hanna", roles=["host_officer"], city=host,
                         password=password),
        coordinator=make_person("cora", name="Cora", roles=["coordinator"],
                                password=password),
    )


def _visit(world):
    visit = make_visit(world.review)
    ind = world.indicators
    chair = make_interviewee(visit, "Mira Chairwoman", category=Interviewee.Category.PARTNER,
                             indicators=[ind["AC/A/1"], ind["AC/I/3"]])
    officer = make_interviewee(visit, "Olaf Officer",
                               category=Interviewee.Category.MUNICIPALITY_STAFF,
                               indicators=[ind["AC/I/3"]])
    user = make_interviewee(visit, "Uma Serviceuser",
                            category=Interviewee.Category.SERVICE_USER)
    p = world.people
    world.visit = visit
    world.interviews = SimpleNamespace(
        i17=make_interview(visit, 17, interviewee=chair, peers=(p.jb, p.fc),
                           start=dt.time(9)),
        i18=make_interview(visit, 18, interviewee=officer, peers=(p.jb, p.fc),
                           start=dt.time(10)),
        i19=make_interview(visit, 19, interviewee=chair, peers=(p.fc, p.ex),
                           start=dt.time(11)),
        i20=make_interview(visit, 20, interviewee=user, peers=(p.jb, p.ex), day=2,
                           start=dt.time(9)),
    )
    Workshop.objects.create(visit=visit, label="A", title="Migrant associations", day=1,
                            start=dt.time(12))


def _assessment(world):
    i = world.interviews
    world.items = SimpleNamespace(
        e1=evidence(world, interview=i.i17, codes=["AC/I/3"], direction="falls_short",
                    text="The committee has been asked for an opinion once this year."),
        e2=evidence(world, interview=i.i18, codes=["AC/I/3"], direction="falls_short",
                    text="The minutes show a single consultation."),
        e3=evidence(world, interview=i.i17, codes=["AC/A/1"], direction="meets"),
        e4=evidence(world, interview=i.i19, codes=["AC/A/1"], direction="meets"),
        e5=evidence(world, interview=i.i17, codes=["WP/A/1"], direction="meets"),
        e6=evidence(world, interview=i.i18, codes=["WP/A/1"], direction="falls_short"),
    )
    Assessment.objects.create(review=world.review, indicator=world.indicators["AC/I/3"],
                              colour="falls_short", rationale="Consulted once a year.",
                              edit_count=1)  # decided once
    world.findings = SimpleNamespace(
        rare=finding(world, kind="weakness",
                     text="The consultative committee is rarely consulted.", codes=["AC/I/3"],
                     items=[world.items.e1, world.items.e2],
                     barriers="No budget line for the committee."),
        committee=finding(world, kind="strength", text="A consultative committee exists.",
                          codes=["AC/A/1"], items=[world.items.e3, world.items.e4]),
        hiring=finding(world, kind="weakness", text="Hiring is not diverse.",
                       codes=["WP/A/1"]),
    )


def make_world(*, password=None):
    """The review at step 7; `password` only for tests that log in through the browser."""
    benchmark = make_benchmark(BENCHMARK)
    review = make_review(benchmark, host="rotterdam", slug="programme-2008",
                         cities=("genoa", "lyon", "malmo"))
    world = SimpleNamespace(review=review, programme=review.programme, benchmark=benchmark,
                            indicators=indicators_of(benchmark),
                            people=_people(review.city, password))
    p = world.people
    make_team(review, peers=[p.jb, p.fc], experts=[p.ex], leader=p.jb)
    _visit(world)
    _assessment(world)
    GoodPractice.objects.create(review=review, title="Neighbourhood mediators",
                                description="Mediators trained among residents.",
                                transferable=True)
    initial = InitialReport.objects.create(review=review)
    BackgroundSection.objects.create(report=initial, kind=1,
                                     text="A port city of 600,000 inhabitants.")
    for step in ReviewStep.Step:
        ReviewStep.objects.get_or_create(review=review, step=step)
    return world


@pytest.fixture
def world(db):
    return make_world()


def recommend(world, text="Consult the committee every quarter.", *, codes=("AC/I/3",),
              findings=None, by=None, **kwargs):
    return save_recommendation(
        review=world.review, by=by or world.people.jb, text=text, indicators=list(codes),
        findings=findings if findings is not None else [world.findings.rare.pk], **kwargs)


def release_report(world):
    """Composes the report (if it is not yet), has both peers approve it and the leader
    release it to the host city."""
    from citypeer.feedback.domain import reports

    report = reports.compose_report(review=world.review, by=world.people.jb)
    for peer in (world.people.jb, world.people.fc):
        reports.approve(report=report, by=peer)
    return reports.release(report=report, by=world.people.jb)
