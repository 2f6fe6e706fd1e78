"""What the benchmark page shows: the pillars × values matrix with its counts and each
cell's indicators, built from a benchmark fetched in full
(`benchmarks.domain.queries.benchmarks.benchmark_in_full`)."""

from __future__ import annotations


def matrix_context(benchmark) -> dict:
    """Pillars in order, each with its count per value, its total and its non-empty cells;
    the totals per value and overall. A toolkit benchmark has no pillars: the lists are
    empty."""
    values = list(benchmark.values.all())
    indicators = list(benchmark.indicators.all())
    pillars = []
    for pillar in benchmark.pillars.all():
        own = [i for i in indicators if i.pillar_id == pillar.pk]
        cells = []
        for value in values:
            cell = [i for i in own if i.value_id == value.pk]
            if cell:
                cells.append({"value": value, "indicators": cell})
        pillars.append({
            "pillar": pillar,
            "counts": [sum(1 for i in own if i.value_id == v.pk) for v in values],
            "total": len(own),
            "cells": cells,
        })
    return {
        "values": values,
        "pillars": pillars,
        "value_totals": [sum(1 for i in indicators if i.value_id == v.pk) for v in values],
        "indicator_count": len(indicators),
    }
