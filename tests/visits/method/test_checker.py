"""The independent checker: every broken rule named with the interview, person, workshop
and time it concerns; uncovered indicators as warnings."""

from dataclasses import replace

import pytest

from citypeer.visits.method import (
    ERROR,
    WARNING,
    IndicatorNeed,
    Timetable,
    TimetableWarning,
    WorkshopSession,
    WorkshopToPlace,
    check_timetable,
)
from tests.visits.method.builders import (
    H,
    broken,
    interview,
    person,
    visit_of,
)

CHECKED = visit_of(
    [person("mayor", "Mayor", windows=[(2, 9 * H, 12 * H)], indicators=("AC/I/3",)),
     person("chair", "Committee chair", windows=[(2, 9 * H, 11 * H)], indicators=("AC/I/3",)),
     person("imam", "Imam", category="migrant_group", language="nl", interpreter=True),
     person("nurse", "Nurse", category="municipality_staff", language="nl"),
     person("clerk", "Clerk", category="municipality_staff"),
     person("youth", "Youth forum", category="migrant_group")],
    team=("JB", "FC", "AB", "CD", "EF", "GH"),
    workshops=(WorkshopToPlace("A", "", 120, 2, 16 * H, peers=("AB", "CD"),
                               participants=("youth",)),),
    desk_review=(IndicatorNeed("AC/I/3", "needs_information"),),
)
VALID = Timetable(
    (interview("mayor", 2, 9, "JB FC", number=1), interview("chair", 2, 9, "AB CD", number=2),
     interview("imam", 2, 10, "JB AB", hours=2, number=3)),
    (WorkshopSession("A", 2, 16 * H, 18 * H),),
)


def test_a_valid_timetable_has_no_warning():
    assert check_timetable(CHECKED, VALID) == ()


def test_a_peer_in_two_places_is_named_with_the_interview_and_the_time():
    timetable = replace(VALID, interviews=(
        VALID.interviews[0], interview("chair", 2, 9, "JB CD", number=2),
        VALID.interviews[2]))

    assert check_timetable(CHECKED, timetable) == (TimetableWarning(
        "peer_overlap", ERROR,
        "JB is in two places at once on Day 2: interview 1 with 'Mayor' (09:00-10:00) and "
        "interview 2 with 'Committee chair' (09:00-10:00).",
        interviewee="chair", interview=2, peer="JB", day=2, start=9 * H),)


@pytest.mark.parametrize(("change", "expected"), [
    ("chair at 11", [("unavailable", "chair", None, None, 2, 11 * H)]),
    ("mayor at lunch", [("block", "mayor", None, None, 2, 13 * H),
                        ("unavailable", "mayor", None, None, 2, 13 * H)]),
    ("imam one hour", [("length", "imam", None, None, 2, 10 * H)]),
    ("nurse with JB FC", [("language", "nurse", "FC", None, 2, 12 * H),
                          ("language", "nurse", "JB", None, 2, 12 * H)]),
    ("three peers", [("pair", "mayor", None, None, 2, 9 * H)]),
    ("chair twice", [("met_twice", "chair", None, None, 2, 10 * H)]),
    ("youth during workshop", [("interviewee_overlap", "youth", None, "A", 2, 16 * H)]),
    ("workshop moved", [("workshop_moved", None, None, "A", 3, 16 * H)]),
    ("no workshop", [("workshop_missing", None, None, "A", None, None)]),
    ("three at once", [("parallel", None, None, None, 2, 9 * H)]),
    ("off the grid", [("outside_day", "mayor", None, None, 2, 9 * H + 30)]),
])
def test_each_broken_rule_is_named(change, expected):
    mayor = VALID.interviews[0]
    interviews, sessions = list(VALID.interviews), list(VALID.workshops)
    if change == "chair at 11":
        interviews[1] = interview("chair", 2, 11, "EF GH", number=2)
    elif change == "mayor at lunch":
        interviews[0] = interview("mayor", 2, 13, "JB FC", number=1)
    elif change == "imam one hour":
        interviews[2] = interview("imam", 2, 10, "JB AB", number=3)
    elif change == "nurse with JB FC":
        interviews.append(interview("nurse", 2, 12, "JB FC", number=4))
    elif change == "three peers":
        interviews[0] = replace(mayor, peers=("JB", "FC", "EF"))
    elif change == "chair twice":
        interviews.append(interview("chair", 2, 10, "EF GH", number=4))
    elif change == "youth during workshop":
        interviews.append(interview("youth", 2, 16, "JB FC", number=4))
    elif change == "workshop moved":
        sessions = [WorkshopSession("A", 3, 16 * H, 18 * H)]
    elif change == "no workshop":
        sessions = []
    elif change == "three at once":
        interviews.append(interview("clerk", 2, 9, "EF GH", number=4))
    elif change == "off the grid":
        interviews[0] = replace(mayor, start=9 * H + 30, end=10 * H + 30, peers=("EF", "GH"))

    assert broken(CHECKED, Timetable(tuple(interviews), tuple(sessions))) == expected


def test_overload_names_the_peer_and_the_day():
    instance = replace(CHECKED, peers=tuple(replace(p, max_interviews_per_day=1)
                                            if p.initials == "JB" else p
                                            for p in CHECKED.peers))

    assert broken(instance, VALID) == [("overload", "imam", "JB", None, 2, 10 * H)]


def test_an_uncovered_indicator_is_a_warning_naming_it():
    timetable = replace(VALID, interviews=VALID.interviews[:1])

    assert [(w.code, w.severity, w.indicator, w.message)
            for w in check_timetable(CHECKED, timetable)] == [
        ("uncovered", WARNING, "AC/I/3", "AC/I/3 (needs more information) is spoken to in 1 "
         "interview; it needs two with different interviewees.")]


def test_a_required_interviewee_left_out_and_a_moved_lock_are_errors():
    instance = replace(
        CHECKED,
        interviewees=tuple(replace(p, required=p.id == "nurse") for p in CHECKED.interviewees),
        timetable=Timetable((interview("mayor", 2, 10, "JB FC", locked=True),)))

    assert broken(instance, VALID) == [
        ("required_missing", "nurse", None, None, None, None),
        ("locked_moved", "mayor", None, None, 2, 10 * H),
    ]
