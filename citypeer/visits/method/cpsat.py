"""The CP-SAT model of a visit (OR-Tools): what the optimiser solves and what the
explanation of an impossible visit relaxes.

The model, per interviewee: one Boolean per place their interview may start (``y``), one per
peer who may hold it (``z``, exactly two when the interview is held) and the start as an integer
linked to the chosen place. The rules:

- an interviewee has at most one interview (exactly one when required), held by two peers;
- interviewees only when available; no interview during a fixed block or break; peers only
  when available and not in a block of their own; both peers speak the interviewee's language
  unless there is an interpreter (places and peers that break these get no variable);
- a peer is in one place at a time: per peer, no two of their interviews and workshops overlap
  (CP-SAT's no-overlap on optional intervals);
- an interviewee is in one place at a time: not interviewed during a workshop they attend;
- at most ``max_parallel`` interviews and workshops in each slot;
- a peer holds at most their number of interviews a day;
- every workshop once, at its fixed time or at a start chosen within its options;
- locked interviews stay where they are, with the same pair.

Placing interviews on the grid of slots (rather than choosing a pair per place) keeps the
model small and its linear relaxation strong: per slot the count of interviews is bounded by
the parallel limit and by half the free peers, which is what decides how many people can be
met. The peers' no-overlap is then left to CP-SAT's scheduling propagation.

This module makes the variables of each interview and workshop and reads a solution back;
the rules across them are ``citypeer.visits.method.constraints``'s, the objective's terms
``citypeer.visits.method.objective``'s.
"""

from __future__ import annotations

from collections import defaultdict

from citypeer.visits.method.constraints import locks, shared_rules
from citypeer.visits.method.model import (
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    UNKNOWN,
    WARNING,
    Penalties,
    PlannedInterview,
    Timetable,
    TimetableWarning,
    VisitInstance,
    WorkshopSession,
    number_interviews,
)
from citypeer.visits.method.objective import TERMS, add_terms
from citypeer.visits.method.slots import SlotGrid, available

DAY = 24 * 60  # a start's place in the visit: day * DAY + minutes


class TimetableModel:
    """The CP-SAT model of a visit.

    With ``relax=True`` (used to explain an impossible visit) every rule that could make the
    visit impossible is tied to a literal of ``groups`` instead of being built in: places and
    peers that break a rule exist, and choosing them falsifies that rule's literal. Solving
    with all literals assumed true is the visit itself; leaving one out lifts that rule.
    Interviewees who are neither required nor locked are left out then, since they can
    always go unmet.
    """

    def __init__(self, instance: VisitInstance, *, relax: bool = False):
        from ortools.sat.python import cp_model  # OR-Tools is big: import it when solving

        self.cp_model = cp_model
        self.instance = instance
        self.relax = relax
        self.grid = SlotGrid(instance)
        self.m = cp_model.CpModel()
        self.groups: dict[tuple, object] = {}
        self.people = [p for p in instance.interviewees if not relax or p.required
                       or any(i.locked and i.interviewee == p.id
                              for i in instance.timetable.interviews)]
        self.index = {p.id: n for n, p in enumerate(self.people)}
        # per interviewee: [(var, day, start, end, slots)], {peer index: var}, start, met
        self.y: list[list[tuple]] = []
        self.z: list[dict[int, object]] = []
        self.start: list[object] = []
        self.met: list[object] = []
        self.w: list[list[tuple]] = []  # per workshop: [(var, day, start, slots)]
        self.terms: dict[str, object] = {}
        self.impossible: list[str] = []

    def group(self, *key):
        """The literal of a rule group (relax mode only)."""
        if key not in self.groups:
            self.groups[key] = self.m.new_bool_var("rule_" + "_".join(map(str, key)))
        return self.groups[key]

    def forbid(self, literals, *groups) -> None:
        """Not all of ``literals`` together, unless one of ``groups`` is lifted."""
        self.m.add_bool_or([lit.Not() for lit in literals]
                           + [self.group(*g).Not() for g in groups])

    # -- building ------------------------------------------------------------------------------

    def build(self) -> None:
        self.running = defaultdict(list)  # slot -> [(coefficient, var)] interviews, workshops
        self.peer_need = defaultdict(list)  # slot -> [(peers needed, var)]
        self.person_slots = defaultdict(list)  # (interviewee id, slot) -> vars
        self.on_day = defaultdict(list)  # (interviewee index, day) -> vars
        self.peer_intervals = defaultdict(list)  # peer index -> intervals
        self.presence = []  # every interview's and workshop's interval, for the cumulative
        self.per_day = defaultdict(list)  # (peer index, day) -> "holds this interview that day"

        for n, person in enumerate(self.people):
            self._interviewee(n, person)
        self._workshops()
        shared_rules(self)
        locks(self)
        if not self.relax:
            add_terms(self)

    def _places(self, person):
        """(day, start, end, slots, rule groups broken, free peers) per possible start."""
        grid, inst = self.grid, self.instance
        length = inst.interview_minutes(person)
        out = []
        if not self.relax:
            for place in grid.places(person):
                free = sorted({k for p in place.pairs for k in grid.pairs[p]})
                out.append((place.day, place.start, place.end, place.slots, (), free, {}))
            return out
        for day in range(1, len(inst.visit.days) + 1):
            blocks = inst.visit.days[day - 1].blocks
            for start in grid.starts(day, length):
                end = start + length
                broken = []
                if not available(person.availability, day, start, end):
                    broken.append(("availability", person.id))
                for b, block in enumerate(blocks):
                    if not block.peers and block.start < end and start < block.end:
                        broken.append(("block", day, b))
                peer_rules = {}  # peer index -> groups that keep them away
                for k, peer in enumerate(grid.peers):
                    rules = []
                    if not available(peer.availability, day, start, end):
                        rules.append(("peer_availability", peer.initials))
                    for b, block in enumerate(blocks):
                        if (peer.initials in block.peers and block.start < end
                                and start < block.end):
                            rules.append(("block", day, b))
                    if rules:
                        peer_rules[k] = rules
                out.append((day, start, end, grid.covered(day, start, end), tuple(broken),
                            list(range(len(grid.peers))), peer_rules))
        return out

    def _interviewee(self, n: int, person) -> None:
        inst, grid, m = self.instance, self.grid, self.m
        places = self._places(person)
        ys = []
        for day, start, end, slots, broken, _free, _rules in places:
            var = m.new_bool_var(f"y_{n}_{day}_{start}")
            ys.append((var, day, start, end, slots))
            for rule in broken:
                self.forbid([var], rule)
            for s in slots:
                self.running[s].append((1, var))
                self.peer_need[s].append((2, var))
                self.person_slots[person.id, s].append(var)
            self.on_day[n, day].append(var)
        self.y.append(ys)
        met = m.new_bool_var(f"met_{n}")
        self.met.append(met)
        m.add(sum(v for v, *_ in ys) == met)
        if not ys:
            self.impossible.append(person.id)
        if person.required:
            if self.relax:
                m.add(met == 1).only_enforce_if(self.group("required", person.id))
            else:
                m.add(met == 1)

        speaks = [k for k, _ in enumerate(grid.peers) if grid.speaks(person, (k, k))]
        if self.relax:
            eligible = list(range(len(grid.peers)))
        else:
            eligible = sorted({k for *_, free, _r in places for k in free} & set(speaks))
        zs = {k: m.new_bool_var(f"z_{n}_{k}") for k in eligible}
        self.z.append(zs)
        m.add(sum(zs.values()) == 2 * met)
        if self.relax:
            for k, var in zs.items():
                if k not in speaks:
                    self.forbid([var], ("language", person.id))
        for (yvar, *_), (*_, free, peer_rules) in zip(ys, places, strict=True):
            for k, zvar in zs.items():
                if self.relax:
                    for rule in peer_rules.get(k, ()):
                        self.forbid([yvar, zvar], rule)
                elif k not in free:
                    self.forbid([yvar, zvar])

        times = [day * DAY + start for _v, day, start, _e, _s in ys] or [0]
        start = m.new_int_var_from_domain(self.cp_model.Domain.from_values(sorted(set(times))),
                                          f"start_{n}")
        self.start.append(start)
        if ys:
            m.add(start == sum((day * DAY + s) * v for v, day, s, _e, _sl in ys)
                  ).only_enforce_if(met)
        length = inst.interview_minutes(person)
        for k, zvar in zs.items():
            self.peer_intervals[k].append(
                m.new_optional_fixed_size_interval_var(start, length, zvar, f"iv_{n}_{k}"))
        self.presence.append(
            m.new_optional_fixed_size_interval_var(start, length, met, f"interview_{n}"))

    def _workshop_places(self, workshop):
        """(day, start, slots, rule groups broken) per possible start of the workshop."""
        grid, inst = self.grid, self.instance
        if not self.relax:
            return [(day, start, slots, ()) for day, start, slots
                    in grid.workshop_places(workshop)]
        people = {p.id: p for p in inst.interviewees}
        out = []
        for day in range(1, len(inst.visit.days) + 1):
            blocks = inst.visit.days[day - 1].blocks
            for start in grid.starts(day, workshop.duration):
                end = start + workshop.duration
                broken = []
                if workshop.fixed and (day, start) != (workshop.day, workshop.start):
                    broken.append(("workshop_time", workshop.id))
                if (not workshop.fixed and workshop.options
                        and not any(w.holds(day, start, end) for w in workshop.options)):
                    broken.append(("workshop_time", workshop.id))
                for b, block in enumerate(blocks):
                    if block.start < end and start < block.end and (
                            not block.peers or set(block.peers) & set(workshop.peers)):
                        broken.append(("block", day, b))
                for initials in workshop.peers:
                    peer = grid.peers[grid.peer_index[initials]]
                    if not available(peer.availability, day, start, end):
                        broken.append(("workshop_peer", workshop.id, initials))
                for person_id in workshop.participants:
                    if not available(people[person_id].availability, day, start, end):
                        broken.append(("workshop_participant", workshop.id, person_id))
                out.append((day, start, grid.covered(day, start, end), tuple(broken)))
        return out

    def _workshops(self) -> None:
        m, grid = self.m, self.grid
        for workshop in self.instance.workshops:
            places = []
            for day, start, slots, broken in self._workshop_places(workshop):
                var = m.new_bool_var(f"w_{workshop.id}_{day}_{start}")
                places.append((var, day, start, slots))
                for rule in broken:
                    self.forbid([var], rule)
                for s in slots:
                    self.running[s].append((1, var))
                    self.peer_need[s].append((len(workshop.peers), var))
                    for person_id in workshop.participants:
                        self.person_slots[person_id, s].append((workshop.id, var))
            self.w.append(places)
            m.add_exactly_one([p[0] for p in places])
            times = [day * DAY + start for _v, day, start, _s in places] or [0]
            start = m.new_int_var_from_domain(
                self.cp_model.Domain.from_values(sorted(set(times))), f"ws_{workshop.id}")
            if places:
                m.add(start == sum((day * DAY + s) * v for v, day, s, _sl in places))
            shared = m.new_fixed_size_interval_var(start, workshop.duration,
                                                   f"workshop_{workshop.id}")
            self.presence.append(shared)
            for initials in workshop.peers:
                k = grid.peer_index.get(initials)
                if k is None:
                    continue  # a peer not on the team: the workshop has no place at all
                if self.relax:
                    self.peer_intervals[k].append(m.new_optional_fixed_size_interval_var(
                        start, workshop.duration, self.group("workshop_peer", workshop.id,
                                                             initials),
                        f"workshop_{workshop.id}_{initials}"))
                else:
                    self.peer_intervals[k].append(shared)

    # -- solving -------------------------------------------------------------------------------

    def penalties(self, solver) -> Penalties:
        def value(term):
            return term if isinstance(term, int) else int(solver.value(term))

        return Penalties(**{name: value(self.terms.get(name, 0)) for name in TERMS})

    def decision_vars(self):
        for ys in self.y:
            yield from (v for v, *_ in ys)
        for zs in self.z:
            yield from zs.values()
        yield from self.start
        for places in self.w:
            yield from (v for v, *_ in places)

    def hint(self, timetable: Timetable) -> None:
        wanted = {i.interviewee: i for i in timetable.interviews}
        for n, person in enumerate(self.people):
            planned = wanted.get(person.id)
            for var, day, start, _e, _s in self.y[n]:
                self.m.add_hint(var, planned is not None and (day, start) == (planned.day,
                                                                              planned.start))
            peers = {self.grid.peer_index.get(p) for p in planned.peers} if planned else set()
            for k, var in self.z[n].items():
                self.m.add_hint(var, k in peers)
        sessions = {(s.workshop, s.day, s.start) for s in timetable.workshops}
        for workshop, places in zip(self.instance.workshops, self.w, strict=True):
            for var, day, start, _slots in places:
                self.m.add_hint(var, (workshop.id, day, start) in sessions)

    def hint_from(self, solver) -> None:
        self.m.clear_hints()
        for var in self.decision_vars():
            self.m.add_hint(var, solver.value(var))

    def solve(self, *, time_limit: float, num_workers: int, random_seed: int = 0,
              log: bool = False, assumptions=None):
        cp_model = self.cp_model
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
        solver.parameters.num_workers = num_workers
        solver.parameters.random_seed = random_seed
        solver.parameters.log_search_progress = log
        self.m.clear_assumptions()
        if assumptions is not None:
            self.m.add_assumptions(assumptions)
        code = solver.solve(self.m)
        status = {cp_model.OPTIMAL: OPTIMAL, cp_model.FEASIBLE: FEASIBLE,
                  cp_model.INFEASIBLE: INFEASIBLE, cp_model.UNKNOWN: UNKNOWN}.get(code)
        if status is None:
            raise RuntimeError(f"CP-SAT rejected the timetable model (status {code})")
        return status, solver

    def timetable(self, solver) -> Timetable:
        locked = {i.interviewee for i in self.instance.timetable.interviews if i.locked}
        interviews = []
        for n, person in enumerate(self.people):
            for _var, day, start, end, _s in (c for c in self.y[n] if solver.value(c[0])):
                pair = tuple(self.grid.peers[k].initials
                             for k, z in sorted(self.z[n].items()) if solver.value(z))
                interviews.append(PlannedInterview(person.id, day, start, end, pair,
                                                   person.id in locked))
        sessions = []
        for workshop, places in zip(self.instance.workshops, self.w, strict=True):
            for var, day, start, _slots in places:
                if solver.value(var):
                    sessions.append(WorkshopSession(workshop.id, day, start,
                                                    start + workshop.duration))
        return Timetable(number_interviews(interviews), tuple(sessions))

    def notes(self) -> tuple[TimetableWarning, ...]:
        """Interviewees who cannot be met anywhere, whoever else is met."""
        out = []
        for person_id in self.impossible:
            person = self.instance.interviewee(person_id)
            if person.required:
                continue  # the explanation says why
            out.append(TimetableWarning(
                "cannot_meet", WARNING,
                f"'{person.name}' cannot be met at any time the rules allow: no time when they "
                "are available has two free peers who can hold the interview.",
                interviewee=person_id))
        return tuple(out)
