"""Instances and results as plain data: JSON round trips, and a result's timetable feeding
a new instance."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeer.visits.method import (
    Timetable,
    instance_from_dict,
    instance_from_text,
    instance_to_dict,
    result_from_dict,
    result_to_dict,
    seed_days,
    solve_timetable,
    validate_instance,
)
from citypeer.visits.method.generate import generate_instance
from tests.visits.method.instances import example


def test_an_instance_without_defaults_reads_as_the_seed_visit():
    instance = instance_from_dict(example())

    assert instance.visit.days == seed_days()
    assert instance.workshops[0].duration == 120
    assert instance_from_dict(instance_to_dict(instance)) == instance


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 12), st.integers(0, 40), st.integers(0, 3), st.integers(0, 10_000))
def test_any_generated_instance_round_trips_through_json(team, people, workshops, seed):
    instance = generate_instance(peers=team, interviewees=people, indicators=25,
                                 workshops=workshops, seed=seed)

    data = json.loads(json.dumps(instance_to_dict(instance)))

    assert validate_instance(data) == []
    assert instance_from_dict(data) == instance


def test_a_result_round_trips_through_json_and_its_timetable_feeds_a_new_instance():
    instance = instance_from_dict(example())
    result = solve_timetable(instance, time_limit=5)

    data = json.loads(json.dumps(result_to_dict(result)))
    again = instance_from_text(json.dumps(example(timetable=data["timetable"])),
                               source_name="replan.json")

    assert result_from_dict(data) == result
    assert again.timetable == result.timetable
    assert data["gap"] == 0.0


def test_a_timetable_without_ends_takes_them_from_the_interviewees_and_workshops():
    data = example(timetable={
        "interviews": [{"interviewee": "imam", "day": 3, "start": "14:00",
                        "peers": ["AB", "CD"], "locked": True}],
        "workshops": [{"workshop": "A", "day": 2, "start": "16:00"}]})

    timetable = instance_from_dict(data).timetable

    assert [(i.start, i.end, i.locked) for i in timetable.interviews] == [
        (14 * 60, 16 * 60, True)]
    assert [(s.start, s.end) for s in timetable.workshops] == [(16 * 60, 18 * 60)]
    assert timetable != Timetable()
