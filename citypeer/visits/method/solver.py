"""The visit timetable optimiser: OR-Tools CP-SAT.

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

The objective is lexicographic (``citypeer.visits.method.objective``), solved as a sequence:
each term is minimised in turn, then held at its value while the next is minimised, each
solve starting from the previous timetable. A term proven optimal is held at that value; a
term the time ran out on is held at the best value found, and the result is then "feasible"
with the proven bound of that term. The combined objective and bound use the weights of the
objective module, so they compare with the greedy baseline and across runs. Sequential solves
are used instead of one weighted sum because the weights reach 10^11 on the largest visits and
the linear relaxation of such a sum is numerically useless; one term at a time keeps each
solve's bound meaningful.

When CP-SAT proves there is no timetable, ``citypeer.visits.method.explain`` finds out why.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from dataclasses import astuple, replace

from citypeer.visits.method.checker import check_timetable, coverage
from citypeer.visits.method.greedy import greedy_timetable
from citypeer.visits.method.model import (
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    UNKNOWN,
    WARNING,
    Interview,
    Obstacle,
    Penalties,
    Timetable,
    TimetableResult,
    TimetableWarning,
    VisitInstance,
    WorkshopSession,
    number_interviews,
)
from citypeer.visits.method.objective import (
    TERMS,
    organisations,
    replannable,
    upper_bounds,
    weighted,
    weights,
)
from citypeer.visits.method.slots import Grid, available

DEFAULT_TIME_LIMIT = 10.0
DEFAULT_WORKERS = 2
DAY = 24 * 60  # a start's place in the visit: day * DAY + minutes
# Share of the time left that a term may take when terms follow it: the first terms matter
# most, but the later ones must not be left with nothing.
STAGE_SHARE = 0.6


def solve_timetable(
    instance: VisitInstance,
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
    num_workers: int = DEFAULT_WORKERS,
    explain_time_limit: float = 20.0,
    random_seed: int = 0,
    log: bool = False,
) -> TimetableResult:
    """The best timetable CP-SAT finds within ``time_limit`` seconds, or why there is none.

    The instance's current plan (``instance.timetable``) is kept as far as possible: locked
    interviews do not move, and the fewest other interviews do.
    """
    started = time.perf_counter()
    deadline = started + time_limit
    model = Model(instance)
    model.build()
    model.hint(_starting_point(instance))

    bounds = astuple(upper_bounds(instance))
    # A term that cannot be above zero needs no solve; with none left, one solve still
    # finds a timetable (or proves there is none).
    stages = [name for name, bound in zip(TERMS, bounds, strict=True) if bound > 0] or [None]
    solution = None
    proven: dict[str, int] = {}
    first_open: tuple[str, int] | None = None  # the first term not proven: name, bound
    for index, name in enumerate(stages):
        left = deadline - time.perf_counter()
        if solution is not None and left <= 0.05:
            break
        last = index == len(stages) - 1
        budget = max(left if last else left * STAGE_SHARE, 0.05)
        if solution is None:
            budget = max(left, 0.05)  # without any timetable yet, everything else waits
        if name is None:
            model.m.clear_objective()
        else:
            model.m.minimize(model.terms[name])
        status, solver = model.solve(time_limit=budget, num_workers=num_workers,
                                     random_seed=random_seed)
        if status == INFEASIBLE and solution is None:
            return _impossible(instance, model, explain_time_limit, started)
        if status not in (OPTIMAL, FEASIBLE):
            break  # keep the timetable of the previous term
        solution = model.timetable(solver)
        counted = model.penalties(solver)
        model.hint_from(solver)
        if name is None:
            break
        value = round(solver.objective_value)
        if log:
            print(f"stage {name}: {status} {value} bound {solver.best_objective_bound:g} "
                  f"after {time.perf_counter() - started:.2f}s", file=sys.stderr)
        if status == OPTIMAL:
            # Proven: no timetable does better, so "equal" loses nothing and tells the
            # relaxation of the next terms more than "at most" would.
            model.m.add(model.terms[name] == value)
        else:
            model.m.add(model.terms[name] <= value)
        if status == OPTIMAL and first_open is None:
            proven[name] = value
        elif first_open is None:
            first_open = (name, round(solver.best_objective_bound))
    if solution is None:
        return TimetableResult(UNKNOWN, "cp-sat", warnings=model.notes(), explanation=(Obstacle(
            f"The solver found neither a timetable nor a proof that none exists within "
            f"{time_limit:g} seconds."),), seconds=time.perf_counter() - started)

    # The model's own count of each term; the tests check it against evaluate(), which
    # counts from the timetable alone.
    penalties = counted
    objective = weighted(instance, penalties)
    weight = dict(zip(TERMS, astuple(weights(instance)), strict=True))
    if first_open is None and all(name in proven for name in stages if name is not None):
        status, bound = OPTIMAL, objective
    else:
        status = FEASIBLE
        bound = sum(weight[name] * value for name, value in proven.items())
        if first_open is not None:
            bound += weight[first_open[0]] * max(first_open[1], 0)
    return TimetableResult(
        status=status,
        method="cp-sat",
        timetable=solution,
        objective=objective,
        bound=min(bound, objective),
        penalties=penalties,
        coverage=coverage(instance, solution),
        warnings=check_timetable(instance, solution) + model.notes(),
        moved=moved(instance, solution),
        seconds=time.perf_counter() - started,
    )


def _impossible(instance, model, explain_time_limit, started) -> TimetableResult:
    from citypeer.visits.method.explain import explain_infeasible

    explanation = explain_infeasible(instance, time_limit=explain_time_limit)
    return TimetableResult(INFEASIBLE, "cp-sat", explanation=explanation,
                           warnings=model.notes(), seconds=time.perf_counter() - started)


def replan(instance: VisitInstance, current: Timetable, **options) -> TimetableResult:
    """Re-solve after a change: ``current`` (with its locks) is the plan to keep close to."""
    return solve_timetable(replace(instance, timetable=current), **options)


def moved(instance: VisitInstance, timetable: Timetable) -> tuple[str, ...]:
    """Interviewees whose interview in the current plan is not the same in ``timetable``."""
    kept, _ = replannable(instance)
    now = {(i.interviewee, i.day, i.start, frozenset(i.peers)) for i in timetable.interviews}
    return tuple(i.interviewee for i in kept
                 if (i.interviewee, i.day, i.start, frozenset(i.peers)) not in now)


def _starting_point(instance: VisitInstance) -> Timetable:
    """The current plan when re-planning, else the greedy timetable: CP-SAT starts there."""
    if instance.timetable.interviews or instance.timetable.workshops:
        return instance.timetable
    return greedy_timetable(instance)


class Model:
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
        self.grid = Grid(instance)
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
        self._shared_rules()
        self._locks()
        if not self.relax:
            self._objective()

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

    def _shared_rules(self) -> None:
        inst, grid, m = self.instance, self.grid, self.m
        for intervals in self.peer_intervals.values():
            if len(intervals) > 1:
                m.add_no_overlap(intervals)

        # An interviewee is not interviewed during a workshop they attend.
        for (person_id, _slot), items in self.person_slots.items():
            interviews = [v for v in items if not isinstance(v, tuple)]
            for workshop_id, wvar in (v for v in items if isinstance(v, tuple)):
                if not interviews:
                    continue
                if self.relax:
                    m.add(sum(interviews) + wvar <= 1).only_enforce_if(
                        self.group("workshop_participant", workshop_id, person_id))
                else:
                    m.add(sum(interviews) + wvar <= 1)

        limit = inst.visit.max_parallel
        if limit is not None:
            for items in self.running.values():
                if len(items) > limit:
                    constraint = m.add(sum(c * v for c, v in items) <= limit)
                    if self.relax:
                        constraint.only_enforce_if(self.group("parallel"))
            if not self.relax:
                # Redundant with the slots above; its propagation finds gaps sooner.
                m.add_cumulative(self.presence, [1] * len(self.presence), limit)

        for n, _person in enumerate(self.people):
            for k, zvar in self.z[n].items():
                for day in range(1, len(inst.visit.days) + 1):
                    day_vars = self.on_day[n, day]
                    if day_vars:
                        both = m.new_bool_var(f"q_{n}_{k}_{day}")
                        m.add(both >= zvar + sum(day_vars) - 1)
                        self.per_day[k, day].append(both)
        for (k, _day), items in self.per_day.items():
            cap = inst.cap(grid.peers[k])
            if len(items) > cap:
                constraint = m.add(sum(items) <= cap)
                if self.relax:
                    constraint.only_enforce_if(self.group("cap", grid.peers[k].initials))

        if not self.relax:
            self._redundant_capacity()

    def _redundant_capacity(self) -> None:
        """Per slot, two peers per interview: at most half the free peers are interviewing.
        Implied by the peers' no-overlap, but stated per slot it gives the linear relaxation
        the bound that decides how many people can be met."""
        inst, grid, m = self.instance, self.grid, self.m
        for s, items in self.peer_need.items():
            day, start = grid.slots[s]
            end = start + grid.step
            free = sum(1 for peer in grid.peers if grid.peer_free(peer, day, start, end))
            if sum(c for c, _ in items) > free:
                m.add(sum(c * v for c, v in items) <= free)
        for day in range(1, len(inst.visit.days) + 1):
            items = [v for n in range(len(self.people)) for v in self.on_day[n, day]]
            room = sum(inst.cap(p) for p in grid.peers)
            if 2 * len(items) > room:
                m.add(2 * sum(items) <= room)

    def _locks(self) -> None:
        m = self.m
        for interview in self.instance.timetable.interviews:
            if not interview.locked:
                continue
            n = self.index.get(interview.interviewee)
            yvar = None if n is None else next(
                (v for v, d, s, _e, _sl in self.y[n] if (d, s) == (interview.day,
                                                                  interview.start)), None)
            peers = [self.grid.peer_index.get(p) for p in interview.peers]
            zvars = [self.z[n].get(k) for k in peers] if n is not None else [None]
            if yvar is None or any(v is None for v in zvars) or len(set(peers)) != 2:
                # Not a place the rules allow: no timetable keeps this lock.
                if self.relax:
                    m.add_bool_or([self.group("locked", interview.interviewee).Not()])
                else:
                    m.add_bool_or([])
                continue
            for var in (yvar, *zvars):
                if self.relax:
                    m.add(var == 1).only_enforce_if(self.group("locked", interview.interviewee))
                else:
                    m.add(var == 1)

    # -- objective -----------------------------------------------------------------------------

    def _objective(self) -> None:
        inst, grid, m = self.instance, self.grid, self.m
        speakers = defaultdict(list)
        for n, person in enumerate(self.people):
            for code in dict.fromkeys(person.indicators):
                speakers[code].append(self.met[n])
        twice, once, asked = [], [], []
        for need in inst.desk_review:
            heard = speakers.get(need.indicator, [])
            if need.target == 2:
                t2 = m.new_bool_var(f"twice_{need.indicator}")
                t1 = m.new_bool_var(f"once_{need.indicator}")
                m.add(2 * t2 <= sum(heard))
                m.add(t1 <= sum(heard))
                twice.append(t2)
                once.append(t1)
            elif need.target == 1:
                t1 = m.new_bool_var(f"asked_{need.indicator}")
                m.add(t1 <= sum(heard))
                asked.append(t1)
        terms = self.terms
        terms["needs_short"] = len(twice) - sum(twice)
        terms["needs_uncovered"] = len(once) - sum(once)
        terms["questions_uncovered"] = len(asked) - sum(asked)
        terms["not_met"] = len(self.met) - sum(self.met)

        top = upper_bounds(inst).load_spread
        high = m.new_int_var(0, top, "load_high")
        low = m.new_int_var(0, top, "load_low")
        for k in range(len(grid.peers)):
            load = m.new_int_var(0, top, f"load_{k}")
            m.add(load == sum(z[k] for z in self.z if k in z))
            m.add(high >= load)
            m.add(low <= load)
        terms["load_spread"] = high - low

        together = defaultdict(list)
        for n, zs in enumerate(self.z):
            peers = sorted(zs)
            pairs = []
            for a_pos, a in enumerate(peers):
                for b in peers[a_pos + 1:]:
                    both = m.new_bool_var(f"pair_{n}_{a}_{b}")
                    m.add_implication(both, zs[a])
                    m.add_implication(both, zs[b])
                    together[a, b].append(both)
                    pairs.append(both)
            if pairs:
                # One pair per interview: without this the relaxation counts one interview
                # as up to all its pairs and proves nothing about rotation.
                m.add(sum(pairs) <= self.met[n])
        used = []
        for key, items in together.items():
            u = m.new_bool_var(f"pair_{key[0]}_{key[1]}")
            m.add(u <= sum(items))
            used.append(u)
        if used:
            # Each interview brings one pair: stated outright, this bound survives presolve.
            m.add(sum(used) <= sum(self.met))
        terms["pairs_unused"] = len(grid.pairs) - sum(used)

        scattered = []
        for key, ids in organisations(inst).items():
            day_vars = []
            for day in range(1, len(inst.visit.days) + 1):
                groups = [self.on_day[self.index[pid], day] for pid in ids
                          if self.on_day[self.index[pid], day]]
                if not groups:
                    continue
                u = m.new_bool_var(f"org_{key}_{day}")
                for group in groups:
                    m.add(u >= sum(group))
                day_vars.append(u)
            if len(day_vars) > 1:
                any_day = m.new_bool_var(f"org_{key}")
                m.add(any_day <= sum(day_vars))
                scattered.append(sum(day_vars) - any_day)
        terms["scattered"] = sum(scattered)

        kept, sessions = replannable(inst)
        changes = []
        for interview in kept:
            n = self.index[interview.interviewee]
            yvar = next((v for v, d, s, _e, _sl in self.y[n]
                         if (d, s) == (interview.day, interview.start)), None)
            zvars = [self.z[n].get(self.grid.peer_index.get(p, -1)) for p in interview.peers]
            if (yvar is None or any(v is None for v in zvars)
                    or len(set(interview.peers)) != 2):
                changes.append(1)
                continue
            same = m.new_bool_var(f"same_{n}")
            for var in (yvar, *zvars):
                m.add_implication(same, var)
            changes.append(1 - same)
        workshop_index = {w.id: n for n, w in enumerate(inst.workshops)}
        for session in sessions:
            var = next((v for v, d, s, _ in self.w[workshop_index[session.workshop]]
                        if (d, s) == (session.day, session.start)), None)
            changes.append(1 if var is None else 1 - var)
        terms["changes"] = sum(changes)

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
                interviews.append(Interview(person.id, day, start, end, pair,
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
