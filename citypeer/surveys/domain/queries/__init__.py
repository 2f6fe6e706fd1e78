"""Reusable queries of the survey app: each page, API view and command fetches a fixed
number of queries whatever the number of surveys, cities or questions."""

from __future__ import annotations

from django.db.models import Count, Q

from citypeer.benchmarks.domain.queries.benchmarks import latest_versions
from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.surveys.models import CharterSurvey, CityResponse, Signatory


def surveys_with_counts(*, drafts: bool = True):
    rows = CharterSurvey.objects.annotate(
        question_count=Count("questions", distinct=True),
        invited_count=Count("responses", filter=Q(responses__invited_at__isnull=False),
                            distinct=True),
        submitted_count=Count("responses", filter=Q(responses__submitted_at__isnull=False),
                              distinct=True),
    ).order_by("-year")
    return rows if drafts else rows.exclude(state=CharterSurvey.State.DRAFT)


def published_surveys():
    return (CharterSurvey.objects.exclude(publication=CharterSurvey.Publication.UNPUBLISHED)
            .order_by("-year"))


def survey_for_year(year) -> CharterSurvey | None:
    try:
        year = int(year)
    except (TypeError, ValueError):
        return None
    if not 0 < year < 10_000:
        return None
    return CharterSurvey.objects.filter(year=year).prefetch_related("benchmarks").first()


def signatories():
    return Signatory.objects.select_related("city").order_by("city__name")


def progress(survey: CharterSurvey) -> list[dict]:
    """Every signatory city (and any city that answered without being one any more) with its
    response's status: who has answered."""
    responses = {r.city_id: r for r in CityResponse.objects.filter(survey=survey)
                 .select_related("city")}
    rows = []
    for signatory in signatories():
        rows.append({"city": signatory.city, "signatory": signatory,
                     "response": responses.pop(signatory.city_id, None)})
    for response in sorted(responses.values(), key=lambda r: r.city.name):
        rows.append({"city": response.city, "signatory": None, "response": response})
    return rows


def responses_of_city(city_id, *, surveys=None):
    """The city's responses to the open and closed surveys, newest first."""
    surveys = surveys if surveys is not None else CharterSurvey.objects.exclude(
        state=CharterSurvey.State.DRAFT)
    return (CityResponse.objects.filter(city_id=city_id, survey__in=surveys)
            .select_related("survey", "city").order_by("-survey__year"))


def response_for(survey: CharterSurvey, city_slug: str) -> CityResponse | None:
    response = (CityResponse.objects.filter(survey=survey, city__slug=city_slug)
                .select_related("survey", "city").first())
    return response




def is_signatory(city_id) -> bool:
    return Signatory.objects.filter(city_id=city_id, withdrawn=False).exists()


def cities_by_slug(slugs):
    return City.objects.filter(slug__in=list(slugs))


def benchmark_by_id(pk) -> Benchmark | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Benchmark.objects.filter(pk=pk).first() if 0 < pk < 2**63 else None


def addable_benchmarks(survey: CharterSurvey) -> list[Benchmark]:
    """The newest version of each benchmark the survey is not yet built from."""
    used = set(survey.benchmarks.values_list("pk", flat=True))
    return [b for b in latest_versions() if b.pk not in used]


def next_free_year(year: int) -> int:
    """This year, or the first year after it without a survey."""
    taken = set(CharterSurvey.objects.filter(year__gte=year).values_list("year", flat=True))
    while year in taken:
        year += 1
    return year
