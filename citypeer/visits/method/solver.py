"""The visit timetable optimiser: OR-Tools CP-SAT on the model of
``citypeer.visits.method.cpsat``.

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
from dataclasses import astuple, replace

from citypeer.visits.method.checker import check_timetable
from citypeer.visits.method.coverage import coverage
from citypeer.visits.method.cpsat import TimetableModel
from citypeer.visits.method.explain import explain_infeasible
from citypeer.visits.method.greedy import greedy_timetable
from citypeer.visits.method.model import (
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    UNKNOWN,
    Timetable,
    TimetableObstacle,
    TimetableResult,
    VisitInstance,
)
from citypeer.visits.method.objective import TERMS, replannable, upper_bounds, weighted, weights

DEFAULT_TIME_LIMIT = 10.0
DEFAULT_WORKERS = 2
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
    model = TimetableModel(instance)
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
        return TimetableResult(UNKNOWN, "cp-sat", warnings=model.notes(), explanation=(
            TimetableObstacle(f"The solver found neither a timetable nor a proof that none "
                              f"exists within {time_limit:g} seconds."),),
            seconds=time.perf_counter() - started)

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
