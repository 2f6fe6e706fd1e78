"""A greedy baseline: how a careful planner might fill the grid by hand, one person at a time.

It exists to measure the optimiser against (``bench/timetable.py``) and to give the optimiser
a first timetable to start from. The rule:

1. Locked interviews stay; fixed workshops go at their time; every other workshop goes at the
   earliest start where its peers and participants are free.
2. Then, again and again, take the interviewee not yet met who would add most, by comparing
   in turn: being required; how many "needs more information"/"split" indicators they speak
   to that still have fewer than two interviews; how many other open indicators they speak to
   that have none; fewest places left (the hardest to fit first). Put them at the earliest
   place still free, with the pair of peers who hold the fewest interviews so far (between
   pairs equally loaded, one that has not worked together yet).
3. Stop when nobody left can be placed.

It never moves what it has placed, so it cannot make room for someone hard to fit later,
and it never weighs one person against another beyond the next step.
"""

from __future__ import annotations

import time
from collections import defaultdict

from citypeer.visits.method.checker import check_timetable, errors
from citypeer.visits.method.coverage import coverage
from citypeer.visits.method.model import (
    FEASIBLE,
    UNKNOWN,
    PlannedInterview,
    Timetable,
    TimetableResult,
    VisitInstance,
    WorkshopSession,
    number_interviews,
)
from citypeer.visits.method.objective import evaluate, weighted
from citypeer.visits.method.slots import SlotGrid


def greedy_timetable(instance: VisitInstance) -> Timetable:
    grid = SlotGrid(instance)
    peer_busy: set[tuple[int, int]] = set()  # (peer index, slot)
    person_busy: set[tuple[str, int]] = set()  # (interviewee id, slot)
    running: dict[int, int] = defaultdict(int)  # slot -> interviews and workshops
    per_day: dict[tuple[int, int], int] = defaultdict(int)  # (peer, day) -> interviews
    load = [0] * len(grid.peers)
    used_pairs: set[int] = set()
    limit = instance.visit.max_parallel
    caps = [instance.cap(p) for p in grid.peers]
    interviews: list[PlannedInterview] = []
    sessions: list[WorkshopSession] = []
    met: set[str] = set()

    def take(slots, peers, people):
        for s in slots:
            running[s] += 1
            for k in peers:
                peer_busy.add((k, s))
            for person in people:
                person_busy.add((person, s))

    def place_interview(person_id, day, start, end, slots, pair_index, locked=False):
        pair = grid.pairs[pair_index]
        take(slots, pair, [person_id])
        for k in pair:
            per_day[k, day] += 1
            load[k] += 1
        used_pairs.add(pair_index)
        met.add(person_id)
        interviews.append(PlannedInterview(person_id, day, start, end,
                                           tuple(grid.peers[k].initials for k in pair), locked))

    for locked in instance.timetable.interviews:
        if not locked.locked:
            continue
        indices = sorted(grid.peer_index.get(p, -1) for p in locked.peers)
        if tuple(indices) not in grid.pairs or locked.day not in grid.first:
            continue
        place_interview(locked.interviewee, locked.day, locked.start, locked.end,
                        grid.covered(locked.day, locked.start, locked.end),
                        grid.pairs.index(tuple(indices)), locked=True)

    for workshop in sorted(instance.workshops, key=lambda w: not w.fixed):
        peers = [grid.peer_index[p] for p in workshop.peers if p in grid.peer_index]
        for day, start, slots in grid.workshop_places(workshop):
            if all(_free(s, peers, workshop.participants, peer_busy, person_busy, running,
                         limit) for s in slots):
                take(slots, peers, workshop.participants)
                sessions.append(WorkshopSession(workshop.id, day, start,
                                                start + workshop.duration))
                break

    places = {p.id: grid.places(p) for p in instance.interviewees}
    targets = {n.indicator: n.target for n in instance.desk_review}
    heard: dict[str, int] = defaultdict(int)
    for interview in interviews:
        person = instance.interviewee(interview.interviewee)
        for code in set(person.indicators) if person else ():
            heard[code] += 1

    def fits(person_id, place):
        if any(not _free(s, (), [person_id], peer_busy, person_busy, running, limit)
               for s in place.slots):
            return []
        return [p for p in place.pairs
                if all(per_day[k, place.day] < caps[k]
                       and all((k, s) not in peer_busy for s in place.slots)
                       for k in grid.pairs[p])]

    while True:
        best = None
        for person in instance.interviewees:
            if person.id in met:
                continue
            open_places = [(place, pairs) for place in places[person.id]
                           if (pairs := fits(person.id, place))]
            if not open_places:
                continue
            codes = set(person.indicators)
            score = (
                person.required,
                sum(1 for c in codes if targets.get(c) == 2 and heard[c] < 2),
                sum(1 for c in codes if targets.get(c) == 1 and heard[c] < 1),
                -len(open_places),
            )
            if best is None or score > best[0]:
                best = (score, person, open_places)
        if best is None:
            break
        _, person, open_places = best
        place, pairs = min(open_places, key=lambda item: (item[0].day, item[0].start))
        pair = min(pairs, key=lambda p: (sum(load[k] for k in grid.pairs[p]),
                                         p in used_pairs, p))
        place_interview(person.id, place.day, place.start, place.end, place.slots, pair)
        for code in set(person.indicators):
            heard[code] += 1

    return Timetable(number_interviews(interviews), tuple(sessions))


def _free(slot, peers, people, peer_busy, person_busy, running, limit) -> bool:
    if limit is not None and running[slot] >= limit:
        return False
    return (all((k, slot) not in peer_busy for k in peers)
            and all((p, slot) not in person_busy for p in people))


def solve_greedy(instance: VisitInstance) -> TimetableResult:
    """The greedy timetable as a result; its status is "feasible" when it breaks no rule,
    "unknown" otherwise (failing to place someone proves nothing)."""
    started = time.perf_counter()
    timetable = greedy_timetable(instance)
    warnings = check_timetable(instance, timetable)
    penalties = evaluate(instance, timetable)
    return TimetableResult(
        status=UNKNOWN if errors(warnings) else FEASIBLE,
        method="greedy",
        timetable=timetable,
        objective=weighted(instance, penalties),
        penalties=penalties,
        coverage=coverage(instance, timetable),
        warnings=warnings,
        seconds=time.perf_counter() - started,
    )
