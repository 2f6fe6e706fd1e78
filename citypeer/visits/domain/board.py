"""What the timetable page shows around the grid: the checker's warnings, each interview with
where it is and the places it may move to, and each peer's interviews per day."""

from __future__ import annotations

from dataclasses import dataclass

from citypeer.visits.domain.instance import VisitData
from citypeer.visits.domain.plan import Check, check_plan
from citypeer.visits.method import PlannedInterview
from citypeer.visits.method.model import hhmm


@dataclass(frozen=True)
class BoardRow:
    interview: PlannedInterview
    when: str  # "Day 2 09:00–10:00"
    row: object  # the visits.Interview
    held: bool  # evidence cites it


@dataclass(frozen=True)
class PeerLoad:
    initials: str
    per_day: list[int]
    total: int


@dataclass(frozen=True)
class Board:
    check: Check
    flagged: set[int]  # numbers of interviews that break a rule
    days: list[tuple[int, str]]  # (number, label)
    times: list[str]  # every start on the days' grids, HH:MM
    peers: list[str]  # initials
    rows: list[BoardRow]  # by number
    loads: list[PeerLoad]


def timetable_board(data: VisitData) -> Board:
    check = check_plan(data)
    flagged = {w.interview for w in check.warnings if w.severity == "error" and w.interview}
    frame = data.instance.visit
    days = [(n, d.label or f"Day {n}") for n, d in enumerate(frame.days, start=1)]
    times = sorted({hhmm(t) for d in frame.days
                    for t in range(d.start, d.end, frame.slot_minutes)})
    peers = sorted(data.peers)
    interviews = sorted(data.instance.timetable.interviews, key=lambda i: i.number)
    rows = []
    for interview in interviews:
        when = (f"{days[interview.day - 1][1]} {hhmm(interview.start)}–{hhmm(interview.end)}"
                if 1 <= interview.day <= len(days) else "?")
        row = data.interviews[interview.interviewee]
        rows.append(BoardRow(interview, when, row, row.pk in data.held))
    loads = []
    for initials in peers:
        per_day = [sum(1 for i in interviews if initials in i.peers and i.day == n)
                   for n, _label in days]
        loads.append(PeerLoad(initials, per_day, sum(per_day)))
    return Board(check, flagged, days, times, peers, rows, loads)


def gap(visit) -> float | None:
    """How far the stored plan may be from the proven bound (0 when proven optimal)."""
    if visit.objective is None or visit.bound is None:
        return None
    return abs(visit.objective - visit.bound) / max(1, abs(visit.objective))
