"""Setting up a programme: its reviews, their seven steps and when each falls due."""

import datetime as dt

import pytest

from citypeer.programmes.domain.programmes import (
    PhaseDates,
    ProgrammeError,
    add_review,
    create_programme,
    step_due_dates,
)
from citypeer.programmes.models import Programme, ProgrammePhase, Review, ReviewStep
from tests.programmes.conftest import PHASES, cities

Phase = ProgrammePhase.Kind
Step = ReviewStep.Step


def test_step_due_dates_follow_the_phases():
    due = step_due_dates({p.kind: p for p in PHASES})

    assert due == {
        Step.BENCHMARK: dt.date(2007, 9, 21),
        Step.TRAINING: dt.date(2008, 1, 11),
        Step.INITIAL_REPORT: dt.date(2008, 1, 14),
        Step.DESK_REVIEW: dt.date(2008, 2, 4),
        Step.VISIT: dt.date(2008, 6, 20),
        Step.ASSESSMENT: dt.date(2008, 6, 20),
        Step.FEEDBACK: dt.date(2008, 10, 31),
    }


def test_create_programme_gives_each_host_a_review_with_seven_steps(inti):
    helsinki, lyon, milan = cities("Helsinki", "Lyon", "Milan")

    programme = create_programme(
        name="INTI-CITIES 2008", benchmark=inti, cities=[helsinki, lyon, milan],
        host_cities=[helsinki, lyon], phases=PHASES,
    )

    assert programme.slug == "inti-cities-2008"
    assert sorted(r.city.name for r in programme.reviews.all()) == ["Helsinki", "Lyon"]
    steps = ReviewStep.objects.filter(review__city=lyon).order_by("step")
    assert [(s.step, s.status, s.due_on) for s in steps][2] == (
        3, "not_started", dt.date(2008, 1, 14)
    )
    assert steps.count() == 7
    assert programme.phases.count() == 4


def test_host_city_must_participate(inti):
    helsinki, lyon = cities("Helsinki", "Lyon")

    with pytest.raises(ProgrammeError) as caught:
        create_programme(name="P", benchmark=inti, cities=[helsinki], host_cities=[lyon])

    assert (caught.value.field, str(caught.value)) == (
        "host_cities", "every host city must also be a participating city"
    )
    assert Programme.objects.count() == 0


def test_phase_ending_before_it_starts_is_refused(inti):
    (helsinki,) = cities("Helsinki")
    bad = [PhaseDates(Phase.VISITS, dt.date(2008, 6, 1), dt.date(2008, 2, 1))]

    with pytest.raises(ProgrammeError) as caught:
        create_programme(name="P", benchmark=inti, cities=[helsinki], host_cities=[helsinki],
                         phases=bad)

    assert str(caught.value) == "Peer review visits: ends before it starts"
    assert Review.objects.count() == 0


def test_adding_a_review_twice_keeps_one_set_of_steps(inti):
    (genoa,) = cities("Genoa")
    programme = create_programme(name="P", benchmark=inti, cities=[genoa], host_cities=[genoa])

    add_review(programme=programme, city=genoa)

    assert ReviewStep.objects.filter(review__programme=programme).count() == 7
