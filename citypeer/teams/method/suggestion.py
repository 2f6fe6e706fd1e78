"""Team suggestion: which peers review which host city, found with OR-Tools CP-SAT.

A suggestion never breaks these rules (the hard constraints):

``team_size``         every host city gets exactly ``team_size`` peers; peers already on its
                      team count and stay (``current_members``);
``own_city``          no peer reviews their own city;
``conflicts``         no peer reviews a city they have a declared conflict of interest with;
``different_cities``  the peers of one team come from different cities;
``reviews_per_peer``  a peer is on at most ``max_reviews_per_peer`` teams of the programme
                      (teams they are on already count), and takes at most ``Peer.may_take``
                      new ones when that is set;
``shared_language``   the team has a working language: one language that every member speaks;
``host_language``     at least one member speaks one of the host city's working languages, so
                      the team can talk with the host without an interpreter (a host city with
                      no working language recorded has no such rule).

The last two are how "share a working language with the host or with each other" is read:
the team must be able to work together (one common language), and someone in it must be able
to speak with the host. When the common language is one of the host's, both hold at once.

Among the suggestions that keep every rule, the solver prefers, in this order of weight:
not putting together again two peers who have worked together before (in an earlier
programme or already in this one), an even load (the sum of the squares of each peer's number
of reviews is as small as possible), and peers who speak the host's languages, the first one
listed (its main language) most.

When no suggestion exists, ``explanation`` says which rule makes it impossible. Cheap checks
come first (places against what the pool may take; per host city, the peers who may review
it, their cities and their languages). Otherwise the rules are lifted one group at a time and
the problem solved again: a rule whose lifting lets teams be formed is named, with the host
cities for which lifting it alone would be enough. Nothing here is guessed.

Messages go through the ``gettext``/``ngettext`` callables given, so the web pages can show
them in the reader's language; by default they are English.
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

TEAM_SIZE = "team_size"
CURRENT_MEMBERS = "current_members"
OWN_CITY = "own_city"
CONFLICTS = "conflicts"
DIFFERENT_CITIES = "different_cities"
REVIEWS_PER_PEER = "reviews_per_peer"
SHARED_LANGUAGE = "shared_language"
HOST_LANGUAGE = "host_language"
TIME_LIMIT = "time_limit"

RULES = (
    TEAM_SIZE, CURRENT_MEMBERS, OWN_CITY, CONFLICTS, DIFFERENT_CITIES, REVIEWS_PER_PEER,
    SHARED_LANGUAGE, HOST_LANGUAGE,
)
# The rules that hold per host city, and so may be lifted for one host city at a time.
PER_HOST_RULES = (
    CURRENT_MEMBERS, OWN_CITY, CONFLICTS, DIFFERENT_CITIES, SHARED_LANGUAGE, HOST_LANGUAGE,
)

OPTIMAL = "optimal"
FEASIBLE = "feasible"
INFEASIBLE = "infeasible"
UNKNOWN = "unknown"

# Objective weights; see the module docstring for why this order.
WEIGHT_PAIR_AGAIN = 10
WEIGHT_LOAD = 4
WEIGHT_NO_HOST_LANGUAGE = 3
WEIGHT_NOT_MAIN_LANGUAGE = 1


@dataclass(frozen=True)
class HostCity:
    """A city reviewed in the programme. ``id`` is the city's id: a peer whose ``city_id``
    is the same is from this city. ``members`` are peers on its team already; they stay."""

    id: int
    name: str
    languages: tuple[str, ...] = ()
    members: tuple[int, ...] = ()


@dataclass(frozen=True)
class Peer:
    id: int
    name: str
    city_id: int
    city_name: str
    languages: tuple[str, ...] = ()
    may_take: int | None = None  # new reviews this peer may still take; None: no own limit


@dataclass(frozen=True)
class Conflict:
    peer_id: int
    city_id: int
    kind: str  # as shown to people, e.g. "twinned or partner city"


@dataclass(frozen=True)
class TeamProblem:
    hosts: tuple[HostCity, ...]
    peers: tuple[Peer, ...]
    conflicts: tuple[Conflict, ...] = ()
    team_size: int = 4
    max_reviews_per_peer: int = 2
    worked_together: frozenset[frozenset[int]] = frozenset()


@dataclass(frozen=True)
class SuggestedTeam:
    host_id: int
    members: tuple[int, ...]  # every peer of the team, sorted by id
    added: tuple[int, ...]  # the members this suggestion adds
    language: str  # the team's shared working language


@dataclass(frozen=True)
class Obstacle:
    rule: str  # one of RULES, or TIME_LIMIT
    message: str


@dataclass(frozen=True)
class TeamSuggestion:
    status: str  # OPTIMAL, FEASIBLE (best found in the time given), INFEASIBLE or UNKNOWN
    teams: tuple[SuggestedTeam, ...] = ()
    explanation: tuple[Obstacle, ...] = ()
    pairs_again: tuple[tuple[int, int], ...] = ()  # pairs who have worked together before

    @property
    def found(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE)

    @property
    def message(self) -> str:
        return "\n".join(o.message for o in self.explanation)


class TeamProblemError(ValueError):
    """The problem itself is malformed (a programming error, not an impossible programme)."""


def _gettext(message: str) -> str:
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]


def suggest_teams(
    problem: TeamProblem,
    *,
    time_limit: float = 10.0,
    explain_time_limit: float = 20.0,
    gettext: Gettext = _gettext,
    ngettext: Ngettext = _ngettext,
) -> TeamSuggestion:
    """Propose a team for every host city, or say which rule makes that impossible.

    `time_limit` bounds the search for teams (in seconds); when no teams exist,
    `explain_time_limit` bounds the search for the reason."""
    _check_problem(problem)
    if not problem.hosts:
        return TeamSuggestion(OPTIMAL)
    words = _Words(problem, gettext, ngettext)
    obstacles = _pre_checks(problem, words)
    if obstacles:
        return TeamSuggestion(INFEASIBLE, explanation=tuple(obstacles))
    # Any teams first: quick, and it settles whether teams exist. Then the best ones; that
    # search may run out of time on a large programme, and the first teams are kept then.
    started = time.monotonic()
    first = _solve(problem, _Options(), optimise=False, time_limit=time_limit)
    if first.status in (OPTIMAL, FEASIBLE):
        left = max(time_limit - (time.monotonic() - started), 0.5)
        best = _solve(problem, _Options(), optimise=True, time_limit=left)
        if best.status not in (OPTIMAL, FEASIBLE):
            best = first
            best.status = FEASIBLE
        return _suggestion(problem, best)
    if first.status == UNKNOWN:
        return TeamSuggestion(UNKNOWN, explanation=(Obstacle(TIME_LIMIT, gettext(
            "The solver found neither teams nor a proof that none exist within "
            "%(seconds)s seconds."
        ) % {"seconds": f"{time_limit:g}"}),))
    deadline = time.monotonic() + explain_time_limit
    return TeamSuggestion(INFEASIBLE, explanation=tuple(_explain(problem, words, deadline)))


def _check_problem(problem: TeamProblem) -> None:
    if problem.team_size < 1:
        raise TeamProblemError(f"team_size must be at least 1, not {problem.team_size}")
    if problem.max_reviews_per_peer < 1:
        raise TeamProblemError(
            f"max_reviews_per_peer must be at least 1, not {problem.max_reviews_per_peer}"
        )
    peer_ids = [p.id for p in problem.peers]
    host_ids = [h.id for h in problem.hosts]
    for what, ids in (("peer", peer_ids), ("host city", host_ids)):
        if len(set(ids)) != len(ids):
            raise TeamProblemError(f"a {what} id appears twice")
    known = set(peer_ids)
    for h in problem.hosts:
        if len(set(h.members)) != len(h.members):
            raise TeamProblemError(f"{h.name}: a member appears twice")
        for pid in h.members:
            if pid not in known:
                raise TeamProblemError(f"{h.name}: member {pid} is not among the peers")
    for p in problem.peers:
        if p.may_take is not None and p.may_take < 0:
            raise TeamProblemError(f"{p.name}: may_take must not be negative")


# -- words ---------------------------------------------------------------------------------

class _Words:
    """Names and translated phrases for the messages."""

    def __init__(self, problem: TeamProblem, gettext: Gettext, ngettext: Ngettext):
        self.problem = problem
        self.gettext = gettext
        self.ngettext = ngettext
        self.peer = {p.id: p for p in problem.peers}
        self.host = {h.id: h for h in problem.hosts}

    def names(self, items: Iterable[str]) -> str:
        return ", ".join(items)

    def host_names(self, host_ids: Iterable[int]) -> str:
        return self.names(self.host[h].name for h in host_ids)

    def rule(self, rule: str) -> str:
        _ = self.gettext
        p = self.problem
        return {
            CURRENT_MEMBERS: _("the peers already on the teams stay"),
            OWN_CITY: _("no peer reviews their own city"),
            CONFLICTS: _("no peer reviews a city they have a conflict of interest with"),
            DIFFERENT_CITIES: _("the peers of a team come from different cities"),
            REVIEWS_PER_PEER: self.ngettext(
                "each peer takes at most %(max)d review",
                "each peer takes at most %(max)d reviews",
                p.max_reviews_per_peer,
            ) % {"max": p.max_reviews_per_peer},
            SHARED_LANGUAGE: _("every team has a language all its members speak"),
            HOST_LANGUAGE: _(
                "every team has a member who speaks a working language of the host city"
            ),
        }[rule]


# -- cheap checks ----------------------------------------------------------------------------

def _own_exclusions(problem: TeamProblem, host: HostCity) -> dict[int, list[str]]:
    """Peer id -> why they may not review this host (own city, stored conflicts)."""
    reasons: dict[int, list[str]] = defaultdict(list)
    for p in problem.peers:
        if p.city_id == host.id:
            reasons[p.id].append(OWN_CITY)
    peer_ids = {p.id for p in problem.peers}
    for c in problem.conflicts:
        if c.city_id == host.id and c.peer_id in peer_ids:
            reasons[c.peer_id].append(c.kind)
    return reasons


def _eligible(problem: TeamProblem, host: HostCity) -> list[Peer]:
    excluded = _own_exclusions(problem, host)
    return [p for p in problem.peers if p.id not in excluded]


def _capacity(problem: TeamProblem, peer: Peer) -> int:
    """How many teams this peer may be on in all, counting the ones they are on already."""
    kept = sum(1 for h in problem.hosts if peer.id in h.members)
    if peer.may_take is None:
        return problem.max_reviews_per_peer
    return min(problem.max_reviews_per_peer, kept + peer.may_take)


def _pre_checks(problem: TeamProblem, w: _Words) -> list[Obstacle]:
    _, ngettext = w.gettext, w.ngettext
    size = problem.team_size
    out: list[Obstacle] = []

    out.extend(_current_member_checks(problem, w))

    places = len(problem.hosts) * size
    capacities = [_capacity(problem, p) for p in problem.peers]
    capacity = sum(capacities)
    if capacity < places:
        params = {
            "hosts": len(problem.hosts), "size": size, "places": places,
            "peers": len(problem.peers), "max": problem.max_reviews_per_peer,
            "capacity": capacity,
        }
        head = ngettext(
            "%(hosts)d host city × %(size)d peers = %(places)d places",
            "%(hosts)d host cities × %(size)d peers = %(places)d places",
            len(problem.hosts),
        ) % params
        pool = ngettext("the pool's %(peers)d peer", "the pool's %(peers)d peers",
                  len(problem.peers)) % params
        if all(c == problem.max_reviews_per_peer for c in capacities):
            tail = ngettext(
                "but %(pool)s may take at most %(max)d review each = %(capacity)d",
                "but %(pool)s may take at most %(max)d reviews each = %(capacity)d",
                problem.max_reviews_per_peer,
            ) % {**params, "pool": pool}
        else:
            tail = ngettext(
                "but %(pool)s may take only %(capacity)d review in all (at most %(max)d each)",
                "but %(pool)s may take only %(capacity)d reviews in all (at most %(max)d each)",
                capacity,
            ) % {**params, "pool": pool}
        out.append(Obstacle(REVIEWS_PER_PEER, f"{head}, {tail}."))

    for host in problem.hosts:
        excluded = _own_exclusions(problem, host)
        eligible = [p for p in problem.peers if p.id not in excluded]
        if len(eligible) < size:
            why = w.names(
                f"{w.peer[pid].name} ({w.names(_kind_label(k, w) for k in kinds)})"
                for pid, kinds in excluded.items()
            )
            rule = (OWN_CITY if all(k == [OWN_CITY] for k in excluded.values())
                    else CONFLICTS)
            message = _(
                "%(host)s needs %(size)d peers, but only %(eligible)d of the pool's %(peers)d "
                "peers may review it"
            ) % {"host": host.name, "size": size, "eligible": len(eligible),
                 "peers": len(problem.peers)}
            if why:
                message += _("; excluded: %(why)s") % {"why": why}
            out.append(Obstacle(rule, message + "."))
            continue
        cities = sorted({p.city_name for p in eligible})
        if len(cities) < size:
            out.append(Obstacle(DIFFERENT_CITIES, ngettext(
                "%(host)s needs %(size)d peers from different cities, but the peers who may "
                "review it come from only %(count)d city: %(cities)s.",
                "%(host)s needs %(size)d peers from different cities, but the peers who may "
                "review it come from only %(count)d cities: %(cities)s.",
                len(cities),
            ) % {"host": host.name, "size": size, "count": len(cities),
                 "cities": w.names(cities)}))
            continue
        best_language, best_count = _best_language(problem, host, eligible)
        if best_count < size:
            if best_language is None:
                message = _(
                    "%(host)s needs %(size)d peers who share a language, but none of the "
                    "peers who may review it has a language recorded."
                ) % {"host": host.name, "size": size}
            else:
                message = ngettext(
                    "%(host)s needs %(size)d peers from different cities who share a "
                    "language, but no language is spoken by that many of the peers who may "
                    "review it: the most is %(language)s, spoken by peers from %(count)d city.",
                    "%(host)s needs %(size)d peers from different cities who share a "
                    "language, but no language is spoken by that many of the peers who may "
                    "review it: the most is %(language)s, spoken by peers from %(count)d "
                    "cities.",
                    best_count,
                ) % {"host": host.name, "size": size, "language": best_language,
                     "count": best_count}
            out.append(Obstacle(SHARED_LANGUAGE, message))
            continue
        if host.languages and not any(set(p.languages) & set(host.languages) for p in eligible):
            out.append(Obstacle(HOST_LANGUAGE, _(
                "None of the peers who may review %(host)s speaks one of its working languages "
                "(%(languages)s)."
            ) % {"host": host.name, "languages": w.names(host.languages)}))
    return out


def _kind_label(kind: str, w: _Words) -> str:
    return w.gettext("own city") if kind == OWN_CITY else kind


def _best_language(
    problem: TeamProblem, host: HostCity, eligible: list[Peer]
) -> tuple[str | None, int]:
    """The language spoken by eligible peers from the most cities (kept members must speak
    it), and that number of cities."""
    kept = [p for p in problem.peers if p.id in host.members]
    languages = sorted({lang for p in eligible for lang in p.languages})
    best: tuple[str | None, int] = (None, 0)
    for language in languages:
        if any(language not in p.languages for p in kept):
            continue
        cities = {p.city_id for p in eligible if language in p.languages}
        if len(cities) > best[1]:
            best = (language, len(cities))
    return best


def _current_member_checks(problem: TeamProblem, w: _Words) -> list[Obstacle]:
    _ = w.gettext
    out = []
    for host in problem.hosts:
        if len(host.members) > problem.team_size:
            out.append(Obstacle(CURRENT_MEMBERS, _(
                "%(host)s's team has %(count)d peers already, more than the %(size)d a team "
                "has."
            ) % {"host": host.name, "count": len(host.members), "size": problem.team_size}))
        excluded = _own_exclusions(problem, host)
        by_city: dict[str, list[str]] = defaultdict(list)
        for pid in host.members:
            peer = w.peer[pid]
            by_city[peer.city_name].append(peer.name)
            if pid in excluded:
                out.append(Obstacle(CURRENT_MEMBERS, _(
                    "%(peer)s is on %(host)s's team already, but cannot review it: %(why)s."
                ) % {"peer": peer.name, "host": host.name,
                     "why": w.names(_kind_label(k, w) for k in excluded[pid])}))
        for city, names in by_city.items():
            if len(names) > 1:
                out.append(Obstacle(CURRENT_MEMBERS, _(
                    "%(host)s's team has more than one peer from %(city)s already: %(names)s."
                ) % {"host": host.name, "city": city, "names": w.names(names)}))
    for peer in problem.peers:
        teams = [h.name for h in problem.hosts if peer.id in h.members]
        if len(teams) > problem.max_reviews_per_peer:
            out.append(Obstacle(CURRENT_MEMBERS, w.ngettext(
                "%(peer)s is on %(count)d teams already (%(hosts)s), more than the %(max)d "
                "review a peer may take.",
                "%(peer)s is on %(count)d teams already (%(hosts)s), more than the %(max)d "
                "reviews a peer may take.",
                problem.max_reviews_per_peer,
            ) % {"peer": peer.name, "count": len(teams), "hosts": w.names(teams),
                 "max": problem.max_reviews_per_peer}))
    return out


# -- the model -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Options:
    lifted: frozenset[str] = frozenset()  # rules lifted for every host city
    lifted_at: frozenset[tuple[str, int]] = frozenset()  # (rule, host id)
    max_reviews: int | None = None  # instead of the problem's
    fill: bool = False  # teams of at most team_size, as many places filled as possible

    def lifts(self, rule: str, host_id: int | None = None) -> bool:
        return rule in self.lifted or (rule, host_id) in self.lifted_at


@dataclass
class _Solved:
    status: str
    teams: dict[int, list[int]] = field(default_factory=dict)
    languages: dict[int, str] = field(default_factory=dict)
    filled: int = 0


def _solve(problem: TeamProblem, options: _Options, *, optimise: bool,
           time_limit: float) -> _Solved:
    # OR-Tools is big: import it only when teams are actually suggested.
    from ortools.sat.python import cp_model

    m = cp_model.CpModel()
    hosts, peers = problem.hosts, problem.peers
    size = problem.team_size
    x = {(p.id, h.id): m.new_bool_var(f"x_{p.id}_{h.id}") for p in peers for h in hosts}

    def forbid(p_id: int, h_id: int) -> None:
        m.add(x[p_id, h_id] == 0)

    by_city: dict[int, list[Peer]] = defaultdict(list)
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
        m.minimize(_objective(m, problem, x))

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
    solved = _Solved(status)
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


def _objective(m, problem: TeamProblem, x) -> object:
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
    eligible = {h.id: {p.id for p in _eligible(problem, h)} | set(h.members) for h in hosts}
    city = {p.id: p.city_id for p in peers}
    caps = {p.id: _capacity(problem, p) for p in peers}
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


def _suggestion(problem: TeamProblem, solved: _Solved) -> TeamSuggestion:
    teams = []
    pairs = set()
    seen: dict[frozenset[int], int] = defaultdict(int)
    for h in problem.hosts:
        members = tuple(sorted(solved.teams[h.id]))
        teams.append(SuggestedTeam(
            host_id=h.id,
            members=members,
            added=tuple(pid for pid in members if pid not in h.members),
            language=solved.languages.get(h.id, ""),
        ))
        for a, b in itertools.combinations(members, 2):
            seen[frozenset((a, b))] += 1
    for pair, count in seen.items():
        if pair in problem.worked_together or count > 1:
            pairs.add(tuple(sorted(pair)))
    return TeamSuggestion(solved.status, tuple(teams), (), tuple(sorted(pairs)))


# -- explaining an impossible programme ------------------------------------------------------

def _explain(problem: TeamProblem, w: _Words, deadline: float) -> list[Obstacle]:
    _ = w.gettext
    out: list[Obstacle] = []

    def works(options: _Options) -> bool | None:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        status = _solve(problem, options, optimise=False, time_limit=min(left, 5.0)).status
        return None if status == UNKNOWN else status in (OPTIMAL, FEASIBLE)

    places = len(problem.hosts) * problem.team_size
    left = max(deadline - time.monotonic(), 0.05)
    filled = _solve(problem, _Options(fill=True), optimise=False, time_limit=min(left, 5.0))
    if filled.status in (OPTIMAL, FEASIBLE) and filled.filled < places:
        short = [h.name for h in problem.hosts
                 if len(filled.teams[h.id]) < problem.team_size]
        exact = filled.status == OPTIMAL
        out.append(Obstacle(TEAM_SIZE, (_(
            "With every rule kept, at most %(filled)d of the %(places)d places in the teams "
            "can be filled (for example, %(short)s would be short)."
        ) if exact else _(
            "With every rule kept, the solver filled no more than %(filled)d of the "
            "%(places)d places in the teams (for example, %(short)s would be short)."
        )) % {"filled": filled.filled, "places": places, "short": w.names(short)}))

    candidates = _binding_rules(problem)
    sufficient = []
    for rule in candidates:
        if works(_Options(lifted=frozenset([rule]))):
            sufficient.append(rule)
    for rule in sufficient:
        out.append(Obstacle(rule, _describe(problem, rule, w, works)))
    if sufficient:
        return out

    for count in range(2, len(candidates) + 1):
        found = [
            combo for combo in itertools.combinations(candidates, count)
            if works(_Options(lifted=frozenset(combo)))
        ]
        if found:
            for combo in found[:3]:
                out.append(Obstacle(combo[0], _(
                    "No single rule makes it impossible on its own, but these rules together "
                    "do: %(rules)s. Lifting all of them would let teams be formed; lifting "
                    "only one of them would not."
                ) % {"rules": "; ".join(w.rule(r) for r in combo)}))
            return out
        if time.monotonic() > deadline:
            break
    out.append(Obstacle(TIME_LIMIT, _(
        "The solver ran out of time before it could tell which rule makes it impossible."
    )))
    return out


def _binding_rules(problem: TeamProblem) -> list[str]:
    """The rules that could matter here, in the order they are tried."""
    rules = []
    if any(h.members for h in problem.hosts):
        rules.append(CURRENT_MEMBERS)
    host_ids = {h.id for h in problem.hosts}
    if any(p.city_id in host_ids for p in problem.peers):
        rules.append(OWN_CITY)
    if any(c.city_id in host_ids for c in problem.conflicts):
        rules.append(CONFLICTS)
    if problem.team_size > 1:
        rules.append(DIFFERENT_CITIES)
    rules.append(REVIEWS_PER_PEER)
    rules.append(SHARED_LANGUAGE)
    if any(h.languages for h in problem.hosts):
        rules.append(HOST_LANGUAGE)
    return rules


def _describe(problem: TeamProblem, rule: str, w: _Words, works) -> str:
    _, ngettext = w.gettext, w.ngettext
    head = _("The rule that %(rule)s makes it impossible: without it, teams could be "
             "formed.") % {"rule": w.rule(rule)}
    if rule == REVIEWS_PER_PEER:
        for more in range(problem.max_reviews_per_peer + 1, len(problem.hosts) + 1):
            result = works(_Options(max_reviews=more))
            if result:
                return head + " " + ngettext(
                    "With at most %(more)d review per peer they could.",
                    "With at most %(more)d reviews per peer they could.",
                    more,
                ) % {"more": more}
            if result is None:
                break
        return head
    enough = []
    for h in problem.hosts:
        if not _binds_at(problem, rule, h):
            continue
        result = works(_Options(lifted_at=frozenset([(rule, h.id)])))
        if result:
            enough.append(h)
        elif result is None:
            break
    if not enough:
        return head + " " + _("Lifting it for one host city alone would not be enough.")
    details = "; ".join(_detail(problem, rule, h, w) for h in enough)
    return head + " " + ngettext(
        "Lifting it for %(hosts)s alone would be enough (%(details)s).",
        "Lifting it for any one of %(hosts)s alone would be enough (%(details)s).",
        len(enough),
    ) % {"hosts": w.host_names(h.id for h in enough), "details": details}


def _binds_at(problem: TeamProblem, rule: str, host: HostCity) -> bool:
    if rule == CURRENT_MEMBERS:
        return bool(host.members)
    if rule == OWN_CITY:
        return any(p.city_id == host.id for p in problem.peers)
    if rule == CONFLICTS:
        return any(c.city_id == host.id for c in problem.conflicts)
    if rule == HOST_LANGUAGE:
        return bool(host.languages)
    return True


def _detail(problem: TeamProblem, rule: str, host: HostCity, w: _Words) -> str:
    _ = w.gettext
    eligible = _eligible(problem, host)
    if rule == CURRENT_MEMBERS:
        return _("%(host)s's team: %(names)s") % {
            "host": host.name, "names": w.names(w.peer[p].name for p in host.members)}
    if rule == OWN_CITY:
        return _("peers from %(host)s: %(names)s") % {
            "host": host.name,
            "names": w.names(p.name for p in problem.peers if p.city_id == host.id)}
    if rule == CONFLICTS:
        return _("conflicts with %(host)s: %(conflicts)s") % {
            "host": host.name,
            "conflicts": w.names(f"{w.peer[c.peer_id].name} ({c.kind})"
                                 for c in problem.conflicts
                                 if c.city_id == host.id and c.peer_id in w.peer)}
    if rule == DIFFERENT_CITIES:
        counts: dict[str, int] = defaultdict(int)
        for p in eligible:
            counts[p.city_name] += 1
        return _("peers who may review %(host)s, by city: %(cities)s") % {
            "host": host.name,
            "cities": w.names(f"{city} ({n})" for city, n in sorted(counts.items()))}
    if rule == SHARED_LANGUAGE:
        counts = defaultdict(int)
        for p in eligible:
            for lang in p.languages:
                counts[lang] += 1
        return _("languages of the peers who may review %(host)s: %(languages)s") % {
            "host": host.name,
            "languages": w.names(f"{lang} ({n})" for lang, n in sorted(counts.items()))}
    speakers = [p.name for p in eligible if set(p.languages) & set(host.languages)]
    return _("%(host)s works in %(languages)s, spoken by %(speakers)s") % {
        "host": host.name, "languages": w.names(host.languages),
        "speakers": w.names(speakers) or "—"}
