"""The visit's domain functions on a real database: the seed's template, drawing people in,
planning from the rows, numbers that never change, locks, changes by hand with the checker's
warnings, cancelling, and an impossible visit explained."""

import datetime as dt

import pytest

from citypeer.assessment.models import EvidenceItem
from citypeer.visits.domain.instance import visit_data
from citypeer.visits.domain.interviewees import (
    add_interviewee,
    draw_interviewees,
    update_interviewee,
)
from citypeer.visits.domain.plan import (
    cancel_interview,
    move_interview,
    set_locked,
    solve_visit,
    swap_interviews,
)
from citypeer.visits.domain.visits import (
    PlanConflict,
    VisitError,
    VisitProblems,
    create_visit,
    update_visit,
)
from citypeer.visits.method import ERROR, check_timetable, errors
from citypeer.visits.models import Interview, Interviewee, Visit

TIME_LIMIT = 5.0


def planned(visit):
    """number -> (interviewee name, day, start, pair) of the interviews not cancelled."""
    return {
        i.number: (i.interviewee.name, i.day, i.start.strftime("%H:%M"),
                   {i.peer_a.initials, i.peer_b.initials})
        for i in Interview.objects.filter(visit=visit, cancelled=False)
        .select_related("interviewee", "peer_a", "peer_b")
    }


def add(setting, name, **fields):
    data = {"name": name, "category": "municipality_staff", "indicators": ["AC/A/1"], **fields}
    return add_interviewee(visit=setting.visit, review=setting.review, data=data)


def test_a_new_visit_has_the_seeds_template(setting):
    visit = setting.visit

    days = [(d["start"], d["end"], [(b["title"], b["start"], b["kind"]) for b in d["blocks"]])
            for d in visit.days]

    assert days == [
        ("12:00", "18:00", [("Peers arrive in host city", "12:00", "travel"),
                            ("Lunch", "13:00", "break"),
                            ("Peers go through desk review together", "14:00", "team"),
                            ("Opportunity to ask clarifications to host city", "15:00", "host"),
                            ("Presentation from host city on integration policy", "16:00",
                             "host"),
                            ("Allocate interviews and prepare questions", "17:00", "team")]),
        ("09:00", "18:00", [("Lunch", "13:00", "break")]),
        ("09:00", "18:00", [("Lunch", "13:00", "break")]),
        ("09:00", "15:00", [("Peers compile and discuss findings", "09:00", "team"),
                            ("Peers present headline findings to host city", "12:00", "host"),
                            ("Lunch", "13:00", "break"),
                            ("Peers leave host city", "14:00", "travel")]),
    ]
    assert (visit.status, visit.max_interviews_per_day, visit.slot_minutes) == (
        Visit.Status.NOT_PLANNED, 5, 60)
    assert create_visit(review=setting.review).pk == visit.pk


def test_settings_are_checked_as_the_instance_format_and_need_the_revision(setting):
    days = setting.visit.days
    bad = [dict(days[0], start="9:00"), *days[1:]]

    with pytest.raises(VisitProblems) as problem:
        update_visit(visit=setting.visit, changes={"days": bad, "timezone": "Mars/Olympus"},
                     revision=0)
    with pytest.raises(PlanConflict):
        update_visit(visit=setting.visit, changes={"max_interviews_per_day": 4}, revision=7)
    changed = update_visit(visit=setting.visit, changes={"max_interviews_per_day": 4},
                           revision=0)

    assert [field for field, _ in problem.value.problems] == ["timezone", "days[0].start"]
    assert (changed.max_interviews_per_day, changed.revision) == (4, 1)


def test_drawing_takes_the_reports_and_the_desk_reviews_people_once(setting):
    first = draw_interviewees(visit=setting.visit, review=setting.review)
    again = draw_interviewees(visit=setting.visit, review=setting.review)

    people = {(p.name, p.category, tuple(i.code for i in p.indicators.all()),
               p.responsible_person_id)
              for p in Interviewee.objects.filter(visit=setting.visit)}
    assert (first.added, first.updated, again.added, again.updated) == (3, 0, 0, 0)
    assert people == {
        ("Committee Chair", "municipality_staff", ("AC/A/1",), setting.chair.pk),
        ("Deputy Mayor", "politician", ("AC/A/1",), setting.deputy.pk),
        ("Imam", "partner_organisation", ("AC/A/1",), None),
    }


def test_bad_interviewee_input_names_each_field_and_writes_nothing(setting):
    with pytest.raises(VisitProblems) as problem:
        add_interviewee(visit=setting.visit, review=setting.review, data={
            "name": " ", "category": "mayor", "language": "English",
            "availability": [{"day": 9, "start": "9:00", "end": "10:00"}],
            "indicators": ["AC/A/1", "XX/Y/9"],
        })

    assert [field for field, _ in problem.value.problems] == [
        "name", "category", "language", "availability[0].day", "availability[0].start",
        "indicators"]
    assert Interviewee.objects.filter(visit=setting.visit).count() == 0


def test_a_plan_from_the_rows_keeps_every_rule_and_numbers_in_time_order(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    add(setting, "Imam's interpreter guest", interpreter=True, language="ar",
        availability=[{"day": 3, "start": "14:00", "end": "18:00"}])

    result = solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)

    visit = Visit.objects.get(pk=setting.visit.pk)
    data = visit_data(visit=visit, review=setting.review)
    plan = data.instance.timetable
    order = sorted(plan.interviews, key=lambda i: (i.day, i.start, i.peers))
    guest = next(i for i in plan.interviews
                 if data.interviews[i.interviewee].interviewee.interpreter)
    assert result.status == "optimal"
    assert (visit.status, visit.revision, visit.last_number) == ("optimal", 1, 4)
    assert errors(check_timetable(data.instance, plan)) == ()
    assert [i.number for i in order] == [1, 2, 3, 4]
    assert (guest.day, guest.end - guest.start, 14 * 60 <= guest.start <= 16 * 60) == (
        3, 120, True)


def test_replanning_keeps_locked_and_held_interviews_and_every_number(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    visit = Visit.objects.get(pk=setting.visit.pk)
    before = planned(visit)
    set_locked(visit=visit, review=setting.review, number=1, locked=True, revision=1)
    held = Interview.objects.get(visit=visit, number=2)
    EvidenceItem.objects.create(review=setting.review, source="interview", interview=held,
                                text="The committee met once this year.", kind="fact")
    newcomer = add(setting, "Youth worker", organisation="Youth centre",
                   availability=[{"day": 2, "start": "09:00", "end": "10:00"}])

    result = solve_visit(visit=visit, review=setting.review, time_limit=TIME_LIMIT,
                         revision=2)

    after = planned(Visit.objects.get(pk=visit.pk))
    assert result.status == "optimal"
    assert (after[1], after[2]) == (before[1], before[2])
    assert {n: after[n][0] for n in after} == {**{n: before[n][0] for n in before},
                                               4: newcomer.name}
    assert after[4][1:3] == (2, "09:00")


def test_moving_onto_a_busy_peer_is_stored_with_the_overlap_named(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    visit = Visit.objects.get(pk=setting.visit.pk)
    busy = Interview.objects.select_related("peer_a", "peer_b").get(visit=visit, number=1)
    pair = [busy.peer_a.initials, next(p for p in setting.peers
                                       if p not in (busy.peer_a.initials,
                                                    busy.peer_b.initials))]

    check = move_interview(visit=visit, review=setting.review, number=2, day=busy.day,
                           start=busy.start.strftime("%H:%M"), peers=pair, revision=1)

    overlaps = [(w.code, w.peer, w.interview) for w in check.warnings
                if w.code == "peer_overlap"]
    moved = Interview.objects.get(visit=visit, number=2)
    visit.refresh_from_db()
    assert overlaps == [("peer_overlap", busy.peer_a.initials, 2)]
    assert [w.severity for w in check.warnings if w.code == "peer_overlap"] == [ERROR]
    assert (moved.day, moved.start) == (busy.day, busy.start)
    assert (visit.status, visit.revision) == ("edited", 2)


def test_a_stale_or_bad_move_changes_nothing(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    visit = Visit.objects.get(pk=setting.visit.pk)
    before = planned(visit)

    with pytest.raises(PlanConflict):
        move_interview(visit=visit, review=setting.review, number=1, day=3, start="10:00",
                       peers=["AP", "BR"], revision=0)
    with pytest.raises(VisitProblems) as problem:
        move_interview(visit=visit, review=setting.review, number=1, day=9, start="25:00",
                       peers=["AP", "ZZ"], revision=1)
    set_locked(visit=visit, review=setting.review, number=1, locked=True, revision=1)
    with pytest.raises(VisitError) as refused:
        move_interview(visit=visit, review=setting.review, number=1, day=3, start="10:00",
                       peers=["AP", "BR"], revision=2)

    assert [field for field, _ in problem.value.problems] == ["day", "start", "peers"]
    assert str(refused.value) == "Interview 1 is locked; unlock it before moving it."
    assert planned(visit) == before


def test_swapping_exchanges_times_and_keeps_pairs(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    visit = Visit.objects.get(pk=setting.visit.pk)
    before = planned(visit)

    swap_interviews(visit=visit, review=setting.review, number=1, other=3, revision=1)

    after = planned(visit)
    assert after[1] == (before[1][0], *before[3][1:3], before[1][3])
    assert after[3] == (before[3][0], *before[1][1:3], before[3][3])


def test_a_cancelled_interviews_number_is_never_given_again(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    visit = Visit.objects.get(pk=setting.visit.pk)
    cancelled = Interview.objects.get(visit=visit, number=3).interviewee

    cancel_interview(visit=visit, review=setting.review, number=3, revision=1)
    solve_visit(visit=visit, review=setting.review, time_limit=TIME_LIMIT, revision=2)

    rows = {(i.number, i.interviewee.name, i.cancelled)
            for i in Interview.objects.filter(visit=visit).select_related("interviewee")}
    assert {(n, c) for n, _, c in rows} == {(1, False), (2, False), (3, True), (4, False)}
    assert {name for n, name, _ in rows if n in (3, 4)} == {cancelled.name}


def test_withdrawing_someone_cancels_their_interview(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    interview = Interview.objects.get(visit=setting.visit, number=1)

    update_interviewee(interviewee=interview.interviewee, review=setting.review,
                       data={"withdrawn": True}, revision=0)
    solve_visit(visit=Visit.objects.get(pk=setting.visit.pk), review=setting.review,
                time_limit=TIME_LIMIT)

    assert sorted(planned(setting.visit)) == [2, 3]


def test_an_impossible_visit_says_why_and_keeps_the_plan(setting):
    draw_interviewees(visit=setting.visit, review=setting.review)
    solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)
    before = planned(setting.visit)
    add(setting, "Mayor", category="politician", required=True,
        availability=[{"day": 1, "start": "12:00", "end": "13:00"}])

    result = solve_visit(visit=Visit.objects.get(pk=setting.visit.pk), review=setting.review,
                         time_limit=TIME_LIMIT)

    visit = Visit.objects.get(pk=setting.visit.pk)
    assert (result.status, visit.status) == ("infeasible", "infeasible")
    assert "'Mayor'" in " ".join(o["message"] for o in visit.explanation)
    assert planned(visit) == before


def test_interviewers_need_initials(setting):
    peer = setting.peers["DM"]
    peer.initials = ""
    peer.save()

    with pytest.raises(VisitError) as refused:
        solve_visit(visit=setting.visit, review=setting.review, time_limit=TIME_LIMIT)

    assert str(peer) in str(refused.value)


def test_calendar_dates_follow_the_first_day(setting):
    data = visit_data(visit=setting.visit, review=setting.review)

    assert [d.date for d in data.instance.visit.days] == [
        (dt.date(2008, 3, 10) + dt.timedelta(days=n)).isoformat() for n in range(4)]
