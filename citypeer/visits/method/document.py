"""Visit instances and timetables as plain data (what JSON files and the API hold); results
are ``citypeer.visits.method.results``'s.

``instance_from_dict`` reads data that ``validate_instance`` has accepted; ``instance_to_dict``
writes every field, so reading it back gives the same instance. A result's ``timetable`` has
the shape of an instance's ``timetable``: feed it back to re-plan.
"""

from __future__ import annotations

from citypeer.visits.method.model import (
    AGREES,
    BLOCK_TEAM,
    Day,
    FixedBlock,
    IndicatorNeed,
    IntervieweeToMeet,
    Interviewer,
    PlannedInterview,
    Timetable,
    VisitFrame,
    VisitInstance,
    Window,
    WorkshopSession,
    WorkshopToPlace,
    hhmm,
    minutes,
    seed_days,
)

DEFAULT_VISIT = VisitFrame()


def _time(value: str | None) -> int | None:
    return None if value is None else minutes(value)


def windows_from_dicts(items) -> tuple[Window, ...]:
    """Windows ``{day, start, end}`` (times HH:MM), as the instance, its ``availability`` and
    its workshops' ``options`` write them."""
    return tuple(Window(w["day"], minutes(w["start"]), minutes(w["end"])) for w in items)


def _windows_or_none(items) -> tuple[Window, ...] | None:
    return None if items is None else windows_from_dicts(items)


def _windows_out(windows) -> list[dict] | None:
    if windows is None:
        return None
    return [{"day": w.day, "start": hhmm(w.start), "end": hhmm(w.end)} for w in windows]


def days_from_dicts(items) -> tuple[Day, ...]:
    """The visit's ``days`` with their fixed blocks."""
    return tuple(
        Day(
            start=minutes(d["start"]),
            end=minutes(d["end"]),
            blocks=tuple(
                FixedBlock(b["title"], minutes(b["start"]), minutes(b["end"]),
                           b.get("kind", BLOCK_TEAM), tuple(b.get("peers", ())))
                for b in d.get("blocks", ())
            ),
            label=d.get("label", ""),
            date=d.get("date"),
        )
        for d in items
    )


def days_to_dicts(days) -> list[dict]:
    return [
        {
            "label": d.label,
            "date": d.date,
            "start": hhmm(d.start),
            "end": hhmm(d.end),
            "blocks": [
                {"title": b.title, "start": hhmm(b.start), "end": hhmm(b.end),
                 "kind": b.kind, "peers": list(b.peers)}
                for b in d.blocks
            ],
        }
        for d in days
    ]


def visit_from_dict(data: dict) -> VisitFrame:
    days = data.get("days")
    return VisitFrame(
        days=seed_days() if days is None else days_from_dicts(days),
        slot_minutes=data.get("slot_minutes", DEFAULT_VISIT.slot_minutes),
        max_parallel=data.get("max_parallel", DEFAULT_VISIT.max_parallel),
        max_interviews_per_day=data.get("max_interviews_per_day",
                                        DEFAULT_VISIT.max_interviews_per_day),
        title=data.get("title", ""),
    )


def visit_to_dict(visit: VisitFrame) -> dict:
    return {
        "title": visit.title,
        "slot_minutes": visit.slot_minutes,
        "max_parallel": visit.max_parallel,
        "max_interviews_per_day": visit.max_interviews_per_day,
        "days": days_to_dicts(visit.days),
    }


def timetable_from_dict(data: dict, *, interview_minutes=None, workshop_minutes=None
                        ) -> Timetable:
    """Read a timetable. An ``end`` left out follows from the interviewee (an interpreted
    interview takes two slots) or the workshop: ``interview_minutes`` and ``workshop_minutes``
    map their ids to lengths."""
    interviews = []
    for item in data.get("interviews", ()):
        start = minutes(item["start"])
        length = (interview_minutes or {}).get(item["interviewee"], 0)
        interviews.append(PlannedInterview(
            interviewee=item["interviewee"], day=item["day"], start=start,
            end=minutes(item["end"]) if "end" in item else start + length,
            peers=tuple(item["peers"]), locked=item.get("locked", False),
            number=item.get("number", 0),
        ))
    sessions = []
    for item in data.get("workshops", ()):
        start = minutes(item["start"])
        length = (workshop_minutes or {}).get(item["workshop"], 0)
        sessions.append(WorkshopSession(
            item["workshop"], item["day"], start,
            minutes(item["end"]) if "end" in item else start + length))
    return Timetable(tuple(interviews), tuple(sessions))


def timetable_to_dict(timetable: Timetable) -> dict:
    return {
        "interviews": [
            {"number": i.number, "interviewee": i.interviewee, "day": i.day,
             "start": hhmm(i.start), "end": hhmm(i.end), "peers": list(i.peers),
             "locked": i.locked}
            for i in timetable.interviews
        ],
        "workshops": [
            {"workshop": s.workshop, "day": s.day, "start": hhmm(s.start), "end": hhmm(s.end)}
            for s in timetable.workshops
        ],
    }


def instance_from_dict(data: dict) -> VisitInstance:
    """Build an instance from data that ``validate_instance`` has accepted."""
    visit = visit_from_dict(data.get("visit", {}))
    interviewees = tuple(
        IntervieweeToMeet(
            id=i["id"], name=i["name"], category=i["category"], role=i.get("role", ""),
            organisation=i.get("organisation", ""),
            availability=_windows_or_none(i.get("availability")),
            language=i.get("language"), interpreter=i.get("interpreter", False),
            indicators=tuple(i.get("indicators", ())), required=i.get("required", False),
        )
        for i in data["interviewees"]
    )
    workshops = tuple(
        WorkshopToPlace(
            id=w["id"], title=w.get("title", ""),
            duration=w.get("duration_minutes", 2 * visit.slot_minutes),
            day=w.get("day"), start=_time(w.get("start")),
            options=windows_from_dicts(w.get("options", ())), peers=tuple(w.get("peers", ())),
            participants=tuple(w.get("participants", ())),
        )
        for w in data.get("workshops", ())
    )
    timetable = timetable_from_dict(
        data.get("timetable", {}),
        interview_minutes={i.id: visit.slot_minutes * (2 if i.interpreter else 1)
                           for i in interviewees},
        workshop_minutes={w.id: w.duration for w in workshops},
    )
    return VisitInstance(
        visit=visit,
        peers=tuple(
            Interviewer(initials=p["initials"], name=p.get("name", ""),
                        languages=tuple(p.get("languages", ())),
                        max_interviews_per_day=p.get("max_interviews_per_day"),
                        availability=_windows_or_none(p.get("availability")))
            for p in data["peers"]
        ),
        interviewees=interviewees,
        workshops=workshops,
        desk_review=tuple(
            IndicatorNeed(n["indicator"], n.get("status", AGREES), tuple(n.get("questions", ())))
            for n in data.get("desk_review", ())
        ),
        timetable=timetable,
    )


def instance_to_dict(instance: VisitInstance) -> dict:
    return {
        "visit": visit_to_dict(instance.visit),
        "peers": [
            {"initials": p.initials, "name": p.name, "languages": list(p.languages),
             "max_interviews_per_day": p.max_interviews_per_day,
             "availability": _windows_out(p.availability)}
            for p in instance.peers
        ],
        "interviewees": [
            {"id": i.id, "name": i.name, "role": i.role, "organisation": i.organisation,
             "category": i.category, "availability": _windows_out(i.availability),
             "language": i.language, "interpreter": i.interpreter,
             "indicators": list(i.indicators), "required": i.required}
            for i in instance.interviewees
        ],
        "workshops": [
            {"id": w.id, "title": w.title, "duration_minutes": w.duration, "day": w.day,
             "start": None if w.start is None else hhmm(w.start),
             "options": _windows_out(w.options), "peers": list(w.peers),
             "participants": list(w.participants)}
            for w in instance.workshops
        ],
        "desk_review": [
            {"indicator": n.indicator, "status": n.status, "questions": list(n.questions)}
            for n in instance.desk_review
        ],
        "timetable": timetable_to_dict(instance.timetable),
    }
