"""The visit timetable: the independent checker, the optimiser's plans checked by it rule by
rule, the explanation of an impossible visit, re-planning with locks, and the greedy baseline.

Instances are small and time limits short; no assertion is about time."""

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeer.visits.method import (
    ERROR,
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    WARNING,
    Block,
    Day,
    IndicatorNeed,
    Interview,
    Interviewee,
    Obstacle,
    Peer,
    Penalties,
    Timetable,
    TimetableWarning,
    Visit,
    VisitInstance,
    Window,
    Workshop,
    WorkshopSession,
    check_timetable,
    errors,
    evaluate,
    greedy_timetable,
    needs_from_desk_review,
    replan,
    seed_days,
    solve_greedy,
    solve_timetable,
)
from citypeer.visits.method.generate import generate_instance

H = 60
TIME_LIMIT = 5.0


def peers(*initials, languages=("en",)):
    return tuple(Peer(i, languages=languages) for i in initials)


def person(id, name=None, *, windows=None, **fields):
    availability = None if windows is None else tuple(Window(*w) for w in windows)
    return Interviewee(id, name or id.capitalize(), fields.pop("category", "politician"),
                       availability=availability, **fields)


def interview(who, day, hour, pair, *, hours=1, locked=False, number=0):
    return Interview(who, day, hour * H, (hour + hours) * H, tuple(pair.split()), locked,
                     number)


def visit_of(people, *, team=("JB", "FC", "AB", "CD"), **fields):
    return VisitInstance(Visit(**fields.pop("visit", {})), peers(*team), tuple(people),
                         **fields)


def solved(instance, **options):
    result = solve_timetable(instance, time_limit=TIME_LIMIT, **options)
    assert result.found
    return result


def broken(instance, timetable):
    return [(w.code, w.interviewee, w.peer, w.workshop, w.day, w.start)
            for w in errors(check_timetable(instance, timetable))]


# --- the visit model ------------------------------------------------------------------------

def test_the_default_visit_is_the_seed_timetable():
    days = seed_days()

    assert [(d.start // H, d.end // H) for d in days] == [(12, 18), (9, 18), (9, 18), (9, 15)]
    assert [[(b.start // H, b.end // H) for b in d.blocks] for d in days] == [
        [(12, 13), (13, 14), (14, 15), (15, 16), (16, 17), (17, 18)],
        [(13, 14)],
        [(13, 14)],
        [(9, 12), (12, 13), (13, 14), (14, 15)],
    ]
    assert Visit().max_parallel == 2
    assert Visit().max_interviews_per_day == 5


def test_generated_instances_are_the_same_for_the_same_seed():
    assert generate_instance(seed=4) == generate_instance(seed=4)
    assert generate_instance(seed=4) != generate_instance(seed=5)


def test_a_generated_seed_sized_instance_has_the_seeds_size():
    instance = generate_instance(peers=6, interviewees=30, workshops=2, seed=0)

    assert (len(instance.peers), len(instance.interviewees), len(instance.desk_review),
            len(instance.workshops)) == (6, 30, 73, 2)


# --- the checker ----------------------------------------------------------------------------

CHECKED = visit_of(
    [person("mayor", "Mayor", windows=[(2, 9 * H, 12 * H)], indicators=("AC/I/3",)),
     person("chair", "Committee chair", windows=[(2, 9 * H, 11 * H)], indicators=("AC/I/3",)),
     person("imam", "Imam", category="migrant_group", language="nl", interpreter=True),
     person("nurse", "Nurse", category="municipality_staff", language="nl"),
     person("clerk", "Clerk", category="municipality_staff"),
     person("youth", "Youth forum", category="migrant_group")],
    team=("JB", "FC", "AB", "CD", "EF", "GH"),
    workshops=(Workshop("A", "", 120, 2, 16 * H, peers=("AB", "CD"),
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
    instance = VisitInstance(Visit(), team, tuple(person(x) for x in "abcd"))

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
    instance = VisitInstance(Visit(), team, (person("maire", language="fr"),))

    result = solved(instance)

    assert [i.peers for i in result.timetable.interviews] == [("AB", "CD")]
    assert broken(instance, result.timetable) == []


def test_peers_are_only_booked_when_available():
    team = (Peer("JB", availability=(Window(3, 9 * H, 12 * H),)),) + peers("FC", "AB")
    instance = VisitInstance(Visit(), team, (person("a", windows=[(2, 9 * H, 10 * H)]),
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
        workshops=(Workshop("B", "Workshop B", 120, options=(Window(3, 14 * H, 18 * H),),
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


# --- an impossible visit is explained -------------------------------------------------------

CHAIR = person("chair", "Committee chair", windows=[(2, 9 * H, 10 * H)], required=True)
LOCKS = Timetable((interview("mayor", 2, 9, "JB FC", locked=True, number=1),
                   interview("deputy", 2, 9, "AB CD", locked=True, number=2)))
IMPOSSIBLE = visit_of([CHAIR, person("mayor", "Mayor"), person("deputy", "Deputy mayor")],
                      timetable=LOCKS)


def test_an_impossible_visit_says_who_cannot_be_fitted_and_why():
    result = solve_timetable(IMPOSSIBLE, time_limit=TIME_LIMIT)

    assert result.status == INFEASIBLE
    assert result.explanation == (Obstacle(
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

    assert result.explanation == (Obstacle(
        "The locked interviews and fixed workshops already break a rule: 'Committee chair' "
        "is not available at Day 2 12:00-13:00 (available Day 2 09:00-10:00).",
        interviewees=("chair",)),)


def test_a_workshop_that_cannot_be_held():
    instance = visit_of(
        [person("mayor", "Mayor", windows=[(3, 9 * H, 11 * H)])],
        workshops=(Workshop("B", "Workshop B", 120, options=(Window(3, 14 * H, 18 * H),),
                            peers=("JB", "FC"), participants=("mayor",)),))

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert [o.message for o in result.explanation] == [
        "'Workshop B' cannot be held: 'Mayor' (available Day 3 09:00-11:00) takes part in "
        "'Workshop B', which lasts 2 hours; 'Workshop B' must be held within Day 3 "
        "14:00-18:00. Any one of these changes would make a timetable possible: 'Mayor' not "
        "taking part in 'Workshop B'; moving 'Workshop B'."]


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


# --- the greedy baseline ----------------------------------------------------------------------

@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(2, 8), st.integers(0, 30), st.integers(0, 1000))
def test_the_greedy_timetable_never_breaks_a_rule(team, people, seed):
    instance = generate_instance(peers=team, interviewees=people, indicators=30, seed=seed)

    assert errors(check_timetable(instance, greedy_timetable(instance))) == ()


def test_the_optimiser_is_never_worse_than_the_greedy_baseline():
    instance = generate_instance(peers=6, interviewees=20, indicators=40, seed=3)

    greedy = solve_greedy(instance)
    result = solved(instance)

    assert greedy.status == FEASIBLE
    assert result.objective <= greedy.objective
    assert greedy.penalties == evaluate(instance, greedy.timetable)


def test_a_visit_with_its_own_days_and_a_peer_specific_block():
    days = (Day(9 * H, 12 * H, (Block("JB's train", 9 * H, 11 * H, "travel", ("JB",)),),
                "Monday", "2026-03-02"),)
    instance = VisitInstance(Visit(days=days, max_parallel=None), peers("JB", "FC", "AB"),
                             (person("a", windows=[(1, 9 * H, 10 * H)]),
                              person("b", windows=[(1, 10 * H, 11 * H)])))

    result = solved(instance)

    assert [(i.interviewee, i.peers) for i in result.timetable.interviews] == [
        ("a", ("FC", "AB")), ("b", ("FC", "AB"))]
    assert broken(instance, result.timetable) == []


def test_a_visit_without_interviewees_still_places_its_workshops():
    instance = visit_of([], workshops=(Workshop("B", "", 120, options=(
        Window(3, 14 * H, 18 * H),), peers=("JB", "FC")),))

    result = solved(instance)

    [session] = result.timetable.workshops
    assert result.status == OPTIMAL
    assert result.timetable.interviews == ()
    assert (session.workshop, session.day, session.end - session.start) == ("B", 3, 120)
    assert 14 * H <= session.start <= 16 * H
    assert broken(instance, result.timetable) == []


def test_a_workshop_naming_someone_who_is_not_there_is_explained():
    instance = visit_of([person("a")], workshops=(Workshop("B", "Workshop B", 120, peers=(
        "JB", "FC"), participants=("gone",)),))

    result = solve_timetable(instance, time_limit=TIME_LIMIT)

    assert result.explanation == (Obstacle(
        "'Workshop B' names 'gone' as a participant, who is not among the interviewees.",
        workshops=("B",)),)


def test_the_compiled_desk_review_gives_the_visits_needs():
    from citypeer.deskreviews.method.compilation import (
        IndicatorJudgements,
        PeerJudgement,
        Performance,
        compile_desk_reviews,
    )

    compiled = compile_desk_reviews(peers=["JB", "FC"], indicators=[
        IndicatorJudgements("AC/I/3", "AC", (
            PeerJudgement("JB", Performance.MATCHES, questions=("How often is it consulted?",)),
            PeerJudgement("FC", Performance.FALLS_SHORT))),
        IndicatorJudgements("GG/L/1", "GG", (PeerJudgement("JB", Performance.MATCHES),)),
    ])

    assert needs_from_desk_review(compiled) == (
        IndicatorNeed("AC/I/3", "split", ("How often is it consulted?",)),
        IndicatorNeed("GG/L/1", "agrees", ()),
    )
