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
from citypeer.visits.domain.visits import VisitError, seed_template
from citypeer.visits.method import (
    Interview as CoreInterview,
)
from citypeer.visits.method import (
    Interviewee as CoreInterviewee,
)
from citypeer.visits.method import (
    Peer,
    Timetable,
    VisitInstance,
    Window,
    WorkshopSession,
    needs_from_desk_review,
)
from citypeer.visits.method import (
    Workshop as CoreWorkshop,
)
from citypeer.visits.method.document import visit_from_dict
from citypeer.visits.method.model import minutes
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


def _windows(items) -> tuple[Window, ...] | None:
    if not items:
        return None  # no windows: available throughout the visit
    return tuple(Window(int(w["day"]), minutes(w["start"]), minutes(w["end"])) for w in items)


def _minutes(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def core_visit(visit: Visit):
    days = visit.days or seed_template()
    if visit.starts_on is not None:
        days = [
            {**day, "date": day.get("date") or (visit.starts_on + dt.timedelta(days=n))
             .isoformat()}
            for n, day in enumerate(days)
        ]
    return visit_from_dict({
        "days": days,
        "slot_minutes": visit.slot_minutes,
        # 0 reads as "no limit but the peers'": the core's None.
        "max_parallel": visit.max_parallel or None,
        "max_interviews_per_day": visit.max_interviews_per_day,
    })


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

    core = core_visit(visit)
    people = {}
    for row in rows:
        # Someone withdrawn keeps a held interview; otherwise the planner leaves them out.
        if row.withdrawn and row.pk not in planned:
            continue
        people[row.reference] = row
    interviewees = tuple(
        CoreInterviewee(
            id=ref,
            name=ref if pseudonymous else row.name,
            category=row.category,
            role="" if pseudonymous else row.role,
            organisation="" if pseudonymous else row.organisation,
            availability=_windows(row.availability),
            language=row.language or None,
            interpreter=row.interpreter,
            indicators=tuple(i.code for i in row.indicators.all()),
            required=row.required,
        )
        for ref, row in people.items()
    )
    by_ref = {}
    plan = []
    for interview in interviews:
        ref = interview.interviewee.reference
        by_ref[ref] = interview
        start = _minutes(interview.start)
        plan.append(CoreInterview(
            interviewee=ref, day=interview.day, start=start,
            end=start + interview.slots * visit.slot_minutes,
            peers=(interview.peer_a.initials, interview.peer_b.initials),
            locked=interview.locked or interview.pk in held, number=interview.number,
        ))
    core_workshops = []
    sessions = []
    for workshop in workshops:
        duration = workshop.slots * visit.slot_minutes
        fixed = workshop.day is not None and workshop.start is not None
        core_workshops.append(CoreWorkshop(
            id=workshop.label, title=workshop.title, duration=duration,
            day=workshop.day if fixed else None,
            start=_minutes(workshop.start) if fixed else None,
            options=_windows(workshop.options) or (),
            peers=tuple(p.initials for p in workshop.peers.all() if p.initials in peers),
            participants=tuple(p.reference for p in workshop.participants.all()
                               if p.reference in people),
        ))
        day = workshop.day if fixed else workshop.planned_day
        start = workshop.start if fixed else workshop.planned_start
        if day is not None and start is not None:
            sessions.append(WorkshopSession(workshop.label, day, _minutes(start),
                                            _minutes(start) + duration))
    compiled = compiled_desk_review(review=review) if with_desk_review else None
    instance = VisitInstance(
        visit=core,
        peers=tuple(Peer(initials, name="" if pseudonymous else str(user),
                         languages=tuple(user.languages or ()))
                    for initials, user in peers.items()),
        interviewees=interviewees,
        workshops=tuple(core_workshops),
        desk_review=needs_from_desk_review(compiled.compiled) if compiled else (),
        timetable=Timetable(tuple(plan), tuple(sessions)),
    )
    return VisitData(visit=visit, instance=instance, interviewees=people, peers=peers,
                     interviews=by_ref, workshops={w.label: w for w in workshops},
                     held=held, compiled=compiled)


def with_plan(data: VisitData, interviews) -> VisitInstance:
    """The instance with `interviews` as its plan (workshops as they are)."""
    return replace(data.instance, timetable=Timetable(tuple(interviews),
                                                      data.instance.timetable.workshops))
