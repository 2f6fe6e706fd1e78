"""The visit timetable optimiser against the greedy baseline: prints a Markdown table.

    .venv/bin/python bench/timetable.py [--quick] [--workers 2]

Instances come from ``citypeer.visits.method.generate`` (seeded, so every run solves the same
visits) on the 73 indicators of the shipped INTI-CITIES benchmark, from the seed's size
(6 peers, 30 interviewees, 2 workshops) up to 12 peers and 80 interviewees. Both methods run
on each instance in the same process, one after the other. The seed-sized visits get 10 s
(the target: proven optimal within it), the others 60 s (the target: within 2 % of the proven
bound). A full run takes a few minutes (under ten); --quick solves one instance per size with
a quarter of the time.

Columns: "needs ×2" is how many of the "needs more information"/"split" indicators are heard in
two interviews with different interviewees; "objective" and "bound" are the weighted
lexicographic objective (citypeer.visits.method.objective) and CP-SAT's proven bound on it;
"open term" is the first term of the objective not proven optimal, with its value and bound.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import astuple
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citypeer.core.benchmark import load_document  # noqa: E402
from citypeer.visits.method.checker import check_timetable, errors  # noqa: E402
from citypeer.visits.method.generate import generate_instance  # noqa: E402
from citypeer.visits.method.greedy import solve_greedy  # noqa: E402
from citypeer.visits.method.model import OPTIMAL  # noqa: E402
from citypeer.visits.method.objective import TERMS, weights  # noqa: E402
from citypeer.visits.method.solver import solve_timetable  # noqa: E402

INTI = ROOT / "citypeer" / "benchmarks" / "data" / "shipped" / "inti-cities-2009.yaml"
# (peers, interviewees, seeds, seconds)
SIZES = ((6, 30, (0, 1, 2), 10.0), (8, 45, (0, 1, 2), 60.0), (10, 60, (0, 1, 2), 60.0),
         (12, 80, (0, 1, 2), 60.0))


def needs_twice(result) -> int:
    return sum(1 for c in result.coverage if c.target == 2 and c.met)


def open_term(instance, result) -> str:
    """The first term whose proven bound is below its value: "name value/bound"."""
    if result.status == OPTIMAL or result.bound is None:
        return "none"
    rest = result.bound
    for name, weight, value in zip(TERMS, astuple(weights(instance)),
                                   astuple(result.penalties), strict=True):
        bound_here, rest = divmod(rest, weight)
        if bound_here < value:
            return f"{name} {value}/{bound_here}"
    return "none"


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    import ortools

    return (f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, OR-Tools {ortools.__version__}, load average "
            f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    codes = [i.code for i in load_document(INTI).indicators]
    print(f"Machine: {machine()} (at the start)")
    print(f"CP-SAT workers: {args.workers}")
    print()
    print("| instance | needs | greedy needs ×2 | CP-SAT needs ×2 | greedy not met | "
          "CP-SAT not met | greedy objective | CP-SAT objective | bound | gap | status | "
          "CP-SAT s | greedy ms | open term | more needs ×2 than greedy |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|")
    started = time.perf_counter()
    for peers, people, seeds, seconds in SIZES:
        if args.quick:
            seeds, seconds = seeds[:1], seconds / 4
        for seed in seeds:
            instance = generate_instance(peers=peers, interviewees=people, indicators=codes,
                                         workshops=2, seed=seed)
            greedy = solve_greedy(instance)
            result = solve_timetable(instance, time_limit=seconds, num_workers=args.workers)
            broken = errors(result.warnings) + errors(greedy.warnings)
            needs = sum(1 for n in instance.desk_review if n.target == 2)
            better = needs_twice(result) > needs_twice(greedy)
            if better:
                verdict = "yes"
            elif result.status == OPTIMAL or open_term(instance, result).split()[0] not in (
                    "needs_short",):
                verdict = "not possible: greedy reaches the proven optimum"
            else:
                verdict = "no"
            print(f"| {peers} peers, {people} interviewees, seed {seed} | {needs} | "
                  f"{needs_twice(greedy)} | {needs_twice(result)} | "
                  f"{greedy.penalties.not_met} | {result.penalties.not_met} | "
                  f"{greedy.objective} | {result.objective} | {result.bound} | "
                  f"{100 * result.gap:.2g} % | {result.status} | {result.seconds:.1f} | "
                  f"{1000 * greedy.seconds:.0f} | {open_term(instance, result)} | "
                  f"{verdict}{' BROKEN RULES' if broken else ''} |", flush=True)
            last = (instance, result.timetable)
    print()
    instance, timetable = last
    runs = []
    for _ in range(50):
        begin = time.perf_counter()
        check_timetable(instance, timetable)
        runs.append(time.perf_counter() - begin)
    print(f"Checker on the last timetable ({len(timetable.interviews)} interviews, "
          f"{len(instance.interviewees)} interviewees): median "
          f"{1000 * statistics.median(runs):.2f} ms, best {1000 * min(runs):.2f} ms of 50.")
    print(f"Total {time.perf_counter() - started:.0f} s. Machine: {machine()} (at the end)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
