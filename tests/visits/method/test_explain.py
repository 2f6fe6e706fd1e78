"""Why a visit has no timetable: the explanation names who and when, and each lifted rule
really makes a timetable possible."""

from dataclasses import replace

from citypeer.visits.method import (
    INFEASIBLE,
    OPTIMAL,
    Timetable,
    TimetableObstacle,
    Window,
    WorkshopToPlace,
    solve_timetable,
)
from tests.visits.method.builders import (
    TIME_LIMIT,
    H,
    interview,
    peers,
    person,
    visit_of,
)

CHAIR = person("chair", "Committee chair", windows=[(2, 9 * H, 10 * H)], required=True)
LOCKS = Timetable((interview("mayor", 2, 9, "JB FC", locked=True, number=1),
                   interview("deputy", 2, 9, "AB CD", locked=True, number=2)))
IMPOSSIBLE = visit_of([CHAIR, person("mayor", "Mayor"), person("deputy", "Deputy mayor")],
                      timetable=LOCKS)


def test_an_impossible_visit_says_who_cannot_be_fitted_and_why():
    result = solve_timetable(IMPOSSIBLE, time_limit=TIME_LIMIT)

    assert result.status == INFEASIBLE
    assert result.explanation == (TimetableObstacle(
        "Interviewee 'Committee chair' (available Day 2 09:00-10:00) cannot be fitted: at "
        "Day 2 09:00 every peer who could hold it is taken: JB & FC by locked interview 1 "
        "with 'Mayor', AB & CD by locked interview 2 with 'Deputy mayor'. Any one of these "
        "changes would make a timetable possible: unlocking interview 1 with 'Mayor'; "
        "unlocking interview 2 with 'Deputy mayor'; 'Committee chair' being available at "
        "other times; not meeting 'Committee chair'.",
        interviewees=("chair", "mayor", "deputy"), peers=("AB", "CD", "FC", "JB")),)


def test_with_more_peers_the_parallel_limit_is_what_blocks():
    instance = replace(IMPOSSIBLE, peers=peers("JB", "FC", "AB", "CD", "EF", "GH"))

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert [o.message for o in result.explanation] == [
        "Interviewee 'Committee chair' (available Day 2 09:00-10:00) cannot be fitted: at "
        "Day 2 09:00 the 2 interviews and workshops that may be held at once are locked "
        "interview 1 with 'Mayor', locked interview 2 with 'Deputy mayor'. Any one of these "
        "changes would make a timetable possible: more than 2 interviews and workshops at a "
        "time; unlocking interview 1 with 'Mayor'; unlocking interview 2 with 'Deputy mayor'; "
        "'Committee chair' being available at other times; not meeting 'Committee chair'."]


def test_each_lifted_rule_of_the_explanation_really_makes_a_timetable_possible():
    unlocked = Timetable((LOCKS.interviews[0],))
    chair_free = replace(CHAIR, availability=None)
    variants = [
        replace(IMPOSSIBLE, timetable=unlocked),
        replace(IMPOSSIBLE, interviewees=(chair_free,) + IMPOSSIBLE.interviewees[1:]),
        replace(IMPOSSIBLE, interviewees=(replace(CHAIR, required=False),)
                + IMPOSSIBLE.interviewees[1:]),
    ]

    assert [solve_timetable(v, time_limit=TIME_LIMIT).status for v in variants] == [
        OPTIMAL, OPTIMAL, OPTIMAL]


def test_a_required_interviewee_available_only_at_lunch():
    instance = visit_of([replace(CHAIR, availability=(Window(2, 13 * H, 14 * H),))])

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert [o.message for o in result.explanation] == [
        "Interviewee 'Committee chair' (available Day 2 13:00-14:00) cannot be fitted: at "
        "Day 2 13:00 it is 'Lunch'. Any one of these changes would make a timetable possible: "
        "holding interviews during 'Lunch' (Day 2 13:00-14:00); 'Committee chair' being "
        "available at other times; not meeting 'Committee chair'."]


def test_a_lock_that_breaks_a_rule_is_reported_as_the_checker_words_it():
    instance = visit_of([CHAIR], timetable=Timetable(
        (interview("chair", 2, 12, "JB FC", locked=True),)))

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert result.explanation == (TimetableObstacle(
        "The locked interviews and fixed workshops already break a rule: 'Committee chair' "
        "is not available at Day 2 12:00-13:00 (available Day 2 09:00-10:00).",
        interviewees=("chair",)),)


def test_a_workshop_that_cannot_be_held():
    instance = visit_of(
        [person("mayor", "Mayor", windows=[(3, 9 * H, 11 * H)])],
        workshops=(WorkshopToPlace("B", "Workshop B", 120, options=(Window(3, 14 * H, 18 * H),),
                                   peers=("JB", "FC"), participants=("mayor",)),))

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert [o.message for o in result.explanation] == [
        "'Workshop B' cannot be held: 'Mayor' (available Day 3 09:00-11:00) takes part in "
        "'Workshop B', which lasts 2 hours; 'Workshop B' must be held within Day 3 "
        "14:00-18:00. Any one of these changes would make a timetable possible: 'Mayor' not "
        "taking part in 'Workshop B'; moving 'Workshop B'."]


def test_a_workshop_naming_someone_who_is_not_there_is_explained():
    instance = visit_of([person("a")], workshops=(WorkshopToPlace("B", "Workshop B", 120, peers=(
        "JB", "FC"), participants=("gone",)),))

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert result.explanation == (TimetableObstacle(
        "'Workshop B' names 'gone' as a participant, who is not among the interviewees.",
        workshops=("B",)),)
