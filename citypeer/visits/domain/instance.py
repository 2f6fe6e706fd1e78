"""The visit as the optimiser and the checker see it: a `VisitInstance` built from the rows.

Interviewees are named in the instance by their reference (`P-12`), never by a row's
position, so that the result's timetable maps back onto the rows; their `name` is the real
name only for those who may see identities (`pseudonymous=False`). Interviews that evidence
already cites have been held: they are locked in the instance, whatever their lock says, so
that no re-plan moves them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from citypeer.assessment.models import EvidenceItem
from citypeer.deskreviews.domain.compiled import CompiledView, compiled_desk_review
from citypeer.visits.domain.queries import (
    interviewees_in_full,
    interviews_in_full,
    team_interviewers,
    workshops_in_full,
)
from citypeer.visits.domain.visits import VisitError
from citypeer.visits.method import (
    IntervieweeToMeet,
    Interviewer,
    PlannedInterview,
    Timetable,
    VisitFrame,
    VisitInstance,
    WorkshopSession,
    WorkshopToPlace,
    needs_from_desk_review,
    seed_days,
)
from citypeer.visits.method.document import days_from_dicts, windows_from_dicts
from citypeer.visits.models import Interview, Interviewee, Visit, Workshop


@dataclass
class VisitData:
    """A visit's instance with the rows behind it, keyed as the instance names them."""

    visit: Visit
    instance: VisitInstance
    interviewees: dict[str, Interviewee]  # reference -> row
    peers: dict[str, object]  # initials -> User
    interviews: dict[str, Interview]  # reference of the interviewee -> planned interview
    workshops: dict[str, Workshop]  # label -> row
    held: set[int] = field(default_factory=set)  # ids of interviews evidence cites
    compiled: CompiledView | None = None

    @property
    def by_number(self) -> dict[int, Interview]:
        return {i.number: i for i in self.interviews.values()}


def clock_minutes(value: dt.time) -> int:
    """A time of day as the method counts it: minutes since midnight."""
    return value.hour * 60 + value.minute


def clock_time(value: int) -> dt.time:
    return dt.time(value // 60, value % 60)


def _windows(items):
    """A row's windows; none stored means available throughout the visit (None)."""
    return windows_from_dicts(items) if items else None


def visit_frame(visit: Visit) -> VisitFrame:
    """The visit's days, slots and limits; days are dated from the first day when it is set."""
    days = days_from_dicts(visit.days) if visit.days else seed_days()
    if visit.starts_on is not None:
        days = tuple(replace(day, date=day.date or (visit.starts_on + dt.timedelta(days=n))
                             .isoformat()) for n, day in enumerate(days))
    return VisitFrame(
        days=days, slot_minutes=visit.slot_minutes,
        # 0 reads as "no limit but the peers'": the method's None.
        max_parallel=visit.max_parallel or None,
        max_interviews_per_day=visit.max_interviews_per_day,
    )


def _candidate(row: Interviewee, *, pseudonymous: bool) -> IntervieweeToMeet:
    return IntervieweeToMeet(
        id=row.reference,
        name=row.reference if pseudonymous else row.name,
        category=row.category,
        role="" if pseudonymous else row.role,
        organisation="" if pseudonymous else row.organisation,
        availability=_windows(row.availability),
        language=row.language or None,
        interpreter=row.interpreter,
        indicators=tuple(i.code for i in row.indicators.all()),
        required=row.required,
    )


def _planned(interview: Interview, *, slot: int, held: set[int]) -> PlannedInterview:
    start = clock_minutes(interview.start)
    return PlannedInterview(
        interviewee=interview.interviewee.reference, day=interview.day, start=start,
        end=start + interview.slots * slot,
        peers=(interview.peer_a.initials, interview.peer_b.initials),
        locked=interview.locked or interview.pk in held, number=interview.number,
    )


def _workshop(workshop: Workshop, *, slot: int, peers, people) -> WorkshopToPlace:
    fixed = workshop.day is not None and workshop.start is not None
    return WorkshopToPlace(
        id=workshop.label, title=workshop.title, duration=workshop.slots * slot,
        day=workshop.day if fixed else None,
        start=clock_minutes(workshop.start) if fixed else None,
        options=_windows(workshop.options) or (),
        peers=tuple(p.initials for p in workshop.peers.all() if p.initials in peers),
        participants=tuple(p.reference for p in workshop.participants.all()
                           if p.reference in people),
    )


def _session(workshop: Workshop, *, slot: int) -> WorkshopSession | None:
    """Where the workshop is: its fixed time, else where the last plan put it."""
    fixed = workshop.day is not None and workshop.start is not None
    day = workshop.day if fixed else workshop.planned_day
    start = workshop.start if fixed else workshop.planned_start
    if day is None or start is None:
        return None
    return WorkshopSession(workshop.label, day, clock_minutes(start),
                           clock_minutes(start) + workshop.slots * slot)


def visit_data(*, visit: Visit, review, pseudonymous: bool = False,
               with_desk_review: bool = True) -> VisitData:
    """Everything about the visit in a fixed number of queries."""
    peers_rows = team_interviewers(review)
    missing = [str(p) for p in peers_rows if not p.initials]
    if missing:
        raise VisitError(
            _("Every interviewer needs initials, which name them in the timetable and in "
              "evidence; these have none: %(names)s. Set them in the person's profile.")
            % {"names": ", ".join(missing)})
    peers = {p.initials: p for p in peers_rows}
    rows = list(interviewees_in_full(visit))
    interviews = list(interviews_in_full(visit))
    workshops = list(workshops_in_full(visit))
    held = set(EvidenceItem.objects.filter(interview__visit=visit)
               .values_list("interview_id", flat=True))
    planned = {i.interviewee_id for i in interviews}
    # Someone withdrawn keeps a held interview; otherwise the planner leaves them out.
    people = {row.reference: row for row in rows
              if not (row.withdrawn and row.pk not in planned)}
    slot = visit.slot_minutes
    sessions = (_session(w, slot=slot) for w in workshops)
    compiled = compiled_desk_review(review=review) if with_desk_review else None
    instance = VisitInstance(
        visit=visit_frame(visit),
        peers=tuple(Interviewer(initials, name="" if pseudonymous else str(user),
                                languages=tuple(user.languages or ()))
                    for initials, user in peers.items()),
        interviewees=tuple(_candidate(row, pseudonymous=pseudonymous)
                           for row in people.values()),
        workshops=tuple(_workshop(w, slot=slot, peers=peers, people=people)
                        for w in workshops),
        desk_review=needs_from_desk_review(compiled.compiled) if compiled else (),
        timetable=Timetable(tuple(_planned(i, slot=slot, held=held) for i in interviews),
                            tuple(s for s in sessions if s is not None)),
    )
    return VisitData(visit=visit, instance=instance, interviewees=people, peers=peers,
                     interviews={i.interviewee.reference: i for i in interviews},
                     workshops={w.label: w for w in workshops}, held=held, compiled=compiled)
