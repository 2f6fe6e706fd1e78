"""Team suggestion: which peers review which host city, found with OR-Tools CP-SAT.

The problem and the rules a suggestion never breaks are in `problem`; the model and what the
solver prefers among the suggestions that keep every rule, in `model`. When no suggestion
exists, the explanation says which rule makes it impossible: cheap checks come first
(`checks`), then the rules are lifted one group at a time and the problem solved again
(`explanation`).

Messages go through the ``gettext``/``ngettext`` callables given, so the web pages can show
them in the reader's language; by default they are English (`words`).
"""

from __future__ import annotations

import itertools
import time
from collections import defaultdict

from citypeer.teams.method.checks import pre_checks
from citypeer.teams.method.explanation import explain
from citypeer.teams.method.model import Solved, SolveOptions, solve
from citypeer.teams.method.problem import (
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    TIME_LIMIT,
    UNKNOWN,
    SuggestedTeam,
    TeamObstacle,
    TeamProblem,
    TeamSuggestion,
    check_problem,
)
from citypeer.teams.method.words import Gettext, Ngettext, Words, english, english_plural


def suggest_teams(
    problem: TeamProblem,
    *,
    time_limit: float = 10.0,
    explain_time_limit: float = 20.0,
    gettext: Gettext = english,
    ngettext: Ngettext = english_plural,
) -> TeamSuggestion:
    """Propose a team for every host city, or say which rule makes that impossible.

    `time_limit` bounds the search for teams (in seconds); when no teams exist,
    `explain_time_limit` bounds the search for the reason."""
    check_problem(problem)
    if not problem.hosts:
        return TeamSuggestion(OPTIMAL)
    words = Words(problem, gettext, ngettext)
    obstacles = pre_checks(problem, words)
    if obstacles:
        return TeamSuggestion(INFEASIBLE, explanation=tuple(obstacles))
    # Any teams first: quick, and it settles whether teams exist. Then the best ones; that
    # search may run out of time on a large programme, and the first teams are kept then.
    started = time.monotonic()
    first = solve(problem, SolveOptions(), optimise=False, time_limit=time_limit)
    if first.status in (OPTIMAL, FEASIBLE):
        left = max(time_limit - (time.monotonic() - started), 0.5)
        best = solve(problem, SolveOptions(), optimise=True, time_limit=left)
        if best.status not in (OPTIMAL, FEASIBLE):
            best = first
            best.status = FEASIBLE
        return suggestion_from(problem, best)
    if first.status == UNKNOWN:
        return TeamSuggestion(UNKNOWN, explanation=(TeamObstacle(TIME_LIMIT, gettext(
            "The solver found neither teams nor a proof that none exist within "
            "%(seconds)s seconds."
        ) % {"seconds": f"{time_limit:g}"}),))
    deadline = time.monotonic() + explain_time_limit
    return TeamSuggestion(INFEASIBLE, explanation=tuple(explain(problem, words, deadline)))


def suggestion_from(problem: TeamProblem, solved: Solved) -> TeamSuggestion:
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
