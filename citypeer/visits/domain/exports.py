"""The visit for other programs: iCalendar (RFC 5545, the `icalendar` package) for the team
and per peer, the printable timetable as PDF (WeasyPrint), and JSON in the method's
result format (`docs/visit-instance.md`).

Calendars give times in the visit's time zone with its VTIMEZONE, so that a peer travelling
from another zone sees the interviews at the right hour. Without interviewees' identities
(`identities=False`) an event names the person by reference only.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.visits.domain.instance import VisitData
from citypeer.visits.domain.visits import VisitError
from citypeer.visits.method import (
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    TimetableResult,
    result_to_dict,
)
from citypeer.visits.method.checker import check_timetable
from citypeer.visits.method.coverage import coverage
from citypeer.visits.method.results import obstacles_from_dicts


def _dates(data: VisitData) -> list[dt.date]:
    visit = data.visit
    if visit.starts_on is None:
        raise VisitError(_("Set the first day of the visit: a calendar needs dates."))
    return [dt.date.fromisoformat(d.date) if d.date else
            visit.starts_on + dt.timedelta(days=n)
            for n, d in enumerate(data.instance.visit.days)]


def visit_calendar(data: VisitData, *, identities: bool, peer: str | None = None,
                   site: str = "citypeer") -> bytes:
    """The team's calendar, or one peer's (their interviews and workshops and the blocks that
    concern them)."""
    dates = _dates(data)
    zone = zoneinfo.ZoneInfo(data.visit.timezone)
    review = data.visit.review
    stamp = timezone.now()

    def at(day: int, minutes: int) -> dt.datetime:
        return dt.datetime.combine(dates[day - 1], dt.time(minutes // 60, minutes % 60),
                                   tzinfo=zone)

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//citypeer//visit timetable//EN")
    calendar.add("version", "2.0")
    title = _("Peer review visit: %(city)s") % {"city": review.city}
    if peer:
        title += f" ({peer})"
    calendar.add("x-wr-calname", title)

    def event(uid, summary, day, start, end, description=""):
        item = icalendar.Event()
        item.add("uid", f"visit-{data.visit.pk}-{uid}@{site}")
        item.add("dtstamp", stamp)
        item.add("dtstart", at(day, start))
        item.add("dtend", at(day, end))
        item.add("summary", summary)
        if description:
            item.add("description", description)
        calendar.add_component(item)

    people = {i.id: i for i in data.instance.interviewees}
    for interview in sorted(data.instance.timetable.interviews, key=lambda i: i.number):
        if peer and peer not in interview.peers:
            continue
        row = data.interviews[interview.interviewee].interviewee
        who = row.name if identities else interview.interviewee
        summary = f"Interview {interview.number} – {interview.pair} – {who}"
        lines = []
        if identities:
            lines.append(", ".join(p for p in (row.name, row.role, row.organisation) if p))
        person = people[interview.interviewee]
        if person.interpreter:
            lines.append(_("Interpreter: yes"))
        if person.indicators:
            lines.append(_("Indicators: %(codes)s") % {"codes": ", ".join(person.indicators)})
        event(f"interview-{interview.number}", summary, interview.day, interview.start,
              interview.end, "\n".join(lines))
    for session in data.instance.timetable.workshops:
        workshop = data.instance.workshop(session.workshop)
        if peer and workshop and peer not in workshop.peers:
            continue
        label = workshop.label if workshop else session.workshop
        pair = " & ".join(workshop.peers) if workshop else ""
        event(f"workshop-{session.workshop}", f"{label} – {pair}".rstrip(" –"), session.day,
              session.start, session.end)
    for n, day in enumerate(data.instance.visit.days, start=1):
        for k, block in enumerate(day.blocks):
            if peer and block.peers and peer not in block.peers:
                continue
            event(f"day-{n}-block-{k}", block.title, n, block.start, block.end)
    # The zone's rules around the visit only, not fifty years of them.
    calendar.add_missing_timezones(first_date=min(dates) - dt.timedelta(days=366),
                                   last_date=max(dates) + dt.timedelta(days=366))
    return calendar.to_ical()


def timetable_pdf(html: str, *, base_url: str | None = None) -> bytes:
    import weasyprint  # big; only when a PDF is asked for

    return weasyprint.HTML(string=html, base_url=base_url).write_pdf()


def visit_result(data: VisitData) -> TimetableResult:
    """The stored plan in the method's result format, checked afresh."""
    visit = data.visit
    instance = data.instance
    status = visit.status if visit.status in (OPTIMAL, FEASIBLE, INFEASIBLE) else "unknown"
    return TimetableResult(
        status=status, method="cp-sat", timetable=instance.timetable,
        objective=None if visit.objective is None else round(visit.objective),
        bound=None if visit.bound is None else round(visit.bound),
        coverage=coverage(instance, instance.timetable),
        warnings=check_timetable(instance, instance.timetable),
        explanation=obstacles_from_dicts(visit.explanation),
        seconds=visit.solve_seconds or 0.0,
    )


def visit_json(data: VisitData, *, identities: bool) -> dict:
    out = result_to_dict(visit_result(data))
    out["visit_status"] = data.visit.status
    out["edit_count"] = data.visit.edit_count
    if not identities:
        # The explanation was written with names; the host city sees that there is one.
        out["explanation"] = [{"message": _("The team sees why."), "interviewees": [],
                               "peers": o["peers"], "workshops": o["workshops"]}
                              for o in out["explanation"]]
    return out
