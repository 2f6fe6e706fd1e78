"""The team suggestion (citypeer.teams.method.suggestion), without a database."""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeer.teams.method.problem import (
    INFEASIBLE,
    OPTIMAL,
    Candidate,
    DeclaredConflict,
    HostCity,
    TeamProblem,
    TeamProblemError,
)
from citypeer.teams.method.suggestion import suggest_teams

# -- an independent checker: the hard rules, written again from method.problem's docstring ------


def violations(problem: TeamProblem, teams: dict[int, tuple[int, ...]]) -> list[str]:
    peers = {p.id: p for p in problem.peers}
    conflicts = {(c.peer_id, c.city_id) for c in problem.conflicts}
    found = []
    if set(teams) != {h.id for h in problem.hosts}:
        found.append("not every host city has a team")
    for host in problem.hosts:
        team = teams.get(host.id, ())
        if len(team) != problem.team_size or len(set(team)) != len(team):
            found.append(f"{host.name}: {len(team)} peers")
        if not set(host.members) <= set(team):
            found.append(f"{host.name}: a current member was dropped")
        for pid in team:
            if peers[pid].city_id == host.id:
                found.append(f"{host.name}: {pid} reviews their own city")
            if (pid, host.id) in conflicts:
                found.append(f"{host.name}: {pid} has a conflict")
        cities = [peers[pid].city_id for pid in team]
        if len(set(cities)) != len(cities):
            found.append(f"{host.name}: two peers from one city")
        common = set.intersection(*(set(peers[pid].languages) for pid in team)) if team else set()
        if not common:
            found.append(f"{host.name}: no shared language")
        if host.languages and not any(
            set(peers[pid].languages) & set(host.languages) for pid in team
        ):
            found.append(f"{host.name}: nobody speaks a host language")
    for p in problem.peers:
        load = sum(p.id in team for team in teams.values())
        if load > problem.max_reviews_per_peer:
            found.append(f"{p.id}: {load} reviews")
        if p.may_take is not None:
            new = sum(p.id in teams.get(h.id, ()) and p.id not in h.members
                      for h in problem.hosts)
            if new > p.may_take:
                found.append(f"{p.id}: {new} new reviews")
    return found


def brute_force_exists(problem: TeamProblem) -> bool:
    choices = [
        list(itertools.combinations([p.id for p in problem.peers], problem.team_size))
        for _ in problem.hosts
    ]
    for combo in itertools.product(*choices):
        teams = {h.id: team for h, team in zip(problem.hosts, combo, strict=True)}
        if not violations(problem, teams):
            return True
    return False


def as_teams(suggestion) -> dict[int, tuple[int, ...]]:
    return {t.host_id: t.members for t in suggestion.teams}


# -- examples ------------------------------------------------------------------------------

AMSTERDAM = HostCity(1, "Amsterdam", ("nl", "en"))
BOLOGNA = HostCity(2, "Bologna", ("it",))


def peer(pid, languages=("en",), city=None, **kw):
    city = city or 100 + pid
    return Candidate(pid, f"Peer {pid}", city, f"City {city}", tuple(languages), **kw)


def test_every_host_gets_a_team_that_keeps_every_rule():
    peers = tuple(peer(i, ("en", "it", "nl")) for i in range(1, 7))
    problem = TeamProblem((AMSTERDAM, BOLOGNA), peers, team_size=3, max_reviews_per_peer=1)

    result = suggest_teams(problem)

    assert result.status == OPTIMAL
    assert violations(problem, as_teams(result)) == []
    assert sorted(p for t in result.teams for p in t.members) == [1, 2, 3, 4, 5, 6]


def test_load_is_spread_evenly():
    peers = tuple(peer(i, ("en", "it", "nl")) for i in range(1, 5))
    problem = TeamProblem((AMSTERDAM, BOLOGNA), peers, team_size=2, max_reviews_per_peer=2)

    result = suggest_teams(problem)

    loads = sorted(sum(p.id in t.members for t in result.teams) for p in peers)
    assert loads == [1, 1, 1, 1]


def test_peers_who_worked_together_are_not_paired_again():
    peers = tuple(peer(i, ("en", "it", "nl")) for i in range(1, 5))
    before = frozenset({frozenset({1, 2}), frozenset({3, 4}), frozenset({1, 3})})
    problem = TeamProblem((AMSTERDAM, BOLOGNA), peers, team_size=2, max_reviews_per_peer=1,
                          worked_together=before)

    result = suggest_teams(problem)

    assert sorted(t.members for t in result.teams) == [(1, 4), (2, 3)]
    assert result.pairs_again == ()


def test_peers_speaking_the_host_language_are_preferred():
    host = HostCity(1, "Genoa", ("it", "en"))
    peers = (peer(1, ("en",)), peer(2, ("en", "it")), peer(3, ("en",)), peer(4, ("en", "it")))
    problem = TeamProblem((host,), peers, team_size=2, max_reviews_per_peer=1)

    result = suggest_teams(problem)

    assert result.teams[0].members == (2, 4)
    assert result.teams[0].language in ("en", "it")


def test_current_members_stay_and_are_not_added_again():
    host = HostCity(1, "Amsterdam", ("en",), members=(3,))
    peers = tuple(peer(i) for i in range(1, 5))
    problem = TeamProblem((host,), peers, team_size=2, max_reviews_per_peer=1)

    team = suggest_teams(problem).teams[0]

    assert 3 in team.members
    assert len(team.added) == 1
    assert 3 not in team.added


def test_no_host_city_gives_no_team():
    assert suggest_teams(TeamProblem((), (peer(1),))).teams == ()


def test_a_malformed_problem_is_refused():
    with pytest.raises(TeamProblemError, match="team_size must be at least 1"):
        suggest_teams(TeamProblem((AMSTERDAM,), (peer(1),), team_size=0))
    with pytest.raises(TeamProblemError, match="member 9 is not among the peers"):
        suggest_teams(TeamProblem((HostCity(1, "A", members=(9,)),), (peer(1),)))


# -- every suggestion keeps every rule; every refusal is right --------------------------------

LANGUAGES = ("en", "fr", "de")
# English more often than not, so that many drawn programmes have teams.
PEER_LANGUAGES = ("en", "en", "en", "fr", "de")


@st.composite
def problems(draw):
    n_hosts = draw(st.integers(1, 3))
    hosts = []
    n_peers = draw(st.integers(2, 6))
    peer_ids = list(range(101, 101 + n_peers))
    # Peers come from host cities (1..3) or elsewhere (10..12), so own city matters.
    cities = st.sampled_from([1, 2, 3, 10, 11, 12])
    peers = tuple(
        Candidate(pid, f"P{pid}", city, f"C{city}",
             tuple(draw(st.lists(st.sampled_from(PEER_LANGUAGES), min_size=1, max_size=2,
                                 unique=True))),
             may_take=draw(st.one_of(st.none(), st.integers(0, 2))))
        for pid in peer_ids for city in [draw(cities)]
    )
    for hid in range(1, n_hosts + 1):
        members = tuple(draw(st.lists(st.sampled_from(peer_ids), max_size=1, unique=True)))
        languages = tuple(draw(st.lists(st.sampled_from(LANGUAGES), max_size=1)))
        hosts.append(HostCity(hid, f"H{hid}", languages, members))
    conflicts = tuple(
        DeclaredConflict(pid, hid, "other")
        for pid, hid in draw(st.lists(
            st.tuples(st.sampled_from(peer_ids), st.integers(1, n_hosts)), max_size=3,
            unique=True,
        ))
    )
    pairs = frozenset()
    if n_peers > 1:
        pairs = frozenset(
            frozenset(pair) for pair in draw(st.lists(
                st.lists(st.sampled_from(peer_ids), min_size=2, max_size=2, unique=True),
                max_size=3,
            ))
        )
    return TeamProblem(
        tuple(hosts), peers, conflicts,
        team_size=draw(st.integers(1, 3)), max_reviews_per_peer=draw(st.integers(1, 3)),
        worked_together=pairs,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_a_suggestion_keeps_every_hard_rule_and_a_refusal_is_right(problem):
    result = suggest_teams(problem, time_limit=5, explain_time_limit=5)

    if result.found:
        assert violations(problem, as_teams(result)) == []
        assert all(set(t.added) == set(t.members) - set(h.members)
                   for t, h in zip(result.teams, problem.hosts, strict=True))
    else:
        assert result.status == INFEASIBLE
        assert result.explanation, "an impossible programme is explained"
        assert not brute_force_exists(problem)
