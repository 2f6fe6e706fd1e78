"""The visit's grid of slots and where each interview and workshop may go.

Shared by the optimiser and the greedy baseline (not by the checker, which reads the rules
afresh). A slot is one ``slot_minutes`` step of a day from the day's start; slots are numbered
across the whole visit so that "at the same time" is "on the same slot number".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from citypeer.visits.method.model import (
    IntervieweeToMeet,
    Interviewer,
    VisitInstance,
    Window,
    WorkshopToPlace,
)


@dataclass(frozen=True)
class Place:
    """Where an interview may go: day, start, end, the slots it covers, and the pairs (indices
    into ``SlotGrid.pairs``) that may hold it there."""

    day: int
    start: int
    end: int
    slots: tuple[int, ...]
    pairs: tuple[int, ...]


def available(windows: tuple[Window, ...] | None, day: int, start: int, end: int) -> bool:
    return windows is None or any(w.holds(day, start, end) for w in windows)


class SlotGrid:
    def __init__(self, instance: VisitInstance):
        self.instance = instance
        visit = instance.visit
        self.step = visit.slot_minutes
        self.slots: list[tuple[int, int]] = []  # slot number -> (day, start)
        self.first: dict[int, int] = {}  # day -> its first slot number
        for day_number, day in enumerate(visit.days, start=1):
            self.first[day_number] = len(self.slots)
            start = day.start
            while start + self.step <= day.end:
                self.slots.append((day_number, start))
                start += self.step
        self.peers: tuple[Interviewer, ...] = instance.peers
        self.peer_index = {p.initials: k for k, p in enumerate(self.peers)}
        self.pairs: tuple[tuple[int, int], ...] = tuple(
            itertools.combinations(range(len(self.peers)), 2))

    def starts(self, day: int, length: int) -> list[int]:
        """Starts on the day's grid where ``length`` minutes fit within its hours."""
        d = self.instance.visit.days[day - 1]
        out = []
        start = d.start
        while start + length <= d.end:
            out.append(start)
            start += self.step
        return out

    def covered(self, day: int, start: int, end: int) -> tuple[int, ...]:
        """The slot numbers [start, end) overlaps on that day."""
        d = self.instance.visit.days[day - 1]
        base = self.first[day]
        out = []
        index = max((start - d.start) // self.step, 0)
        while True:
            slot_start = d.start + index * self.step
            if slot_start >= end or slot_start + self.step > d.end:
                break
            if slot_start + self.step > start:
                out.append(base + index)
            index += 1
        return tuple(out)

    def team_blocked(self, day: int, start: int, end: int) -> bool:
        return any(not b.peers and b.start < end and start < b.end
                   for b in self.instance.visit.days[day - 1].blocks)

    def peer_free(self, peer: Interviewer, day: int, start: int, end: int) -> bool:
        if not available(peer.availability, day, start, end):
            return False
        return not any(peer.initials in b.peers and b.start < end and start < b.end
                       for b in self.instance.visit.days[day - 1].blocks)

    def speaks(self, person: IntervieweeToMeet, pair: tuple[int, int]) -> bool:
        if person.interpreter or not person.language:
            return True
        return all(person.language in self.peers[k].languages for k in pair)

    def places(self, person: IntervieweeToMeet) -> list[Place]:
        """Every place the interview with ``person`` may go, ignoring everyone else."""
        length = self.instance.interview_minutes(person)
        pairs = [p for p, pair in enumerate(self.pairs) if self.speaks(person, pair)]
        out = []
        for day in range(1, len(self.instance.visit.days) + 1):
            for start in self.starts(day, length):
                end = start + length
                if self.team_blocked(day, start, end):
                    continue
                if not available(person.availability, day, start, end):
                    continue
                free = [k for k, peer in enumerate(self.peers)
                        if self.peer_free(peer, day, start, end)]
                ok = tuple(p for p in pairs
                           if self.pairs[p][0] in free and self.pairs[p][1] in free)
                if ok:
                    out.append(Place(day, start, end, self.covered(day, start, end), ok))
        return out

    def workshop_places(self, workshop: WorkshopToPlace) -> list[tuple[int, int, tuple[int, ...]]]:
        """(day, start, slots) where the workshop may be held, ignoring interviews."""
        people = {i.id: i for i in self.instance.interviewees}
        if workshop.fixed:
            candidates = [(workshop.day, workshop.start)]
        else:
            candidates = [(day, start) for day in range(1, len(self.instance.visit.days) + 1)
                          for start in self.starts(day, workshop.duration)]
        out = []
        for day, start in candidates:
            if not 1 <= day <= len(self.instance.visit.days):
                continue
            end = start + workshop.duration
            d = self.instance.visit.days[day - 1]
            if start < d.start or end > d.end or (start - d.start) % self.step:
                continue
            if not workshop.fixed and workshop.options and not any(
                    w.holds(day, start, end) for w in workshop.options):
                continue
            if self.team_blocked(day, start, end):
                continue
            if any(b.start < end and start < b.end and set(b.peers) & set(workshop.peers)
                   for b in d.blocks):
                continue
            if not all(p in self.peer_index
                       and self.peer_free(self.peers[self.peer_index[p]], day, start, end)
                       for p in workshop.peers):
                continue
            if not all(p in people and available(people[p].availability, day, start, end)
                       for p in workshop.participants):
                continue
            out.append((day, start, self.covered(day, start, end)))
        return out
