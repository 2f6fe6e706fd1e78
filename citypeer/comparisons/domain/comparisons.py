"""A programme's comparison as data: the one document that the pages, the PDF, the open data
downloads, the API and `citypeer compare` all read.

The document holds cities (name, country), the benchmark's matrix and the teams' colours with
the scores ``citypeer.comparisons.method.aggregation`` computes from them, and nothing
about people: no names, no rationales, no evidence. That is what makes it safe to publish as it is.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from citypeer.common.refusals import Refused
from citypeer.comparisons.domain.queries import (
    colours_of,
    matrix_of,
    published_practices,
    reviews_of,
)
from citypeer.comparisons.method.aggregation import IndicatorRef, compare_cities
from citypeer.comparisons.models import PublishedComparison
from citypeer.programmes.models import Programme

FORMAT = "citypeer-comparison/1"
METHOD = (
    "Indicator scores: meets or surpasses = 100, inconclusive = 50, falls short = 0; not "
    "assessed is left out. Cell (pillar x value) = mean of its assessed indicators; pillar = "
    "mean of its cells; value = mean of its cells across pillars; overall = mean of the "
    "pillars. Cells, pillars and values with nothing assessed have no score (null) and are "
    "left out of the means above them. Medians are over the cities that have a score. Rank: "
    "competition ranking on the overall score."
)


class NotComparable(Refused):
    """A toolkit benchmark has no scores: its programme has no comparison (404: there is
    nothing to show)."""

    status_code = 404


def _round(score: float | None) -> float | None:
    return None if score is None else round(score, 2)


def cell_key(pillar: str, value: str) -> str:
    return f"{pillar}/{value}"


def comparison_data(*, programme: Programme) -> dict:
    """The programme's comparison, computed from the teams' current colours."""
    benchmark = programme.benchmark
    if benchmark.kind != benchmark.Kind.MATRIX:
        raise NotComparable(
            f"programme {programme.slug}: benchmark {benchmark.slug} is a toolkit; only a "
            "pillars × values benchmark has scores to compare")
    pillars, values, indicators = matrix_of(benchmark.pk)
    pillar_code = {p.pk: p.code for p in pillars}
    value_code = {v.pk: v.code for v in values}
    refs = [IndicatorRef(i.code, pillar_code[i.pillar_id], value_code[i.value_id])
            for i in indicators]
    code_of = {i.pk: i.code for i in indicators}
    reviews = reviews_of(programme)
    colours = colours_of([r.pk for r in reviews])
    by_city = {r.city.slug: {code_of[i]: c for i, c in colours[r.pk].items() if i in code_of}
               for r in reviews}
    result = compare_cities(indicators=refs, colours=by_city)
    cities = []
    for review in reviews:
        scores = result.cities[review.city.slug]
        standing = result.standings[review.city.slug]
        cities.append({
            "slug": review.city.slug,
            "name": review.city.name,
            "country": review.city.country,
            "overall": _round(scores.overall),
            "rank": standing.rank,
            "assessed": scores.assessed,
            "total": scores.total,
            "above_median_cells": standing.above_median_cells,
            "below_median_cells": standing.below_median_cells,
            "pillars": {p: _round(s) for p, s in scores.pillars.items()},
            "values": {v: _round(s) for v, s in scores.values.items()},
            "cells": {cell_key(*k): _round(c.score) for k, c in scores.cells.items()},
            "colours": {code: by_city[review.city.slug].get(code, "not_assessed")
                        for code in code_of.values()},
        })
    return {
        "format": FORMAT,
        "programme": {"slug": programme.slug, "name": programme.name},
        "benchmark": {"slug": benchmark.slug, "version": benchmark.version,
                      "title": benchmark.title},
        "published_at": None,
        "method": METHOD,
        "pillars": [{"code": p.code, "name": p.name} for p in pillars],
        "values": [{"code": v.code, "name": v.name} for v in values],
        "cells": [cell_key(*k) for k in result.cells],
        "indicators": [{"code": r.code, "pillar": r.pillar, "value": r.value, "text": i.text}
                       for r, i in zip(refs, indicators, strict=True)],
        "cities": cities,
        "median": {
            "overall": _round(result.median_overall),
            "pillars": {p: _round(s) for p, s in result.median_pillars.items()},
            "values": {v: _round(s) for v, s in result.median_values.items()},
            "cells": {cell_key(*k): _round(s) for k, s in result.median_cells.items()},
        },
        "distributions": [
            {"indicator": d.code, **d.counts, "mean": _round(d.mean)}
            for d in result.distributions.values()
        ],
        "practices": [
            {"city": p.review.city.name, "title": p.title, "year": p.year, "theme": p.theme,
             "description": p.description, "indicators": [i.code for i in p.indicators.all()]}
            for p in published_practices(programme)],
    }


def published_data(*, slug: str) -> dict | None:
    row = (PublishedComparison.objects.filter(programme__slug=slug)
           .only("data").first())
    return row.data if row else None


def publish_comparison(*, programme: Programme, user) -> PublishedComparison:
    """Freeze the comparison as it stands and make it public; publishing again replaces it."""
    data = comparison_data(programme=programme)
    now = timezone.now()
    data["published_at"] = now.isoformat()
    with transaction.atomic():
        row, _created = PublishedComparison.objects.select_for_update().get_or_create(
            programme=programme,
            defaults={"data": data, "published_at": now, "published_by": user},
        )
        if not _created:
            row.data, row.published_at, row.published_by = data, now, user
            row.edit_count += 1
            row.save()
    return row


def unpublish_comparison(*, programme: Programme) -> bool:
    deleted, _ = PublishedComparison.objects.filter(programme=programme).delete()
    return bool(deleted)
