"""Reusable queries over the catalogue. Each fetches a fixed number of queries whatever the
number of practices."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice


def practices_in_full() -> QuerySet[GoodPractice]:
    return (
        GoodPractice.objects.select_related("city", "review__city", "review__programme")
        .prefetch_related(
            Prefetch("indicators",
                     queryset=Indicator.objects.select_related("pillar", "benchmark")),
            "key_factors",
        )
    )


def visible_practices(user) -> QuerySet[GoodPractice]:
    """The coordinator sees every practice; others the shipped ones and those a review team
    marked transferable, which is what the catalogue is for."""
    practices = practices_in_full()
    if user.is_authenticated and (user.is_coordinator or user.is_superuser):
        return practices
    return practices.filter(
        Q(origin=GoodPractice.Origin.SHIPPED) | Q(transferable=True)
    )


def search_practices(
    practices: QuerySet[GoodPractice],
    *,
    text: str = "",
    indicator: str = "",
    pillar: str = "",
    key_factor: str = "",
    city: str = "",
) -> QuerySet[GoodPractice]:
    """Every word of ``text`` must appear in the title, theme, description or city; the
    other criteria are codes (``GG/A/6``, ``GG``, ``KF3``) or a city name, across every
    version of the benchmarks."""
    for word in text.split():
        practices = practices.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(theme__icontains=word)
            | Q(city_name__icontains=word) | Q(city__name__icontains=word)
        )
    if indicator.strip():
        practices = practices.filter(indicators__code__iexact=indicator.strip())
    if pillar.strip():
        practices = practices.filter(indicators__pillar__code__iexact=pillar.strip())
    if key_factor.strip():
        practices = practices.filter(
            Q(key_factors__code__iexact=key_factor.strip())
            | Q(key_factors__title__icontains=key_factor.strip())
        )
    if city.strip():
        practices = practices.filter(
            Q(city_name__icontains=city.strip()) | Q(city__name__icontains=city.strip())
            | Q(city__slug__iexact=city.strip()) | Q(review__city__name__icontains=city.strip())
        )
    # Joins through indicators and key factors would repeat a practice.
    return practices.distinct()
