"""Reusable queries for comparisons: a fixed number of queries whatever the number of cities
and indicators."""

from __future__ import annotations

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator, Pillar, Value
from citypeer.programmes.models import Programme, Review


def programme_for_comparison(slug: str) -> Programme | None:
    return Programme.objects.select_related("benchmark").filter(slug=slug).first()


def matrix_of(benchmark_id: int) -> tuple[list[Pillar], list[Value], list[Indicator]]:
    return (
        list(Pillar.objects.filter(benchmark_id=benchmark_id).order_by("position")),
        list(Value.objects.filter(benchmark_id=benchmark_id).order_by("position")),
        list(Indicator.objects.filter(benchmark_id=benchmark_id).order_by("position")),
    )


def reviews_of(programme: Programme) -> list[Review]:
    return list(Review.objects.filter(programme=programme).select_related("city")
                .order_by("city__name"))


def colours_of(review_ids: list[int]) -> dict[int, dict[int, str]]:
    """review id -> indicator id -> colour (only the colour: rationales stay in the review)."""
    out: dict[int, dict[int, str]] = {rid: {} for rid in review_ids}
    rows = Assessment.objects.filter(review_id__in=review_ids).values_list(
        "review_id", "indicator_id", "colour")
    for review_id, indicator_id, colour in rows:
        out[review_id][indicator_id] = colour
    return out
