"""The CP-SAT model of the team suggestion: one yes/no variable per candidate and host city,
the hard rules (any of which may be lifted, for every host city or for one, to find out which
rule makes a programme impossible) and the objective.

Among the suggestions that keep every rule, the solver prefers, in this order of weight:
not putting together again two peers who have worked together before (in an earlier
programme or already in this one), an even load (the sum of the squares of each peer's number
of reviews is as small as possible), and peers who speak the host's languages, the first one
listed (its main language) most.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from citypeer.teams.method.problem import (
    CONFLICTS,
    CURRENT_MEMBERS,
    DIFFERENT_CITIES,
    FEASIBLE,
    HOST_LANGUAGE,
    INFEASIBLE,
    OPTIMAL,
    OWN_CITY,
    REVIEWS_PER_PEER,
    SHARED_LANGUAGE,
    UNKNOWN,
    Candidate,
    TeamProblem,
    capacity,
    eligible_peers,
)

# Objective weights; see the module docstring for why this order.
WEIGHT_PAIR_AGAIN = 10
WEIGHT_LOAD = 4
WEIGHT_NO_HOST_LANGUAGE = 3
WEIGHT_NOT_MAIN_LANGUAGE = 1


@dataclass(frozen=True)
class SolveOptions:
    lifted: frozenset[str] = frozenset()  # rules lifted for every host city
    lifted_at: frozenset[tuple[str, int]] = frozenset()  # (rule, host id)
    max_reviews: int | None = None  # instead of the problem's
    fill: bool = False  # teams of at most team_size, as many places filled as possible

    def lifts(self, rule: str, host_id: int | None = None) -> bool:
        return rule in self.lifted or (rule, host_id) in self.lifted_at


@dataclass
class Solved:
    status: str
    teams: dict[int, list[int]] = field(default_factory=dict)
    languages: dict[int, str] = field(default_factory=dict)
    filled: int = 0


def solve(problem: TeamProblem, options: SolveOptions, *, optimise: bool,
          time_limit: float) -> Solved:
    # OR-Tools is big: import it only when teams are actually suggested.
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    hosts, peers = problem.hosts, problem.peers
    size = problem.team_size
    x = {(p.id, h.id): m.new_bool_var(f"x_{p.id}_{h.id}") for p in peers for h in hosts}

    def forbid(p_id: int, h_id: int) -> None:
        m.add(x[p_id, h_id] == 0)

    by_city: dict[int, list[Candidate]] = defaultdict(list)
    for p in peers:
        by_city[p.city_id].append(p)
    languages = sorted({lang for p in peers for lang in p.languages})
    team_language: dict[tuple[int, str], object] = {}

    for h in hosts:
        members = [x[p.id, h.id] for p in peers]
        if options.fill:
            m.add(sum(members) <= size)
        else:
            m.add(sum(members) == size)
        if not options.lifts(CURRENT_MEMBERS, h.id):
            for pid in h.members:
                m.add(x[pid, h.id] == 1)
        if not options.lifts(OWN_CITY, h.id):
            for p in by_city.get(h.id, []):
                forbid(p.id, h.id)
        if not options.lifts(DIFFERENT_CITIES, h.id):
            for same_city in by_city.values():
                if len(same_city) > 1:
                    m.add(sum(x[p.id, h.id] for p in same_city) <= 1)
        if not options.lifts(SHARED_LANGUAGE, h.id):
            if not languages:
                for p in peers:
                    forbid(p.id, h.id)
            else:
                chosen = [m.new_bool_var(f"lang_{h.id}_{lang}") for lang in languages]
                m.add_exactly_one(chosen)
                for lang, c in zip(languages, chosen, strict=True):
                    team_language[h.id, lang] = c
                    for p in peers:
                        if lang not in p.languages:
                            m.add_bool_or([c.Not(), x[p.id, h.id].Not()])
        if h.languages and not options.lifts(HOST_LANGUAGE, h.id):
            speakers = [x[p.id, h.id] for p in peers if set(p.languages) & set(h.languages)]
            if options.fill:
                # An empty team needs no speaker; any member needs one beside them.
                for p in peers:
                    if speakers:
                        m.add(sum(speakers) >= x[p.id, h.id])
                    else:
                        forbid(p.id, h.id)
            elif speakers:
                m.add(sum(speakers) >= 1)
            else:
                for p in peers:
                    forbid(p.id, h.id)
    if not options.lifts(CONFLICTS):
        host_ids = {h.id for h in hosts}
        peer_ids = {p.id for p in peers}
        for c in problem.conflicts:
            if (c.city_id in host_ids and c.peer_id in peer_ids
                    and not options.lifts(CONFLICTS, c.city_id)):
                forbid(c.peer_id, c.city_id)
    if not options.lifts(REVIEWS_PER_PEER):
        cap = options.max_reviews or problem.max_reviews_per_peer
        for p in peers:
            m.add(sum(x[p.id, h.id] for h in hosts) <= cap)
            if p.may_take is not None:
                new = [x[p.id, h.id] for h in hosts if p.id not in h.members]
                if new:
                    m.add(sum(new) <= p.may_take)

    if options.fill:
        m.maximize(sum(x.values()))
    elif optimise:
        m.minimize(objective(m, problem, x))

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
    # One worker: the same programme gives the same suggestion every time.
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    code = solver.solve(m)
    status = {
        cp_model.OPTIMAL: OPTIMAL, cp_model.FEASIBLE: FEASIBLE,
        cp_model.INFEASIBLE: INFEASIBLE, cp_model.UNKNOWN: UNKNOWN,
    }.get(code)
    if status is None:
        raise RuntimeError(f"CP-SAT rejected the team model (status {code})")
    solved = Solved(status)
    if status in (OPTIMAL, FEASIBLE):
        for h in hosts:
            solved.teams[h.id] = [p.id for p in peers if solver.value(x[p.id, h.id])]
            solved.filled += len(solved.teams[h.id])
            solved.languages[h.id] = next(
                (lang for lang in languages
                 if (h.id, lang) in team_language and solver.value(team_language[h.id, lang])),
                "",
            )
    return solved


def objective(m, problem: TeamProblem, x) -> object:
    hosts, peers = problem.hosts, problem.peers
    terms = []
    # Even load: a peer's k-th review costs 2k-1, so a load of n costs n².
    cap = problem.max_reviews_per_peer
    for p in peers:
        steps = [m.new_bool_var(f"load_{p.id}_{k}") for k in range(1, cap + 1)]
        for a, b in itertools.pairwise(steps):
            m.add_implication(b, a)
        m.add(sum(steps) == sum(x[p.id, h.id] for h in hosts))
        terms.extend(WEIGHT_LOAD * (2 * k - 1) * s for k, s in enumerate(steps, start=1))
    # Host languages: members who speak none cost most, those without the main one a little.
    for h in hosts:
        if not h.languages:
            continue
        for p in peers:
            if not set(p.languages) & set(h.languages):
                terms.append(WEIGHT_NO_HOST_LANGUAGE * x[p.id, h.id])
            elif h.languages[0] not in p.languages:
                terms.append(WEIGHT_NOT_MAIN_LANGUAGE * x[p.id, h.id])
    # Pairs: together again after an earlier programme, or on two teams of this one.
    eligible = {h.id: {p.id for p in eligible_peers(problem, h)} | set(h.members) for h in hosts}
    city = {p.id: p.city_id for p in peers}
    caps = {p.id: capacity(problem, p) for p in peers}
    for a, b in itertools.combinations([p.id for p in peers], 2):
        if city[a] == city[b]:
            continue  # never on one team
        before = frozenset((a, b)) in problem.worked_together
        twice = caps[a] >= 2 and caps[b] >= 2
        if not (before or twice):
            continue
        together = []
        for h in hosts:
            if a in eligible[h.id] and b in eligible[h.id]:
                t = m.new_bool_var(f"pair_{a}_{b}_{h.id}")
                m.add(t >= x[a, h.id] + x[b, h.id] - 1)
                together.append(t)
        if not together:
            continue
        if before:
            terms.extend(WEIGHT_PAIR_AGAIN * t for t in together)
        if twice and len(together) > 1:
            again = m.new_int_var(0, len(together), f"again_{a}_{b}")
            m.add(again >= sum(together) - 1)
            terms.append(WEIGHT_PAIR_AGAIN * again)
    return sum(terms)
