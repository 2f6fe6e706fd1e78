"""Planning the visit with `citypeer.visits.method` and changing the plan by hand.

Numbers: the first plan numbers its interviews 1, 2, … in order of time, as the seed's grid
does. After that an interview keeps its number whatever moves, and a new interview gets a
number never given before (`Visit.last_number`): evidence and printed briefs cite numbers.

Every change names the visit revision it started from; a change over a newer revision is
refused (`PlanConflict`), since the warnings the person saw were about another plan. A change
by hand is stored even when the checker finds something wrong with it: the page shows the
warnings at once, and the team decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.visits.domain.instance import VisitData, visit_data
from citypeer.visits.domain.visits import PlanConflict, VisitError, VisitProblems
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
from citypeer.visits.method.model import minutes
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


def _locked_visit(visit: Visit, revision: int | None) -> Visit:
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    if revision is not None and locked.revision != revision:
        raise PlanConflict(current=locked.revision, attempted=revision)
    return locked


def _time(value: int) -> dt.time:
    return dt.time(value // 60, value % 60)


def solve_visit(*, visit: Visit, review, time_limit: float = PAGE_TIME_LIMIT,
                revision: int | None = None) -> TimetableResult:
    """Plan the visit, or re-plan it keeping locked (and held) interviews where they are and
    moving as few others as possible, and store the plan. An impossible visit keeps its
    current plan; the status and the explanation say why."""
    if not 0 < time_limit <= MAX_TIME_LIMIT:
        raise VisitProblems([("time_limit", _("must be more than 0 and at most %(max)s "
                                              "seconds") % {"max": int(MAX_TIME_LIMIT)})])
    visit = Visit.objects.get(pk=visit.pk)  # the stored revision, not a caller's old copy
    data = visit_data(visit=visit, review=review)
    started_from = visit.revision if revision is None else revision
    if revision is not None and visit.revision != revision:
        raise PlanConflict(current=visit.revision, attempted=revision)
    if len(data.peers) < 2:
        raise VisitError(_("The team has fewer than two interviewers: an interview is held by "
                           "a pair of peers."))
    # The solve runs outside any transaction: it may take many seconds.
    result = solve_timetable(data.instance, time_limit=time_limit,
                             explain_time_limit=min(time_limit, 10.0))
    store_result(data=data, result=result, revision=started_from)
    return result


@transaction.atomic
def store_result(*, data: VisitData, result: TimetableResult, revision: int) -> Visit:
    visit = _locked_visit(data.visit, revision)
    visit.status = result.status
    visit.solved_at = timezone.now()
    visit.solve_seconds = result.seconds
    visit.objective = result.objective
    visit.bound = result.bound
    visit.explanation = [
        {"message": o.message, "interviewees": list(o.interviewees), "peers": list(o.peers),
         "workshops": list(o.workshops)}
        for o in result.explanation
    ]
    if result.status in (OPTIMAL, FEASIBLE):
        _store_timetable(visit, data, result)
    visit.revision += 1
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
    for ref, core in sorted(planned.items(), key=lambda kv: (kv[1].day, kv[1].start,
                                                             kv[1].peers, kv[0])):
        row = data.interviews.get(ref)
        peer_a, peer_b = (data.peers[p] for p in core.peers)
        fields = {"day": core.day, "start": _time(core.start),
                  "slots": max(1, (core.end - core.start) // slot),
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
        start = _time(session.start) if session else None
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
    visit.revision += 1
    visit.save()


def _fresh_check(visit: Visit, review) -> Check:
    return check_plan(visit_data(visit=visit, review=review))


def move_interview(*, visit: Visit, review, number: int, day, start, peers,
                   revision: int) -> Check:
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
        locked = _locked_visit(visit, revision)
        interview.day = day
        interview.start = _time(start_minutes)
        interview.peer_a, interview.peer_b = data.peers[peers[0]], data.peers[peers[1]]
        interview.save()
        _after_change(locked)
    return _fresh_check(locked, review)


def swap_interviews(*, visit: Visit, review, number: int, other: int, revision: int) -> Check:
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
    with transaction.atomic():
        locked = _locked_visit(visit, revision)
        (a.day, a.start), (b.day, b.start) = (b.day, b.start), (a.day, a.start)
        a.save()
        b.save()
        _after_change(locked)
    return _fresh_check(locked, review)


def set_locked(*, visit: Visit, review, number: int, locked: bool, revision: int) -> Visit:
    with transaction.atomic():
        current = _locked_visit(visit, revision)
        interview = Interview.objects.filter(visit=visit, number=number,
                                             cancelled=False).first()
        if interview is None:
            raise VisitError(_("There is no interview %(number)s in the timetable.")
                             % {"number": number})
        interview.locked = locked
        interview.save()
        current.revision += 1
        current.save()
    return current


def cancel_interview(*, visit: Visit, review, number: int, revision: int) -> Visit:
    """Take an interview off the timetable. Its number stays given; a later re-plan may meet
    the same person again in a new interview (mark them "not to be met" to prevent it)."""
    with transaction.atomic():
        current = _locked_visit(visit, revision)
        interview = Interview.objects.filter(visit=visit, number=number,
                                             cancelled=False).first()
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
