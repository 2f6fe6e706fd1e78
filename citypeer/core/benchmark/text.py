"""Plain-text views of a benchmark document for the terminal."""

from __future__ import annotations

import textwrap

from citypeer.core.benchmark.document import KIND_MATRIX, BenchmarkDocument


def matrix_counts(doc: BenchmarkDocument) -> list[tuple[str, list[int], int]]:
    """Per pillar: the number of indicators under each value, in the order of doc.values."""
    rows = []
    for pillar in doc.pillars:
        per_value = dict((v, len(inds)) for v, inds in pillar.cells)
        counts = [per_value.get(v.code, 0) for v in doc.values]
        rows.append((pillar.code, counts, sum(counts)))
    return rows


def render_table(doc: BenchmarkDocument, *, width: int = 100) -> str:
    lines = [f"{doc.title}", f"{doc.slug} version {doc.version} ({doc.kind}, {doc.language})", ""]
    if doc.standard:
        lines += _wrap("Standard: " + doc.standard, width) + [""]
    if doc.kind == KIND_MATRIX:
        header = ["Pillar", *[v.code for v in doc.values], "Total"]
        lines.append("  ".join(f"{h:>6}" for h in header))
        for code, counts, total in matrix_counts(doc):
            lines.append("  ".join(f"{c:>6}" for c in [code, *counts, total]))
        lines.append(f"{len(doc.indicators)} indicators")
        lines.append("")
        value_names = {v.code: v.name for v in doc.values}
        for pillar in doc.pillars:
            lines.append(f"{pillar.code} {pillar.name}")
            if pillar.standard:
                lines += _wrap(pillar.standard, width, indent="  ")
            for value, indicators in pillar.cells:
                lines.append(f"  {pillar.name}: {value_names.get(value, value)}")
                for ind in indicators:
                    lines += _wrap(f"{ind.code:<8} {ind.text}", width, indent="    ",
                                   subsequent="             ")
            lines.append("")
    for kf in doc.key_factors:
        lines.append(f"{kf.code} {kf.title}")
        lines += _wrap(kf.standard, width, indent="  ")
        for q in kf.guide_questions:
            lines += _wrap(f"? {q}", width, indent="    ", subsequent="      ")
        for ex in kf.examples:
            year = f" ({ex.year})" if ex.year else ""
            lines.append(f"    Example: {ex.city}{year}")
        lines.append("")
    if doc.context_factors:
        lines.append("Context factors")
        for cf in doc.context_factors:
            lines += _wrap(f"{cf.code} {cf.name}: {cf.examples}", width, indent="  ",
                           subsequent="      ")
    if doc.key_factors:
        lines.append(
            f"{len(doc.key_factors)} key factors, "
            f"{sum(len(k.guide_questions) for k in doc.key_factors)} guide questions, "
            f"{len(doc.context_factors)} context factors"
        )
    return "\n".join(lines).rstrip() + "\n"


def _wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    out = []
    for para in text.split("\n"):
        out += textwrap.wrap(
            para, width, initial_indent=indent,
            subsequent_indent=indent if subsequent is None else subsequent,
        ) or [""]
    return out
