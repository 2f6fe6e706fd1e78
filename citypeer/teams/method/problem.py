"""The team suggestion's problem: the host cities, the candidates who may be put in their
teams, the declared conflicts of interest and the programme's numbers; and what comes back.

A suggestion never breaks these rules (the hard constraints):

``team_size``         every host city gets exactly ``team_size`` peers; peers already on its
                      team count and stay (``current_members``);
``own_city``          no peer reviews their own city;
``conflicts``         no peer reviews a city they have a declared conflict of interest with;
``different_cities``  the peers of one team come from different cities;
``reviews_per_peer``  a peer is on at most ``max_reviews_per_peer`` teams of the programme
                      (teams they are on already count), and takes at most
                      ``Candidate.may_take`` new ones when that is set;
``shared_language``   the team has a working language: one language that every member speaks;
``host_language``     at least one member speaks one of the host city's working languages, so
                      the team can talk with the host without an interpreter (a host city with
                      no working language recorded has no such rule).

The last two are how "share a working language with the host or with each other" is read:
the team must be able to work together (one common language), and someone in it must be able
to speak with the host. When the common language is one of the host's, both hold at once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

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


@dataclass(frozen=True)
class HostCity:
    """A city reviewed in the programme. ``id`` is the city's id: a candidate whose
    ``city_id`` is the same is from this city. ``members`` are peers on its team already;
    they stay."""

    id: int
    name: str
    languages: tuple[str, ...] = ()
    members: tuple[int, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A peer of the pool who may be put in a team (or is on one already)."""

    id: int
    name: str
    city_id: int
    city_name: str
    languages: tuple[str, ...] = ()
    may_take: int | None = None  # new reviews this peer may still take; None: no own limit


@dataclass(frozen=True)
class DeclaredConflict:
    """A conflict of interest declared (stored) between a candidate and a city; a
    candidate's own city is a conflict that needs no declaring."""

    peer_id: int
    city_id: int
    kind: str  # as shown to people, e.g. "twinned or partner city"


@dataclass(frozen=True)
class TeamProblem:
    hosts: tuple[HostCity, ...]
    peers: tuple[Candidate, ...]
    conflicts: tuple[DeclaredConflict, ...] = ()
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
class TeamObstacle:
    """One reason why no teams can be formed."""

    rule: str  # one of RULES, or TIME_LIMIT
    message: str


@dataclass(frozen=True)
class TeamSuggestion:
    status: str  # OPTIMAL, FEASIBLE (best found in the time given), INFEASIBLE or UNKNOWN
    teams: tuple[SuggestedTeam, ...] = ()
    explanation: tuple[TeamObstacle, ...] = ()
    pairs_again: tuple[tuple[int, int], ...] = ()  # pairs who have worked together before

    @property
    def found(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE)

    @property
    def message(self) -> str:
        return "\n".join(o.message for o in self.explanation)


class TeamProblemError(ValueError):
    """The problem itself is malformed (a programming error, not an impossible programme)."""


def check_problem(problem: TeamProblem) -> None:
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


def own_exclusions(problem: TeamProblem, host: HostCity) -> dict[int, list[str]]:
    """Candidate id -> why they may not review this host (own city, declared conflicts)."""
    reasons: dict[int, list[str]] = defaultdict(list)
    for p in problem.peers:
        if p.city_id == host.id:
            reasons[p.id].append(OWN_CITY)
    peer_ids = {p.id for p in problem.peers}
    for c in problem.conflicts:
        if c.city_id == host.id and c.peer_id in peer_ids:
            reasons[c.peer_id].append(c.kind)
    return reasons


def eligible_peers(problem: TeamProblem, host: HostCity) -> list[Candidate]:
    """The candidates who may review this host: neither their own city nor a conflict."""
    excluded = own_exclusions(problem, host)
    return [p for p in problem.peers if p.id not in excluded]


def capacity(problem: TeamProblem, peer: Candidate) -> int:
    """How many teams this peer may be on in all, counting the ones they are on already."""
    kept = sum(1 for h in problem.hosts if peer.id in h.members)
    if peer.may_take is None:
        return problem.max_reviews_per_peer
    return min(problem.max_reviews_per_peer, kept + peer.may_take)
