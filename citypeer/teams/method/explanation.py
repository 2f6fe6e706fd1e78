"""Why no teams can be formed, when the cheap checks found nothing: the rules are lifted one
group at a time and the problem solved again. A rule whose lifting lets teams be formed is
named, with the host cities for which lifting it alone would be enough. Nothing here is
guessed."""

from __future__ import annotations

import itertools
import time
from collections import defaultdict

from citypeer.teams.method.model import SolveOptions, solve
from citypeer.teams.method.problem import (
    CONFLICTS,
    CURRENT_MEMBERS,
    DIFFERENT_CITIES,
    FEASIBLE,
    HOST_LANGUAGE,
    OPTIMAL,
    OWN_CITY,
    REVIEWS_PER_PEER,
    SHARED_LANGUAGE,
    TEAM_SIZE,
    TIME_LIMIT,
    UNKNOWN,
    HostCity,
    TeamObstacle,
    TeamProblem,
    eligible_peers,
)
from citypeer.teams.method.words import Words


def explain(problem: TeamProblem, w: Words, deadline: float) -> list[TeamObstacle]:
    _ = w.gettext
    out: list[TeamObstacle] = []

    def works(options: SolveOptions) -> bool | None:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        status = solve(problem, options, optimise=False, time_limit=min(left, 5.0)).status
        return None if status == UNKNOWN else status in (OPTIMAL, FEASIBLE)

    places = len(problem.hosts) * problem.team_size
    left = max(deadline - time.monotonic(), 0.05)
    filled = solve(problem, SolveOptions(fill=True), optimise=False, time_limit=min(left, 5.0))
    if filled.status in (OPTIMAL, FEASIBLE) and filled.filled < places:
        short = [h.name for h in problem.hosts
                 if len(filled.teams[h.id]) < problem.team_size]
        exact = filled.status == OPTIMAL
        out.append(TeamObstacle(TEAM_SIZE, (_(
            "With every rule kept, at most %(filled)d of the %(places)d places in the teams "
            "can be filled (for example, %(short)s would be short)."
        ) if exact else _(
            "With every rule kept, the solver filled no more than %(filled)d of the "
            "%(places)d places in the teams (for example, %(short)s would be short)."
        )) % {"filled": filled.filled, "places": places, "short": w.names(short)}))

    candidates = binding_rules(problem)
    sufficient = []
    for rule in candidates:
        if works(SolveOptions(lifted=frozenset([rule]))):
            sufficient.append(rule)
    for rule in sufficient:
        out.append(TeamObstacle(rule, describe(problem, rule, w, works)))
    if sufficient:
        return out

    for count in range(2, len(candidates) + 1):
        found = [
            combo for combo in itertools.combinations(candidates, count)
            if works(SolveOptions(lifted=frozenset(combo)))
        ]
        if found:
            for combo in found[:3]:
                out.append(TeamObstacle(combo[0], _(
                    "No single rule makes it impossible on its own, but these rules together "
                    "do: %(rules)s. Lifting all of them would let teams be formed; lifting "
                    "only one of them would not."
                ) % {"rules": "; ".join(w.rule(r) for r in combo)}))
            return out
        if time.monotonic() > deadline:
            break
    out.append(TeamObstacle(TIME_LIMIT, _(
        "The solver ran out of time before it could tell which rule makes it impossible."
    )))
    return out


def binding_rules(problem: TeamProblem) -> list[str]:
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


def describe(problem: TeamProblem, rule: str, w: Words, works) -> str:
    _, ngettext = w.gettext, w.ngettext
    head = _("The rule that %(rule)s makes it impossible: without it, teams could be "
             "formed.") % {"rule": w.rule(rule)}
    if rule == REVIEWS_PER_PEER:
        for more in range(problem.max_reviews_per_peer + 1, len(problem.hosts) + 1):
            result = works(SolveOptions(max_reviews=more))
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
        if not binds_at(problem, rule, h):
            continue
        result = works(SolveOptions(lifted_at=frozenset([(rule, h.id)])))
        if result:
            enough.append(h)
        elif result is None:
            break
    if not enough:
        return head + " " + _("Lifting it for one host city alone would not be enough.")
    details = "; ".join(detail(problem, rule, h, w) for h in enough)
    return head + " " + ngettext(
        "Lifting it for %(hosts)s alone would be enough (%(details)s).",
        "Lifting it for any one of %(hosts)s alone would be enough (%(details)s).",
        len(enough),
    ) % {"hosts": w.host_names(h.id for h in enough), "details": details}


def binds_at(problem: TeamProblem, rule: str, host: HostCity) -> bool:
    if rule == CURRENT_MEMBERS:
        return bool(host.members)
    if rule == OWN_CITY:
        return any(p.city_id == host.id for p in problem.peers)
    if rule == CONFLICTS:
        return any(c.city_id == host.id for c in problem.conflicts)
    if rule == HOST_LANGUAGE:
        return bool(host.languages)
    return True


def detail(problem: TeamProblem, rule: str, host: HostCity, w: Words) -> str:
    _ = w.gettext
    eligible = eligible_peers(problem, host)
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
