"""Practices to learn from: for an indicator where a city falls short, what cities that meet
it do. An indicator is the same across versions of a benchmark when its code is."""

from __future__ import annotations

from dataclasses import dataclass, field

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator
from citypeer.practices.domain.queries import visible_practices
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Review


@dataclass
class Suggestion:
    indicator: Indicator
    from_cities: list[GoodPractice] = field(default_factory=list)  # cities that meet it
    from_publications: list[GoodPractice] = field(default_factory=list)  # shipped, others


def suggestions_for_review(*, review: Review, user, codes: list[str] | None = None
                           ) -> list[Suggestion]:
    """One suggestion per indicator the review's city falls short of (or per code in
    ``codes``), in benchmark order; a fixed number of queries whatever their number."""
    slug = review.programme.benchmark.slug
    if codes is None:
        codes = list(
            Assessment.objects.filter(review=review, colour=Assessment.Colour.FALLS_SHORT)
            .values_list("indicator__code", flat=True)
        )
    indicators = list(Indicator.objects.filter(benchmark_id=review.programme.benchmark_id,
                                               code__in=codes).select_related("pillar"))
    if not indicators:
        return []
    # (city, code) pairs where some review of that city meets the indicator; shipped
    # practices of cities outside the network carry only the city's name.
    meets: set[tuple] = set()
    for city_id, name, code in Assessment.objects.filter(
        colour=Assessment.Colour.MEETS, indicator__code__in=codes,
        indicator__benchmark__slug=slug,
    ).exclude(review__city_id=review.city_id).values_list(
            "review__city_id", "review__city__name", "indicator__code"):
        meets.add((city_id, code))
        meets.add((name.casefold(), code))
    candidates = (
        visible_practices(user)
        .filter(indicators__code__in=codes, indicators__benchmark__slug=slug)
        .exclude(city_id=review.city_id).exclude(review__city_id=review.city_id)
        .exclude(city_name__iexact=review.city.name)
        .distinct()
    )
    suggestions = {i.code: Suggestion(indicator=i) for i in indicators}
    for practice in candidates:
        city_id = practice.city_id or (practice.review.city_id if practice.review else None)
        for ind in practice.indicators.all():
            if ind.code not in suggestions or ind.benchmark.slug != slug:
                continue
            if (city_id, ind.code) in meets or (practice.city_name.casefold(),
                                                 ind.code) in meets:
                suggestions[ind.code].from_cities.append(practice)
            elif practice.origin == GoodPractice.Origin.SHIPPED:
                suggestions[ind.code].from_publications.append(practice)
    return sorted(suggestions.values(), key=lambda s: s.indicator.position)
