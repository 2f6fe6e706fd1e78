"""The timetable as text: the seed's grid (days as columns, hours as rows, pairs by initials),
then the status, the coverage of the desk review's indicators and the warnings."""

from __future__ import annotations

from collections import defaultdict

from citypeer.visits.method.model import (
    ERROR,
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    Timetable,
    TimetableResult,
    VisitInstance,
    hhmm,
)
from citypeer.visits.method.objective import TERMS

CELL_WIDTH = 26
STATUS_WORDS = {
    OPTIMAL: "proven optimal",
    FEASIBLE: "feasible, not proven optimal",
    INFEASIBLE: "impossible",
}
TERM_WORDS = {
    "changes": "interviews moved against the current plan",
    "needs_short": "'needs information'/'split' indicators heard in fewer than 2 interviews",
    "needs_uncovered": "'needs information'/'split' indicators heard in none",
    "questions_uncovered": "other indicators with open questions heard in none",
    "not_met": "interviewees not met",
    "load_spread": "most minus fewest interviews held by a peer",
    "pairs_unused": "pairs of peers who never hold an interview together",
    "scattered": "extra days an organisation's interviewees are spread over",
}


def _cut(text: str, width: int = CELL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_grid(instance: VisitInstance, timetable: Timetable) -> str:
    """A Markdown table: one row per slot, one column per day (more where interviews and
    workshops run in parallel), fixed blocks across their day."""
    visit = instance.visit
    step = visit.slot_minutes
    first = min(d.start for d in visit.days)
    last = max(d.end for d in visit.days)
    workshops = {w.id: w for w in instance.workshops}

    items = defaultdict(list)  # day -> (start, end, name, initials)
    for interview in timetable.interviews:
        items[interview.day].append((interview.start, interview.end,
                                     f"Interview {interview.number}", interview.pair))
    for session in timetable.workshops:
        workshop = workshops.get(session.workshop)
        items[session.day].append((session.start, session.end, f"Workshop {session.workshop}",
                                   " & ".join(workshop.peers) if workshop else ""))

    columns: list[tuple[int, dict]] = []  # (day, {row start: text})
    for number, day in enumerate(visit.days, start=1):
        tracks: list[list[tuple]] = []
        for item in sorted(items[number]):
            for track in tracks:
                if track[-1][1] <= item[0]:
                    track.append(item)
                    break
            else:
                tracks.append([item])
        wanted = len(tracks) or 1
        if visit.max_parallel and any(True for _ in _free_rows(day, step)):
            wanted = max(wanted, visit.max_parallel)
        cells = [dict() for _ in range(wanted)]
        for block in day.blocks:
            if block.peers:
                continue
            t = block.start
            while t < block.end:
                cells[0][t] = block.title if t == block.start else "…"
                t += step
        for column, track in enumerate(tracks):
            for start, end, name, initials in track:
                t = start
                while t < end:
                    cells[column][t] = f"{name} {initials}".strip() if t == start else f"… {name}"
                    t += step
        columns.extend((number, c) for c in cells)

    header = ["Time"]
    previous = None
    for number, _ in columns:
        header.append(visit.day_label(number) if number != previous else "")
        previous = number
    rows = [header, ["---"] * len(header)]
    t = first
    while t < last:
        row = [f"{hhmm(t)}-{hhmm(t + step)}"]
        row += [_cut(cells.get(t, "")) for _, cells in columns]
        rows.append(row)
        t += step
    widths = [max(len(r[c]) for r in rows) for c in range(len(header))]
    rows[1] = ["-" * w for w in widths]
    return "\n".join("| " + " | ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True))
                     + " |" for r in rows)


def _free_rows(day, step):
    t = day.start
    while t + step <= day.end:
        if not any(not b.peers and b.start < t + step and t < b.end for b in day.blocks):
            yield t
        t += step


def render_interviews(instance: VisitInstance, timetable: Timetable) -> str:
    people = {p.id: p for p in instance.interviewees}
    lines = []
    for i in sorted(timetable.interviews, key=lambda i: i.number):
        person = people.get(i.interviewee)
        who = person.name if person else i.interviewee
        detail = []
        if person is not None:
            detail = [x for x in (person.role, person.organisation) if x]
            if person.interpreter:
                detail.append(f"interpreter ({person.language})" if person.language
                              else "interpreter")
        extra = f" ({', '.join(detail)})" if detail else ""
        lock = " [locked]" if i.locked else ""
        lines.append(f"Interview {i.number:>2}  {instance.visit.day_label(i.day)} "
                     f"{hhmm(i.start)}-{hhmm(i.end)}  {i.pair:<8} {who}{extra}{lock}")
    for s in timetable.workshops:
        lines.append(f"Workshop {s.workshop}  {instance.visit.day_label(s.day)} "
                     f"{hhmm(s.start)}-{hhmm(s.end)}")
    return "\n".join(lines)


def render_result(instance: VisitInstance, result: TimetableResult) -> str:
    out = []
    if result.found:
        out += [render_grid(instance, result.timetable), "",
                render_interviews(instance, result.timetable), ""]
    status = STATUS_WORDS.get(result.status, "no answer within the time limit")
    line = f"Status: {status} ({result.method}, {result.seconds:.1f} s)"
    if result.method == "check":
        broken = sum(w.severity == ERROR for w in result.warnings)
        line = f"Check: {broken} broken rule{'' if broken == 1 else 's'}"
    if result.objective is not None:
        line += f"; objective {result.objective}"
        if result.bound is not None and result.status != OPTIMAL and result.method != "check":
            line += f", bound {result.bound}, gap {100 * (result.gap or 0):.4f} %"
    out.append(line)
    for obstacle in result.explanation:
        out.append(f"  - {obstacle.message}")
    if result.penalties is not None:
        out.append("")
        out.append("Objective, most important first:")
        for name in TERMS:
            out.append(f"  {getattr(result.penalties, name):>4}  {TERM_WORDS[name]}")
    if result.moved:
        out.append(f"Moved against the current plan: {', '.join(result.moved)}")
    if result.coverage:
        out.append("")
        twice = [c for c in result.coverage if c.target == 2]
        once = [c for c in result.coverage if c.target == 1]
        out.append(f"Coverage: {sum(c.met for c in twice)} of {len(twice)} 'needs "
                   f"information'/'split' indicators heard in 2 interviews; "
                   f"{sum(c.met for c in once)} of {len(once)} other indicators with open "
                   "questions heard")
        for c in result.coverage:
            mark = "ok" if c.met else "--"
            heard = ", ".join(str(n) for n in c.interviews) or "none"
            out.append(f"  {mark} {c.indicator:<10} {c.status:<17} {len(c.interviewees)}/"
                       f"{c.target}  interviews {heard}")
    if result.warnings:
        out.append("")
        out.append(f"Warnings ({len(result.warnings)}):")
        for w in result.warnings:
            out.append(f"  {'ERROR' if w.severity == ERROR else 'warning'}: {w.message}")
    return "\n".join(out)
