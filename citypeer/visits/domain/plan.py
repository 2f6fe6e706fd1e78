"""Planning the visit with `citypeer.visits.method` and changing the plan by hand.

Numbers: the first plan numbers its interviews 1, 2, … in order of time, as the seed's grid
does. After that an interview keeps its number whatever moves, and a new interview gets a
number never given before (`Visit.last_number`): evidence and printed briefs cite numbers.

Every change names the visit's edit count it started from; a change over a newer one is
refused (`EditConflict`), since the warnings the person saw were about another plan. A change
by hand is stored even when the checker finds something wrong with it: the page shows the
warnings at once, and the team decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.common.editing import check_edit_count, compare
from citypeer.visits.domain.instance import VisitData, clock_time, visit_data
from citypeer.visits.domain.visits import VisitError, VisitProblems
from citypeer.visits.method import (
    FEASIBLE,
    OPTIMAL,
    IndicatorCoverage,
    TimetableResult,
    TimetableWarning,
    check_timetable,
    coverage,
    solve_timetable,
)
from citypeer.visits.method.model import hhmm, minutes
from citypeer.visits.method.results import obstacles_to_dicts
from citypeer.visits.models import Interview, Visit

# A page waits for the solver; a web worker must not be held for minutes (the CLI and the
# API may ask for longer, up to MAX_TIME_LIMIT).
PAGE_TIME_LIMIT = 15.0
MAX_TIME_LIMIT = 60.0


@dataclass(frozen=True)
class Check:
    """What the independent checker says of the stored plan."""

    warnings: tuple[TimetableWarning, ...]
    coverage: tuple[IndicatorCoverage, ...]


def check_plan(data: VisitData) -> Check:
    instance = data.instance
    return Check(check_timetable(instance, instance.timetable),
                 coverage(instance, instance.timetable))


PLACE = {"day": gettext_lazy("day"), "start": gettext_lazy("starts at"),
         "peers": gettext_lazy("peers")}


def _check(visit: Visit, edit_count: int | None, fields=tuple) -> None:
    """`EditConflict` unless the timetable is still at the edit count the change started
    from; `fields` gives what the change would have set beside what is saved."""
    check_edit_count(visit, started_from=edit_count, what=_("the timetable"), fields=fields)


def _locked_visit(visit: Visit, edit_count: int | None, fields=tuple) -> Visit:
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    _check(locked, edit_count, fields)
    return locked


def _place(interview: Interview) -> dict:
    return {"day": interview.day, "start": interview.start.strftime("%H:%M"),
            "peers": f"{interview.peer_a.initials} & {interview.peer_b.initials}"}


def solve_visit(*, visit: Visit, review, edit_count: int | None,
                time_limit: float = PAGE_TIME_LIMIT) -> TimetableResult:
    """Plan the visit, or re-plan it keeping locked (and held) interviews where they are and
    moving as few others as possible, and store the plan. An impossible visit keeps its
    current plan; the status and the explanation say why."""
    if not 0 < time_limit <= MAX_TIME_LIMIT:
        raise VisitProblems([("time_limit", _("must be more than 0 and at most %(max)s "
                                              "seconds") % {"max": int(MAX_TIME_LIMIT)})])
    visit = Visit.objects.get(pk=visit.pk)  # the stored edit count, not a caller's old copy
    data = visit_data(visit=visit, review=review)
    _check(visit, edit_count)
    if len(data.peers) < 2:
        raise VisitError(_("The team has fewer than two interviewers: an interview is held by "
                           "a pair of peers."))
    # The solve runs outside any transaction: it may take many seconds.
    result = solve_timetable(data.instance, time_limit=time_limit,
                             explain_time_limit=min(time_limit, 10.0))
    store_result(data=data, result=result, edit_count=edit_count)
    return result


@transaction.atomic
def store_result(*, data: VisitData, result: TimetableResult, edit_count: int) -> Visit:
    visit = _locked_visit(data.visit, edit_count)
    visit.status = result.status
    visit.solved_at = timezone.now()
    visit.solve_seconds = result.seconds
    visit.objective = result.objective
    visit.bound = result.bound
    visit.explanation = obstacles_to_dicts(result.explanation)
    if result.status in (OPTIMAL, FEASIBLE):
        _store_timetable(visit, data, result)
    visit.edit_count += 1
    visit.save()
    data.visit = visit
    return visit


def _store_timetable(visit: Visit, data: VisitData, result: TimetableResult) -> None:
    slot = visit.slot_minutes
    planned = {i.interviewee: i for i in result.timetable.interviews}
    for ref, interview in data.interviews.items():
        if ref not in planned:
            # Interviews that evidence cites are locked in the instance, so the solver keeps
            # them; anything it drops was never held.
            interview.delete()
    new = []
    for ref, placed in sorted(planned.items(), key=lambda kv: (kv[1].day, kv[1].start,
                                                               kv[1].peers, kv[0])):
        row = data.interviews.get(ref)
        peer_a, peer_b = (data.peers[p] for p in placed.peers)
        fields = {"day": placed.day, "start": clock_time(placed.start),
                  "slots": max(1, (placed.end - placed.start) // slot),
                  "peer_a": peer_a, "peer_b": peer_b}
        if row is None:
            new.append(Interview(visit=visit, interviewee=data.interviewees[ref], **fields))
            continue
        if any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
    for interview in new:
        visit.last_number += 1
        interview.number = visit.last_number
        interview.save()
    sessions = {s.workshop: s for s in result.timetable.workshops}
    for label, workshop in data.workshops.items():
        session = sessions.get(label)
        day = session.day if session else None
        start = clock_time(session.start) if session else None
        if (workshop.planned_day, workshop.planned_start) != (day, start):
            workshop.planned_day, workshop.planned_start = day, start
            workshop.save(update_fields=["planned_day", "planned_start"])


# -- changes by hand ---------------------------------------------------------------------------

def _parse_start(value, problems) -> int | None:
    text = str(value or "").strip()
    try:
        hours, mins = text.split(":")
        result = minutes(f"{int(hours):02d}:{int(mins):02d}")
        if not (0 <= int(hours) <= 23 and 0 <= int(mins) <= 59):
            raise ValueError
        return result
    except ValueError:
        problems.append(("start", _("'%(value)s' is not a time HH:MM (for example 09:00)")
                         % {"value": text}))
        return None


def _after_change(visit: Visit) -> None:
    if visit.status in (Visit.Status.OPTIMAL, Visit.Status.FEASIBLE):
        visit.status = Visit.Status.EDITED
    visit.edit_count += 1
    visit.save()


def _fresh_check(visit: Visit, review) -> Check:
    return check_plan(visit_data(visit=visit, review=review))


def move_interview(*, visit: Visit, review, number: int, day, start, peers,
                   edit_count: int | None) -> Check:
    """Put interview `number` on `day` at `start` (HH:MM) with `peers` (two initials), and
    say at once what the checker finds wrong with the plan now."""
    data = visit_data(visit=visit, review=review, with_desk_review=False)
    interview = data.by_number.get(number)
    if interview is None:
        raise VisitError(_("There is no interview %(number)s in the timetable.")
                         % {"number": number})
    problems: list[tuple[str, str]] = []
    days = len(data.instance.visit.days)
    try:
        day = int(day)
        if not 1 <= day <= days:
            raise ValueError
    except (TypeError, ValueError):
        problems.append(("day", _("'%(value)s' is not a day of the visit (1 to %(days)s)")
                         % {"value": day, "days": days}))
    start_minutes = _parse_start(start, problems)
    peers = [str(p).strip() for p in (peers or [])]
    unknown = [p for p in peers if p not in data.peers]
    if unknown:
        problems.append(("peers", _("%(initials)s: not an interviewer of the team (%(team)s)")
                         % {"initials": ", ".join(unknown), "team": ", ".join(data.peers)}))
    elif len(peers) != 2 or peers[0] == peers[1]:
        problems.append(("peers", _("an interview is held by a pair of two different peers")))
    if problems:
        raise VisitProblems(problems)
    if interview.pk in data.held:
        raise VisitError(_("Interview %(number)s has been held (evidence cites it); it stays "
                           "where it is.") % {"number": number})
    if interview.locked:
        raise VisitError(_("Interview %(number)s is locked; unlock it before moving it.")
                         % {"number": number})
    with transaction.atomic():
        locked = _locked_visit(visit, edit_count, lambda: compare(PLACE, _place(interview), {
            "day": day, "start": hhmm(start_minutes), "peers": " & ".join(peers)}))
        interview.day = day
        interview.start = clock_time(start_minutes)
        interview.peer_a, interview.peer_b = data.peers[peers[0]], data.peers[peers[1]]
        interview.save()
        _after_change(locked)
    return _fresh_check(locked, review)


def swap_interviews(*, visit: Visit, review, number: int, other: int,
                    edit_count: int | None) -> Check:
    """Exchange the times of two interviews; each keeps its pair of peers."""
    data = visit_data(visit=visit, review=review, with_desk_review=False)
    a, b = data.by_number.get(number), data.by_number.get(other)
    if a is None or b is None or a.pk == b.pk:
        raise VisitProblems([("with", _("choose another interview of the timetable to swap "
                                        "with"))])
    for interview in (a, b):
        if interview.locked or interview.pk in data.held:
            raise VisitError(_("Interview %(number)s is locked or has been held; it stays "
                               "where it is.") % {"number": interview.number})
    labels = {str(i.number): _("Interview %(number)s") % {"number": i.number} for i in (a, b)}
    when = {str(i.number): _("day %(day)s, %(start)s") % _place(i) for i in (a, b)}
    with transaction.atomic():
        locked = _locked_visit(visit, edit_count, lambda: compare(
            labels, when, {str(a.number): when[str(b.number)],
                           str(b.number): when[str(a.number)]}))
        (a.day, a.start), (b.day, b.start) = (b.day, b.start), (a.day, a.start)
        a.save()
        b.save()
        _after_change(locked)
    return _fresh_check(locked, review)


def _planned(visit: Visit, number: int) -> Interview | None:
    return Interview.objects.filter(visit=visit, number=number, cancelled=False).first()


def _flag(visit: Visit, number: int, name: str, label, value: bool):
    """What setting the flag `name` of interview `number` would have changed."""
    def fields():
        interview = _planned(visit, number)
        saved = getattr(interview, name) if interview else None
        return compare({name: label}, {name: saved}, {name: value})
    return fields


def set_locked(*, visit: Visit, review, number: int, locked: bool,
               edit_count: int | None) -> Visit:
    with transaction.atomic():
        current = _locked_visit(visit, edit_count,
                                _flag(visit, number, "locked", gettext_lazy("locked"), locked))
        interview = _planned(visit, number)
        if interview is None:
            raise VisitError(_("There is no interview %(number)s in the timetable.")
                             % {"number": number})
        interview.locked = locked
        interview.save()
        current.edit_count += 1
        current.save()
    return current


def cancel_interview(*, visit: Visit, review, number: int, edit_count: int | None) -> Visit:
    """Take an interview off the timetable. Its number stays given; a later re-plan may meet
    the same person again in a new interview (mark them "not to be met" to prevent it)."""
    with transaction.atomic():
        current = _locked_visit(visit, edit_count, _flag(visit, number, "cancelled",
                                                         gettext_lazy("cancelled"), True))
        interview = _planned(visit, number)
        if interview is None:
            raise VisitError(_("There is no interview %(number)s in the timetable.")
                             % {"number": number})
        if interview.evidence.exists():
            raise VisitError(_("Interview %(number)s has been held (evidence cites it); it "
                               "cannot be cancelled.") % {"number": number})
        interview.cancelled = True
        interview.locked = False
        interview.save()
        _after_change(current)
    return current
