"""A city reviewed again in a later programme: what changed since its previous review.

Programmes are ordered by their first phase's start (then by creation). Two reviews on
different versions of one benchmark are compared through the mapping the benchmark revision
published (composed across several revisions); where a version was imported without a
revision, the mapping is worked out from the two documents' texts the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min

from citypeer.benchmarks.domain.library import benchmark_document
from citypeer.benchmarks.models import Benchmark
from citypeer.comparisons.domain.queries import colours_of, matrix_of
from citypeer.comparisons.method.aggregation import ChangeOverTime, IndicatorRef, change_over_time
from citypeer.programmes.models import Review
from citypeer.revisions.method.diff import compose_mappings, diff_benchmarks
from citypeer.revisions.models import RevisionDraft


@dataclass(frozen=True)
class ReviewChange:
    earlier: Review
    later: Review
    change: ChangeOverTime
    mapped_by: str  # "same version", "revision" or "text"


def _programme_order(reviews: list[Review]) -> list[Review]:
    starts = dict(
        Review.objects.filter(pk__in=[r.pk for r in reviews])
        .annotate(start=Min("programme__phases__starts_on")).values_list("pk", "start")
    )
    return sorted(reviews, key=lambda r: (starts[r.pk] or dt.date.max, r.programme_id))


def earlier_review(review: Review) -> Review | None:
    same_city = list(Review.objects.filter(city_id=review.city_id)
                     .select_related("programme__benchmark", "city"))
    ordered = _programme_order(same_city)
    position = [r.pk for r in ordered].index(review.pk)
    return ordered[position - 1] if position > 0 else None


def mapping_between(old: Benchmark, new: Benchmark) -> tuple[dict[str, str] | None, str]:
    """(old code -> new code, how it was found); ``None`` for one and the same version."""
    if old.pk == new.pk:
        return None, "same version"
    if old.slug != new.slug:
        return {}, "none"
    published = {
        d.base_id: (d.published_id, d.mapping)
        for d in RevisionDraft.objects.filter(state=RevisionDraft.State.PUBLISHED,
                                              base__slug=old.slug)
    }
    steps, at = [], old.pk
    while at in published and at != new.pk and len(steps) <= len(published):
        at, mapping = published[at]
        steps.append(mapping)
    if at == new.pk and steps:
        return compose_mappings(*steps), "revision"
    first, second = sorted([old, new], key=lambda b: b.version)
    mapping = diff_benchmarks(benchmark_document(first), benchmark_document(second)).mapping
    if first.pk != old.pk:
        mapping = {v: k for k, v in mapping.items()}
    return mapping, "text"


def _refs(benchmark_id: int) -> list[IndicatorRef]:
    pillars, values, indicators = matrix_of(benchmark_id)
    p = {x.pk: x.code for x in pillars}
    v = {x.pk: x.code for x in values}
    return [IndicatorRef(i.code, p[i.pillar_id], v[i.value_id]) for i in indicators]


def _colours_by_code(review: Review) -> dict[str, str]:
    codes = dict(review.programme.benchmark.indicators.values_list("pk", "code"))
    return {codes[i]: c for i, c in colours_of([review.pk])[review.pk].items()}


def change_since_previous_review(review: Review) -> ReviewChange | None:
    earlier = earlier_review(review)
    if earlier is None:
        return None
    old_b, new_b = earlier.programme.benchmark, review.programme.benchmark
    mapping, mapped_by = mapping_between(old_b, new_b)
    if mapped_by == "none":
        return None
    change = change_over_time(
        earlier_indicators=_refs(old_b.pk), earlier_colours=_colours_by_code(earlier),
        later_indicators=_refs(new_b.pk), later_colours=_colours_by_code(review),
        mapping=mapping,
    )
    return ReviewChange(earlier=earlier, later=review, change=change, mapped_by=mapped_by)
