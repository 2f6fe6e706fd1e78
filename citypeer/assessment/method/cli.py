"""``citypeer assess BUNDLE.json [--json] [--all] [--benchmark FILE]``: the proposals for a
review bundle, computed without the server or a database.

Per indicator it prints the proposed colour, the corroboration status, the interviews
counted and whether the finding may carry a recommendation, then the pillar x value matrix.
The text lists the indicators that have evidence (``--all``: every indicator); ``--json``
always gives every indicator, for programs. The benchmark is the shipped one the bundle
names, or the file given with ``--benchmark``.

Exit status: 0 when the bundle was assessed, 2 when it or the benchmark file is invalid
(every problem on standard error with its place in the file) or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from citypeer.assessment.method.bundle import (
    ReviewBundle,
    ReviewBundleError,
    benchmark_from_file,
    load_bundle,
)
from citypeer.assessment.method.evidence import Direction, InterviewInput
from citypeer.assessment.method.proposal import (
    AssessmentMatrix,
    Colour,
    Corroboration,
    CrossCheck,
    Proposal,
    colour_matrix,
)
from citypeer.core.benchmark import KIND_MATRIX, BenchmarkDocumentError

EXIT_INVALID = 2

_STATUS = {
    Corroboration.CORROBORATED: "corroborated",
    Corroboration.CONTESTED: "contested",
    Corroboration.UNCORROBORATED: "not corroborated",
    Corroboration.NO_FACT_EVIDENCE: "no fact evidence",
}
_DIRECTION = {Direction.MEETS: "meets or surpasses", Direction.FALLS_SHORT: "falls short"}
_CROSS_CHECK = {
    CrossCheck.CONFIRMS: "confirms",
    CrossCheck.CONTRADICTS: "contradicts",
    CrossCheck.MIXED: "mixed",
    CrossCheck.NONE: "",
}
_MATRIX_LETTER = {
    Colour.MEETS: "M", Colour.FALLS_SHORT: "F", Colour.INCONCLUSIVE: "I",
    Colour.NOT_ASSESSED: "·",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="citypeer assess",
        description="Propose a colour for each indicator from a review bundle's evidence.",
    )
    parser.add_argument("bundle", metavar="BUNDLE.json", help="a review bundle "
                        "(docs/review-bundle.schema.json)")
    parser.add_argument("--json", action="store_true", help="print JSON for programs")
    parser.add_argument("--all", action="store_true",
                        help="list indicators without evidence too")
    parser.add_argument("--benchmark", metavar="FILE",
                        help="the benchmark file (YAML or JSON) the bundle is assessed against, "
                             "instead of the shipped benchmark it names")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    try:
        benchmark_for = benchmark_from_file(args.benchmark) if args.benchmark else None
        bundle = load_bundle(args.bundle, benchmark_for=benchmark_for)
    except (ReviewBundleError, BenchmarkDocumentError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    proposals = bundle.proposals()
    matrix = (colour_matrix(benchmark=bundle.benchmark, proposals=proposals)
              if bundle.benchmark.kind == KIND_MATRIX else None)
    if args.json:
        print(json.dumps(to_json(bundle, proposals, matrix), ensure_ascii=False, indent=2))
    else:
        print(render_text(bundle, proposals, matrix, everything=args.all), end="")
    return 0


def to_json(bundle: ReviewBundle, proposals: Sequence[Proposal],
            matrix: AssessmentMatrix | None) -> dict:
    interviews = {i.id: i for i in bundle.interviews}

    def listed(ids: tuple[str, ...]) -> list[dict]:
        return [{"id": i, "number": interviews[i].number} for i in ids]

    return {
        "title": bundle.title,
        "benchmark": {"slug": bundle.benchmark.slug, "version": bundle.benchmark.version},
        "min_corroborating_interviews": bundle.min_interviews,
        "indicators": [
            {
                "indicator": p.indicator,
                "colour": p.colour.value,
                "status": p.status.value,
                "direction": p.direction.value if p.direction else None,
                "corroborated": p.corroborated,
                "contested": p.contested,
                "may_recommend": p.may_recommend,
                "interviewees": p.interviewees,
                "required": p.required,
                "interviews_counted": listed(p.counted),
                "meets_interviews": listed(p.meets_interviews),
                "falls_short_interviews": listed(p.falls_short_interviews),
                "cross_check": p.cross_check.value,
                "evidence": list(p.evidence),
            }
            for p in proposals
        ],
        "matrix": None if matrix is None else {
            "values": list(matrix.values),
            "pillars": [
                {"pillar": pillar, "cells": [
                    {"value": cell.value, "indicators": [
                        {"indicator": code, "colour": colour.value}
                        for code, colour in cell.colours
                    ]}
                    for cell in cells
                ]}
                for pillar, cells in matrix.rows
            ],
        },
    }


def render_text(bundle: ReviewBundle, proposals: Sequence[Proposal],
                matrix: AssessmentMatrix | None, *, everything: bool = False) -> str:
    interviews = {i.id: i for i in bundle.interviews}
    with_evidence = {code for item in bundle.evidence for code in item.indicators}
    shown = [p for p in proposals if everything or p.indicator in with_evidence]

    lines = [bundle.title] if bundle.title else []
    lines.append(
        f"{bundle.benchmark.slug} version {bundle.benchmark.version}: a finding is corroborated "
        f"by fact evidence from {bundle.min_interviews} interviews with different interviewees"
    )
    lines.append("")
    header = ("indicator", "colour", "status", "direction", "interviews counted",
              "recommendation", "cross-check")
    rows = [
        (
            p.indicator,
            p.colour.name,
            _STATUS[p.status],
            _DIRECTION.get(p.direction, "–"),
            _interviews_cell(p, interviews),
            "may carry one" if p.may_recommend else "no",
            _CROSS_CHECK[p.cross_check],
        )
        for p in shown
    ]
    lines += _table(header, rows)
    hidden = len(proposals) - len(shown)
    lines.append("")
    lines.append(f"{len(with_evidence & {p.indicator for p in proposals})} indicators with "
                 f"evidence" + (f"; {hidden} without, NOT_ASSESSED (--all lists them)"
                                if hidden else ""))
    if matrix is not None:
        lines += ["", "Pillars x values (one letter per indicator: M meets or surpasses, "
                      "F falls short, I inconclusive, · not assessed)"]
        cells = [[pillar, *("".join(_MATRIX_LETTER[c] for _, c in cell.colours) or "–"
                            for cell in row)]
                 for pillar, row in matrix.rows]
        lines += _table(("", *matrix.values), cells)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _interviews_cell(p: Proposal, interviews: dict[str, InterviewInput]) -> str:
    if not p.counted and not p.contested:
        return "–"
    numbers = ", ".join(str(interviews[i].number) for i in p.counted) or "–"
    if p.contested:
        against = (p.falls_short_interviews if p.direction == Direction.MEETS
                   else p.meets_interviews if p.direction == Direction.FALLS_SHORT
                   else ())
        if p.direction is None:
            return (f"meets: {_numbers(p.meets_interviews, interviews)}; falls short: "
                    f"{_numbers(p.falls_short_interviews, interviews)}")
        return f"{numbers}; against: {_numbers(against, interviews)}"
    return numbers


def _numbers(ids: tuple[str, ...], interviews: dict[str, InterviewInput]) -> str:
    return ", ".join(str(interviews[i].number) for i in ids)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(r[c])) for r in [header, *rows]) for c in range(len(header))]
    return ["  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True))
            for row in [header, *rows]]


if __name__ == "__main__":
    sys.exit(main())
