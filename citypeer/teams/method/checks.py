"""Cheap checks before solving: places against what the pool may take, the peers already on
the teams, and per host city the peers who may review it, their cities and their languages.
Each finding names the rule and the people, cities and numbers it applies to."""

from __future__ import annotations

from collections import defaultdict

from citypeer.teams.method.problem import (
    CONFLICTS,
    CURRENT_MEMBERS,
    DIFFERENT_CITIES,
    HOST_LANGUAGE,
    OWN_CITY,
    REVIEWS_PER_PEER,
    SHARED_LANGUAGE,
    Candidate,
    HostCity,
    TeamObstacle,
    TeamProblem,
    capacity,
    own_exclusions,
)
from citypeer.teams.method.words import Words


def pre_checks(problem: TeamProblem, w: Words) -> list[TeamObstacle]:
    _, ngettext = w.gettext, w.ngettext
    size = problem.team_size
    out: list[TeamObstacle] = []

    out.extend(current_member_checks(problem, w))

    places = len(problem.hosts) * size
    capacities = [capacity(problem, p) for p in problem.peers]
    pool_capacity = sum(capacities)
    if pool_capacity < places:
        params = {
            "hosts": len(problem.hosts), "size": size, "places": places,
            "peers": len(problem.peers), "max": problem.max_reviews_per_peer,
            "capacity": pool_capacity,
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
                pool_capacity,
            ) % {**params, "pool": pool}
        out.append(TeamObstacle(REVIEWS_PER_PEER, f"{head}, {tail}."))

    for host in problem.hosts:
        excluded = own_exclusions(problem, host)
        eligible = [p for p in problem.peers if p.id not in excluded]
        if len(eligible) < size:
            why = w.names(
                f"{w.peer[pid].name} ({w.names(w.kind(k) for k in kinds)})"
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
            out.append(TeamObstacle(rule, message + "."))
            continue
        cities = sorted({p.city_name for p in eligible})
        if len(cities) < size:
            out.append(TeamObstacle(DIFFERENT_CITIES, ngettext(
                "%(host)s needs %(size)d peers from different cities, but the peers who may "
                "review it come from only %(count)d city: %(cities)s.",
                "%(host)s needs %(size)d peers from different cities, but the peers who may "
                "review it come from only %(count)d cities: %(cities)s.",
                len(cities),
            ) % {"host": host.name, "size": size, "count": len(cities),
                 "cities": w.names(cities)}))
            continue
        best_language, best_count = most_shared_language(problem, host, eligible)
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
            out.append(TeamObstacle(SHARED_LANGUAGE, message))
            continue
        if host.languages and not any(set(p.languages) & set(host.languages) for p in eligible):
            out.append(TeamObstacle(HOST_LANGUAGE, _(
                "None of the peers who may review %(host)s speaks one of its working languages "
                "(%(languages)s)."
            ) % {"host": host.name, "languages": w.names(host.languages)}))
    return out



def most_shared_language(
    problem: TeamProblem, host: HostCity, eligible: list[Candidate]
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


def current_member_checks(problem: TeamProblem, w: Words) -> list[TeamObstacle]:
    _ = w.gettext
    out = []
    for host in problem.hosts:
        if len(host.members) > problem.team_size:
            out.append(TeamObstacle(CURRENT_MEMBERS, _(
                "%(host)s's team has %(count)d peers already, more than the %(size)d a team "
                "has."
            ) % {"host": host.name, "count": len(host.members), "size": problem.team_size}))
        excluded = own_exclusions(problem, host)
        by_city: dict[str, list[str]] = defaultdict(list)
        for pid in host.members:
            peer = w.peer[pid]
            by_city[peer.city_name].append(peer.name)
            if pid in excluded:
                out.append(TeamObstacle(CURRENT_MEMBERS, _(
                    "%(peer)s is on %(host)s's team already, but cannot review it: %(why)s."
                ) % {"peer": peer.name, "host": host.name,
                     "why": w.names(w.kind(k) for k in excluded[pid])}))
        for city, names in by_city.items():
            if len(names) > 1:
                out.append(TeamObstacle(CURRENT_MEMBERS, _(
                    "%(host)s's team has more than one peer from %(city)s already: %(names)s."
                ) % {"host": host.name, "city": city, "names": w.names(names)}))
    for peer in problem.peers:
        teams = [h.name for h in problem.hosts if peer.id in h.members]
        if len(teams) > problem.max_reviews_per_peer:
            out.append(TeamObstacle(CURRENT_MEMBERS, w.ngettext(
                "%(peer)s is on %(count)d teams already (%(hosts)s), more than the %(max)d "
                "review a peer may take.",
                "%(peer)s is on %(count)d teams already (%(hosts)s), more than the %(max)d "
                "reviews a peer may take.",
                problem.max_reviews_per_peer,
            ) % {"peer": peer.name, "count": len(teams), "hosts": w.names(teams),
                 "max": problem.max_reviews_per_peer}))
    return out
