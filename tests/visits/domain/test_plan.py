"""Planning from the rows, numbers that never change, locks, changes by hand with the
checker's warnings, each over the edit count it started from, cancelling, and an impossible
visit explained."""

import pytest

from citypeer.assessment.models import EvidenceItem
from citypeer.common.editing import EditConflict
from citypeer.visits.domain.instance import visit_data
from citypeer.visits.domain.interviewees import draw_interviewees
from citypeer.visits.domain.plan import (
    cancel_interview,
    move_interview,
    set_locked,
    solve_visit,
    swap_interviews,
)
from citypeer.visits.domain.visits import VisitError, VisitProblems
from citypeer.visits.method import ERROR, check_timetable, errors
from citypeer.visits.models import Interview, Visit
from tests.visits.conftest import TIME_LIMIT, add_person, plan_of


def test_a_plan_from_the_rows_keeps_every_rule_and_numbers_in_time_order(world):
    draw_interviewees(visit=world.visit, review=world.review)
    add_person(world, "Imam's interpreter guest", interpreter=True, language="ar",
               availability=[{"day": 3, "start": "14:00", "end": "18:00"}])

    result = solve_visit(visit=world.visit, review=world.review, time_limit=TIME_LIMIT,
                         edit_count=0)

    visit = Visit.objects.get(pk=world.visit.pk)
    data = visit_data(visit=visit, review=world.review)
    plan = data.instance.timetable
    order = sorted(plan.interviews, key=lambda i: (i.day, i.start, i.peers))
    guest = next(i for i in plan.interviews
                 if data.interviews[i.interviewee].interviewee.interpreter)
    assert result.status == "optimal"
    assert (visit.status, visit.edit_count, visit.last_number) == ("optimal", 1, 4)
    assert errors(check_timetable(data.instance, plan)) == ()
    assert [i.number for i in order] == [1, 2, 3, 4]
    assert (guest.day, guest.end - guest.start, 14 * 60 <= guest.start <= 16 * 60) == (
        3, 120, True)


def test_replanning_keeps_locked_and_held_interviews_and_every_number(planned):
    visit = planned.visit
    before = plan_of(visit)
    set_locked(visit=visit, review=planned.review, number=1, locked=True, edit_count=1)
    held = Interview.objects.get(visit=visit, number=2)
    EvidenceItem.objects.create(review=planned.review, source="interview", interview=held,
                                text="The committee met once this year.", kind="fact")
    newcomer = add_person(planned, "Youth worker", organisation="Youth centre",
                          availability=[{"day": 2, "start": "09:00", "end": "10:00"}])

    result = solve_visit(visit=visit, review=planned.review, time_limit=TIME_LIMIT,
                         edit_count=2)

    after = plan_of(Visit.objects.get(pk=visit.pk))
    assert result.status == "optimal"
    assert (after[1], after[2]) == (before[1], before[2])
    assert {n: after[n][0] for n in after} == {**{n: before[n][0] for n in before},
                                               4: newcomer.name}
    assert after[4][1:3] == (2, "09:00")


def test_moving_onto_a_busy_peer_is_stored_with_the_overlap_named(planned):
    visit = planned.visit
    busy = Interview.objects.select_related("peer_a", "peer_b").get(visit=visit, number=1)
    pair = [busy.peer_a.initials, next(p for p in planned.peers
                                       if p not in (busy.peer_a.initials,
                                                    busy.peer_b.initials))]

    check = move_interview(visit=visit, review=planned.review, number=2, day=busy.day,
                           start=busy.start.strftime("%H:%M"), peers=pair, edit_count=1)

    overlaps = [(w.code, w.peer, w.interview) for w in check.warnings
                if w.code == "peer_overlap"]
    moved = Interview.objects.get(visit=visit, number=2)
    visit.refresh_from_db()
    assert overlaps == [("peer_overlap", busy.peer_a.initials, 2)]
    assert [w.severity for w in check.warnings if w.code == "peer_overlap"] == [ERROR]
    assert (moved.day, moved.start) == (busy.day, busy.start)
    assert (visit.status, visit.edit_count) == ("edited", 2)


def test_a_stale_or_bad_move_changes_nothing(planned):
    visit = planned.visit
    before = plan_of(visit)
    first = Interview.objects.select_related("peer_a", "peer_b").get(visit=visit, number=1)

    with pytest.raises(EditConflict) as stale:
        move_interview(visit=visit, review=planned.review, number=1, day=3, start="10:00",
                       peers=["AP", "BR"], edit_count=0)
    with pytest.raises(VisitProblems) as problem:
        move_interview(visit=visit, review=planned.review, number=1, day=9, start="25:00",
                       peers=["AP", "ZZ"], edit_count=1)
    set_locked(visit=visit, review=planned.review, number=1, locked=True, edit_count=1)
    with pytest.raises(VisitError) as refused:
        move_interview(visit=visit, review=planned.review, number=1, day=3, start="10:00",
                       peers=["AP", "BR"], edit_count=2)

    [edit] = stale.value.edits
    assert (edit.what, edit.started_from, edit.edit_count) == ("the timetable", 0, 1)
    assert [(f.name, f.saved, f.yours) for f in edit.fields] == [
        ("day", first.day, 3), ("start", first.start.strftime("%H:%M"), "10:00"),
        ("peers", f"{first.peer_a.initials} & {first.peer_b.initials}", "AP & BR")]
    assert [field for field, _ in problem.value.problems] == ["day", "start", "peers"]
    assert str(refused.value) == "Interview 1 is locked; unlock it before moving it."
    assert plan_of(visit) == before


def test_a_stale_lock_or_cancel_changes_nothing(planned):
    visit = planned.visit
    before = plan_of(visit)

    with pytest.raises(EditConflict) as lock:
        set_locked(visit=visit, review=planned.review, number=1, locked=True, edit_count=0)
    with pytest.raises(EditConflict) as cancel:
        cancel_interview(visit=visit, review=planned.review, number=2, edit_count=None)

    assert [(f.name, f.saved, f.yours) for f in lock.value.edits[0].fields] == [
        ("locked", False, True)]
    assert [(f.name, f.saved, f.yours) for f in cancel.value.edits[0].fields] == [
        ("cancelled", False, True)]
    assert (plan_of(visit), Visit.objects.get(pk=visit.pk).edit_count) == (before, 1)
    assert Interview.objects.filter(visit=visit, locked=True).count() == 0


def test_swapping_exchanges_times_and_keeps_pairs(planned):
    visit = planned.visit
    before = plan_of(visit)

    swap_interviews(visit=visit, review=planned.review, number=1, other=3, edit_count=1)

    after = plan_of(visit)
    assert after[1] == (before[1][0], *before[3][1:3], before[1][3])
    assert after[3] == (before[3][0], *before[1][1:3], before[3][3])


def test_a_cancelled_interviews_number_is_never_given_again(planned):
    visit = planned.visit
    cancelled = Interview.objects.get(visit=visit, number=3).interviewee

    cancel_interview(visit=visit, review=planned.review, number=3, edit_count=1)
    solve_visit(visit=visit, review=planned.review, time_limit=TIME_LIMIT, edit_count=2)

    rows = {(i.number, i.interviewee.name, i.cancelled)
            for i in Interview.objects.filter(visit=visit).select_related("interviewee")}
    assert {(n, c) for n, _, c in rows} == {(1, False), (2, False), (3, True), (4, False)}
    assert {name for n, name, _ in rows if n in (3, 4)} == {cancelled.name}


def test_planning_over_a_newer_plan_is_refused_and_keeps_it(planned):
    before = plan_of(planned.visit)

    with pytest.raises(EditConflict) as stale:
        solve_visit(visit=planned.visit, review=planned.review, time_limit=TIME_LIMIT,
                    edit_count=0)

    assert [(e.started_from, e.edit_count) for e in stale.value.edits] == [(0, 1)]
    assert plan_of(planned.visit) == before


def test_an_impossible_visit_says_why_and_keeps_the_plan(planned):
    before = plan_of(planned.visit)
    add_person(planned, "Mayor", category="politician", required=True,
               availability=[{"day": 1, "start": "12:00", "end": "13:00"}])

    result = solve_visit(visit=planned.visit, review=planned.review, time_limit=TIME_LIMIT,
                         edit_count=1)

    visit = Visit.objects.get(pk=planned.visit.pk)
    assert (result.status, visit.status) == ("infeasible", "infeasible")
    assert "'Mayor'" in " ".join(o["message"] for o in visit.explanation)
    assert plan_of(visit) == before
