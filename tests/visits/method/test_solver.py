"""The optimiser's plans, checked rule by rule by the independent checker, the objective
in its order, and re-planning with locks.

Instances are small and time limits short; no assertion is about time."""

from dataclasses import replace

import pytest

from citypeer.visits.method import (
    INFEASIBLE,
    OPTIMAL,
    Day,
    FixedBlock,
    IndicatorNeed,
    Interviewer,
    Penalties,
    Timetable,
    VisitFrame,
    VisitInstance,
    Window,
    WorkshopSession,
    WorkshopToPlace,
    check_timetable,
    errors,
    evaluate,
    replan,
    solve_timetable,
)
from citypeer.visits.method.generate import generate_instance
from tests.visits.method.builders import (
    TIME_LIMIT,
    H,
    broken,
    interview,
    peers,
    person,
    solved,
    visit_of,
)

# --- plans from the optimiser keep every hard rule ------------------------------------------

@pytest.mark.parametrize(("team", "people", "seed"), [(4, 10, 0), (5, 12, 1), (6, 14, 2),
                                                      (6, 16, 3)])
def test_solved_plans_break_no_rule_and_count_the_objective_as_the_checker(team, people, seed):
    instance = generate_instance(peers=team, interviewees=people, indicators=20, seed=seed)

    result = solved(instance)

    assert result.status == OPTIMAL
    assert errors(check_timetable(instance, result.timetable)) == ()
    assert result.penalties == evaluate(instance, result.timetable)
    assert result.bound == result.objective


def test_a_pair_holds_each_interview_and_peers_are_never_double_booked():
    # Two peers and three people who can all come only at 09:00: one interview only.
    instance = visit_of([person(x, windows=[(2, 9 * H, 10 * H)]) for x in "abc"],
                        team=("JB", "FC"))

    result = solved(instance)

    assert [(i.day, i.start, i.peers) for i in result.timetable.interviews] == [
        (2, 9 * H, ("JB", "FC"))]
    assert broken(instance, result.timetable) == []


def test_an_interpreted_interview_takes_two_slots_within_the_window():
    instance = visit_of([person("imam", windows=[(3, 14 * H, 16 * H)], language="nl",
                                interpreter=True)])

    result = solved(instance)

    assert [(i.day, i.start, i.end) for i in result.timetable.interviews] == [
        (3, 14 * H, 16 * H)]
    assert broken(instance, result.timetable) == []


def test_interviews_avoid_lunch_and_other_fixed_blocks():
    # Available 12:00-15:00 on day 2, lunch at 13:00, and two other people at 12:00 and 14:00.
    instance = visit_of([person("a", windows=[(2, 12 * H, 15 * H)]),
                         person("b", windows=[(2, 12 * H, 13 * H)]),
                         person("c", windows=[(2, 14 * H, 15 * H)])],
                        team=("JB", "FC", "AB"), visit={"max_parallel": 1})

    result = solved(instance)

    assert result.penalties.not_met == 1
    assert all(i.start != 13 * H for i in result.timetable.interviews)
    assert broken(instance, result.timetable) == []


def test_a_peer_holds_at_most_their_interviews_a_day():
    team = tuple(replace(p, max_interviews_per_day=1) for p in peers("JB", "FC"))
    instance = VisitInstance(VisitFrame(), team, tuple(person(x) for x in "abcd"))

    result = solved(instance)

    assert sorted(i.day for i in result.timetable.interviews) == [2, 3]
    assert broken(instance, result.timetable) == []


def test_at_most_max_parallel_interviews_at_once():
    instance = visit_of([person(x, windows=[(2, 9 * H, 10 * H)]) for x in "abc"],
                        team=("JB", "FC", "AB", "CD", "EF", "GH"), visit={"max_parallel": 2})

    result = solved(instance)

    assert len(result.timetable.interviews) == 2
    assert broken(instance, result.timetable) == []


def test_without_an_interpreter_both_peers_speak_the_language():
    team = peers("JB", "FC") + peers("AB", "CD", languages=("en", "fr"))
    instance = VisitInstance(VisitFrame(), team, (person("maire", language="fr"),))

    result = solved(instance)

    assert [i.peers for i in result.timetable.interviews] == [("AB", "CD")]
    assert broken(instance, result.timetable) == []


def test_peers_are_only_booked_when_available():
    team = (Interviewer("JB", availability=(Window(3, 9 * H, 12 * H),)),) + peers("FC", "AB")
    instance = VisitInstance(VisitFrame(), team, (person("a", windows=[(2, 9 * H, 10 * H)]),
                                             person("b", windows=[(2, 9 * H, 10 * H)],
                                                    indicators=("X",))),
                             desk_review=(IndicatorNeed("X", "needs_information"),))

    result = solved(instance)

    assert [(i.interviewee, i.peers) for i in result.timetable.interviews] == [
        ("b", ("FC", "AB"))]
    assert broken(instance, result.timetable) == []


def test_workshops_are_held_with_their_participants_and_peers():
    instance = visit_of(
        [person("chair", windows=[(3, 14 * H, 17 * H)], indicators=("X",)),
         person("youth", category="migrant_group", windows=[(3, 15 * H, 18 * H)])],
        workshops=(WorkshopToPlace("B", "Workshop B", 120, options=(Window(3, 14 * H, 18 * H),),
                                   peers=("JB", "FC"), participants=("chair", "youth")),),
        desk_review=(IndicatorNeed("X", "split"),),
    )

    result = solved(instance)

    assert result.timetable.workshops == (WorkshopSession("B", 3, 15 * H, 17 * H),)
    assert [(i.interviewee, i.start) for i in result.timetable.interviews] == [
        ("chair", 14 * H), ("youth", 17 * H)]
    assert broken(instance, result.timetable) == []


def test_locked_interviews_stay_where_they_are():
    instance = visit_of([person("a"), person("b")], timetable=Timetable(
        (interview("a", 3, 17, "FC CD", locked=True),)))

    result = solved(instance)

    assert replace(result.timetable.interview_of("a"), number=0) == interview(
        "a", 3, 17, "FC CD", locked=True)
    assert broken(instance, result.timetable) == []


def test_indicators_that_need_information_are_heard_twice_before_anything_else():
    # At 09:00 only one of x1, x2, y can be met with one pair; the optimiser must meet x1 at
    # 09:00 and x2 at 10:00 (both speak to the indicator that needs information) and leave y,
    # who speaks to a merely open one; greedily taking y first would lose the corroboration.
    instance = visit_of(
        [person("y", windows=[(2, 9 * H, 10 * H)], indicators=("Q",)),
         person("x1", windows=[(2, 9 * H, 10 * H)], indicators=("N",)),
         person("x2", windows=[(2, 10 * H, 11 * H)], indicators=("N",))],
        team=("JB", "FC"),
        desk_review=(IndicatorNeed("N", "needs_information"),
                     IndicatorNeed("Q", "agrees", ("Who chairs it?",))),
    )

    result = solved(instance)

    assert result.status == OPTIMAL
    assert [i.interviewee for i in result.timetable.interviews] == ["x1", "x2"]
    assert result.penalties == Penalties(needs_short=0, needs_uncovered=0,
                                         questions_uncovered=1, not_met=1, load_spread=0,
                                         pairs_unused=0, scattered=0)


def test_the_load_is_balanced_and_pairs_rotate():
    instance = generate_instance(peers=4, interviewees=12, indicators=10, seed=7)

    result = solved(instance)
    loads = {p.initials: 0 for p in instance.peers}
    for i in result.timetable.interviews:
        for p in i.peers:
            loads[p] += 1

    assert max(loads.values()) - min(loads.values()) == result.penalties.load_spread
    assert result.penalties.load_spread <= 1
    assert len({frozenset(i.peers) for i in result.timetable.interviews}) == min(
        6, len(result.timetable.interviews))


# --- re-planning ------------------------------------------------------------------------------

def test_replanning_keeps_the_locks_and_moves_nothing_that_need_not_move():
    instance = generate_instance(peers=6, interviewees=14, indicators=20, seed=11)
    first = solved(instance).timetable
    locked = tuple(replace(i, locked=i.number <= 2) for i in first.interviews)
    in_workshops = {p for w in instance.workshops for p in w.participants}
    cancelled = next(i.interviewee for i in reversed(locked)
                     if not i.locked and i.interviewee not in in_workshops)
    newcomer = person("newcomer", "New partner", category="partner_organisation",
                      indicators=(instance.desk_review[0].indicator,))
    changed = replace(instance, interviewees=tuple(
        p for p in instance.interviewees if p.id != cancelled) + (newcomer,))

    plan = Timetable(tuple(i for i in locked if i.interviewee != cancelled), first.workshops)

    result = replan(changed, plan, time_limit=TIME_LIMIT)

    kept = {(i.interviewee, i.day, i.start, i.peers) for i in result.timetable.interviews}
    assert {(i.interviewee, i.day, i.start, i.peers) for i in locked if i.locked} <= kept
    assert result.moved == ()
    assert result.penalties.changes == 0
    assert errors(result.warnings) == ()


def test_replanning_moves_one_interview_to_make_room_for_a_required_newcomer():
    plan = Timetable((interview("a", 2, 9, "JB FC", number=1),
                      interview("b", 2, 10, "JB FC", number=2)))
    instance = visit_of([person("a", windows=[(2, 9 * H, 12 * H)]),
                         person("b", windows=[(2, 10 * H, 11 * H)])],
                        team=("JB", "FC"), timetable=plan)
    newcomer = person("c", windows=[(2, 9 * H, 10 * H)], required=True)

    result = replan(replace(instance, interviewees=instance.interviewees + (newcomer,)), plan,
                    time_limit=TIME_LIMIT)

    assert result.moved == ("a",)
    assert [(i.interviewee, i.start // H) for i in result.timetable.interviews] == [
        ("c", 9), ("b", 10), ("a", 11)]


def test_replanning_cannot_move_a_locked_interview_and_says_so():
    plan = Timetable((interview("a", 2, 9, "JB FC", locked=True, number=1),))
    instance = visit_of([person("a", "Anna", windows=[(2, 9 * H, 12 * H)]),
                         person("c", "Carl", windows=[(2, 9 * H, 10 * H)], required=True)],
                        team=("JB", "FC"), timetable=plan)

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert result.status == INFEASIBLE
    assert result.explanation[0].message.startswith(
        "Interviewee 'Carl' (available Day 2 09:00-10:00) cannot be fitted: at Day 2 09:00 "
        "every peer who could hold it is taken: JB & FC by locked interview 1 with 'Anna'.")


def test_a_visit_with_its_own_days_and_a_peer_specific_block():
    days = (Day(9 * H, 12 * H, (FixedBlock("JB's train", 9 * H, 11 * H, "travel", ("JB",)),),
                "Monday", "2026-03-02"),)
    instance = VisitInstance(VisitFrame(days=days, max_parallel=None), peers("JB", "FC", "AB"),
                             (person("a", windows=[(1, 9 * H, 10 * H)]),
                              person("b", windows=[(1, 10 * H, 11 * H)])))

    result = solved(instance)

    assert [(i.interviewee, i.peers) for i in result.timetable.interviews] == [
        ("a", ("FC", "AB")), ("b", ("FC", "AB"))]
    assert broken(instance, result.timetable) == []


def test_a_visit_without_interviewees_still_places_its_workshops():
    instance = visit_of([], workshops=(WorkshopToPlace("B", "", 120, options=(
        Window(3, 14 * H, 18 * H),), peers=("JB", "FC")),))

    result = solved(instance)

    [session] = result.timetable.workshops
    assert result.status == OPTIMAL
    assert result.timetable.interviews == ()
    assert (session.workshop, session.day, session.end - session.start) == ("B", 3, 120)
    assert 14 * H <= session.start <= 16 * H
    assert broken(instance, result.timetable) == []
