"""The visit's world: a review with its team of four peers, an initial report naming two
people, one peer's submitted desk review and a visit with the seed's template; and the same
world with the people drawn in and the visit planned."""

import datetime as dt
from types import SimpleNamespace

import pytest

from citypeer.deskreviews.domain.desk_reviews import (
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.initialreports.models import InitialReport, ResponsiblePerson, SelfAssessment
from citypeer.visits.domain.interviewees import add_interviewee, draw_interviewees
from citypeer.visits.domain.plan import solve_visit
from citypeer.visits.domain.visits import create_visit
from citypeer.visits.models import Interview
from tests.factories import (
    indicators_of,
    make_benchmark,
    make_city,
    make_person,
    make_review,
    make_team,
    matrix_document,
)

PEERS = (("anna", "AP", ["en", "fr"]), ("bram", "BR", ["en"]), ("carl", "CK", ["en"]),
         ("dora", "DM", ["en", "fi"]))
THREE_INDICATORS = matrix_document(["AC/A/1", "AC/A/2", "AC/A/3"], slug="three-indicators",
                                   texts={"AC/A/1": "A permanent consultative committee.",
                                          "AC/A/2": "Staff trained in diversity.",
                                          "AC/A/3": "Services coordinated across departments."})
TIME_LIMIT = 5.0


def make_world(benchmark, *, slug="inti-cities-2008"):
    review = make_review(benchmark, host="helsinki", slug=slug,
                         cities=("genoa", "lyon", "malmo"))
    genoa = make_city("genoa")
    peers = {initials: make_person(f"{name}_{slug}", roles=["peer"], city=genoa,
                                   initials=initials, languages=languages)
             for name, initials, languages in PEERS}
    team = make_team(review, peers=list(peers.values()), leader=peers["AP"])
    people = SimpleNamespace(
        outsider=make_person(f"otto_{slug}", roles=["peer"], city=make_city("malmo")),
        host=make_person(f"hanna_{slug}", roles=["host_officer"], city=make_city("helsinki")),
        other_host=make_person(f"olli_{slug}", roles=["host_officer"], city=make_city("lyon")),
        coordinator=make_person(f"cora_{slug}", roles=["coordinator"]),
    )
    report = InitialReport.objects.create(review=review)
    chair = ResponsiblePerson.objects.create(report=report, name="Committee Chair", role="chair",
                                             organisation="Consultative Committee")
    deputy = ResponsiblePerson.objects.create(report=report, name="Deputy Mayor",
                                              role="deputy mayor", organisation="City Council")
    indicators = list(indicators_of(benchmark).values())
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


def plan(world):
    """Draw the people in and plan the visit: three interviews, numbered 1 to 3."""
    draw_interviewees(visit=world.visit, review=world.review)
    solve_visit(visit=world.visit, review=world.review, time_limit=TIME_LIMIT, edit_count=0)
    world.visit.refresh_from_db()
    return world


def plan_of(visit):
    """number -> (interviewee name, day, start, pair) of the interviews not cancelled."""
    return {
        i.number: (i.interviewee.name, i.day, i.start.strftime("%H:%M"),
                   {i.peer_a.initials, i.peer_b.initials})
        for i in Interview.objects.filter(visit=visit, cancelled=False)
        .select_related("interviewee", "peer_a", "peer_b")
    }


def add_person(world, name, **fields):
    """Someone added by hand, speaking to the first indicator."""
    data = {"name": name, "category": "municipality_staff", "indicators": ["AC/A/1"], **fields}
    return add_interviewee(visit=world.visit, review=world.review, data=data)


@pytest.fixture
def three_indicators(db):
    return make_benchmark(THREE_INDICATORS)


@pytest.fixture
def world(three_indicators):
    return make_world(three_indicators)


@pytest.fixture
def planned(world):
    return plan(world)
