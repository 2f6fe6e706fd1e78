"""``citypeer schedule INSTANCE.json``: plan a visit without the server.

Exit status: 0 when there is a timetable that breaks no rule, 1 when there is none (impossible,
or no answer within the time limit, or --check found a broken rule), 2 when the instance file
is not valid (every problem is printed with its location).
"""

from __future__ import annotations

import argparse
import json
import sys

from citypeer.visits.method.checker import check_timetable, errors
from citypeer.visits.method.coverage import coverage
from citypeer.visits.method.model import FEASIBLE, UNKNOWN, TimetableResult
from citypeer.visits.method.objective import evaluate, weighted
from citypeer.visits.method.render import render_result
from citypeer.visits.method.results import result_to_dict
from citypeer.visits.method.solver import DEFAULT_TIME_LIMIT, DEFAULT_WORKERS
from citypeer.visits.method.validation import VisitInstanceError, load_instance


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="citypeer schedule",
        description="Plan the interviews of a peer review visit (docs/visit-instance.md "
                    "describes the instance file) and print the timetable, its status, the "
                    "coverage of the desk review's indicators and the warnings.",
    )
    p.add_argument("instance", metavar="INSTANCE.json", help="the visit instance")
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="SECONDS",
                   help=f"time for the optimiser (default {DEFAULT_TIME_LIMIT:g})")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--workers", type=int, default=DEFAULT_WORKERS,
                   help=f"CP-SAT workers (default {DEFAULT_WORKERS})")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--greedy", action="store_true",
                     help="use the greedy baseline instead of the optimiser")
    how.add_argument("--check", action="store_true",
                     help="do not plan: check the instance's own timetable")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.time_limit <= 0:
        parser().error("--time-limit must be positive")
    try:
        instance = load_instance(args.instance)
    except VisitInstanceError as exc:
        for problem in exc.problems:
            print(f"{exc.source_name}: {problem}", file=sys.stderr)
        return 2

    if args.check:
        timetable = instance.timetable
        warnings = check_timetable(instance, timetable)
        penalties = evaluate(instance, timetable)
        result = TimetableResult(
            status=UNKNOWN if errors(warnings) else FEASIBLE, method="check",
            timetable=timetable, objective=weighted(instance, penalties), penalties=penalties,
            coverage=coverage(instance, timetable), warnings=warnings)
    elif args.greedy:
        from citypeer.visits.method.greedy import solve_greedy

        result = solve_greedy(instance)
    else:
        from citypeer.visits.method.solver import solve_timetable

        result = solve_timetable(instance, time_limit=args.time_limit,
                                 num_workers=args.workers)

    if args.json:
        print(json.dumps(result_to_dict(result), indent=2, ensure_ascii=False))
    else:
        print(render_result(instance, result))
    return 0 if result.found and not errors(result.warnings) else 1


if __name__ == "__main__":
    sys.exit(main())
