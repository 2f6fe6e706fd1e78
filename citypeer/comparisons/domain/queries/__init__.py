"""Reusable queries for comparisons: a fixed number of queries whatever the number of cities
and indicators."""

from __future__ import annotations

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator, Pillar, Value
from citypeer.comparisons.models import PublishedComparison
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Programme, Review


def programme_for_comparison(slug: str) -> Programme | None:
    return Programme.objects.select_related("benchmark").filter(slug=slug).first()


def publication_of(programme: Programme) -> PublishedComparison | None:
    """When the programme's comparison was published, if it was (without its snapshot)."""
    return (PublishedComparison.objects.filter(programme=programme)
            .only("published_at", "programme_id").first())


def published_comparisons():
    """Every published comparison by programme name, without the snapshots."""
    return (PublishedComparison.objects.select_related("programme")
            .only("published_at", "programme__slug", "programme__name")
            .order_by("programme__name"))


def review_of(programme: Programme, city_slug: str) -> Review | None:
    return Review.objects.filter(programme=programme, city__slug=city_slug).first()


def published_practices(programme: Programme):
    """The practices of the programme's reviews that their teams marked for publication."""
    return (GoodPractice.objects.filter(review__programme=programme, published=True)
            .select_related("review__city").prefetch_related("indicators")
            .order_by("review__city__name", "title"))


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
