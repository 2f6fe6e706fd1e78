"""The timetable as the seed draws it: days as columns, hours as rows, pairs by initials,
fixed blocks in their place. Pages and the printable timetable render this."""

from __future__ import annotations

from dataclasses import dataclass, field

from citypeer.visits.domain.instance import VisitData
from citypeer.visits.method.model import hhmm


@dataclass
class GridItem:
    kind: str  # "interview", "workshop" or a block kind (team, host, break, travel)
    title: str
    start: int
    end: int
    first: bool  # this row is where it starts
    number: int | None = None
    pair: str = ""
    person: str = ""  # the interviewee's name, or their reference for those who may not know
    reference: str = ""
    locked: bool = False
    interpreter: bool = False
    flagged: bool = False  # the checker found a broken rule about it

    @property
    def time(self) -> str:
        return f"{hhmm(self.start)}–{hhmm(self.end)}"


@dataclass
class GridCell:
    day: int
    items: list[GridItem] = field(default_factory=list)
    closed: bool = False  # outside the day's hours


@dataclass
class GridRow:
    time: str
    end: str
    cells: list[GridCell]


@dataclass
class TimetableGrid:
    days: list[dict]  # {number, label, date}
    rows: list[GridRow]


def timetable_grid(data: VisitData, *, identities: bool,
                   flagged=frozenset()) -> TimetableGrid:
    visit = data.instance.visit
    slot = visit.slot_minutes
    first = min(d.start for d in visit.days)
    last = max(d.end for d in visit.days)
    by_ref = {i.id: i for i in data.instance.interviewees}
    activities: list[tuple[int, GridItem]] = []
    for n, day in enumerate(visit.days, start=1):
        for block in day.blocks:
            title = block.title + (f" ({', '.join(block.peers)})" if block.peers else "")
            activities.append((n, GridItem(block.kind, title, block.start, block.end, True)))
    for interview in data.instance.timetable.interviews:
        row = data.interviews.get(interview.interviewee)
        person = by_ref.get(interview.interviewee)
        name = (row.interviewee.name if identities and row else interview.interviewee)
        activities.append((interview.day, GridItem(
            "interview", f"Interview {interview.number}", interview.start, interview.end, True,
            number=interview.number, pair=interview.pair, person=name,
            reference=interview.interviewee, locked=interview.locked,
            interpreter=bool(person and person.interpreter),
            flagged=interview.number in flagged)))
    for session in data.instance.timetable.workshops:
        workshop = data.instance.workshop(session.workshop)
        label = workshop.label if workshop else session.workshop
        activities.append((session.day, GridItem(
            "workshop", label, session.start, session.end, True,
            pair=" & ".join(workshop.peers) if workshop else "")))
    rows = []
    for time in range(first, last, slot):
        cells = []
        for n, day in enumerate(visit.days, start=1):
            cell = GridCell(n, closed=not (day.start <= time < day.end))
            for when, item in activities:
                if when == n and item.start < time + slot and time < item.end:
                    first_row = item.start >= time
                    cell.items.append(item if first_row else GridItem(
                        **{**item.__dict__, "first": False}))
            cell.items.sort(key=lambda i: (i.kind == "interview", i.number or 0))
            cells.append(cell)
        rows.append(GridRow(hhmm(time), hhmm(time + slot), cells))
    days = [{"number": n, "label": day.label or f"Day {n}", "date": day.date}
            for n, day in enumerate(visit.days, start=1)]
    return TimetableGrid(days, rows)


def interview_lines(data: VisitData, *, identities: bool) -> list[dict]:
    """The interviews in number order, one line each, as the printable timetable lists them."""
    visit = data.instance.visit
    return [
        {"number": i.number, "day": visit.day_label(i.day),
         "time": f"{hhmm(i.start)}–{hhmm(i.end)}", "pair": i.pair,
         "name": data.interviews[i.interviewee].interviewee.name if identities
         else i.interviewee}
        for i in sorted(data.instance.timetable.interviews, key=lambda i: i.number)
    ]
