"""Results of a year's survey and trends over the years, as one document that the pages,
the API, the CLI and the open data files all read (described in docs/surveys.md).

Only submitted answers count. `with_cities` adds each city's answers: for the coordinator,
and for everyone once the coordinator publishes the results per city. A text answer appears
only with the cities' answers; aggregated results count how many cities wrote one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from citypeer.surveys.domain.definitions import definition_of, questions_in_full
from citypeer.surveys.domain.responses import answers_of
from citypeer.surveys.method.aggregation import (
    QuestionSummary,
    QuestionTrend,
    survey_summary,
    trends,
)
from citypeer.surveys.method.definition import (
    SCALE,
    WITH_CHOICES,
    QuestionSpec,
    SurveyDefinition,
)
from citypeer.surveys.method.expressions import relevant_expression
from citypeer.surveys.method.numbers import plain_number
from citypeer.surveys.models import Answer, CharterSurvey, CityResponse

FORMAT = "citypeer-charter-survey/1"
TRENDS_FORMAT = "citypeer-charter-survey-trends/1"
LICENCE = {"id": "CC-BY-4.0", "name": "Creative Commons Attribution 4.0 International",
           "url": "https://creativecommons.org/licenses/by/4.0/"}
ATTRIBUTION = ("Integrating Cities survey of the Charter's signatory cities, published by "
               "the network's coordinator with citypeer")


@dataclass(frozen=True)
class CityAnswers:
    slug: str
    name: str
    country: str
    submitted_at: str
    answers: dict[str, object]


@dataclass(frozen=True)
class SurveyResults:
    survey: CharterSurvey
    definition: SurveyDefinition
    summaries: list[QuestionSummary]
    cities: list[CityAnswers]  # every submitted city, whether shown or not
    invited: int


def submitted_responses(survey: CharterSurvey):
    return (CityResponse.objects.filter(survey=survey, submitted_at__isnull=False)
            .select_related("city").order_by("city__name")
            .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related(
                "question").only("value", "response_id", "question__code"))))


def results_of(survey: CharterSurvey, questions=None) -> SurveyResults:
    definition = definition_of(survey, questions if questions is not None
                               else list(questions_in_full(survey)))
    cities = [CityAnswers(r.city.slug, r.city.name, r.city.country,
                          r.submitted_at.isoformat(),
                          answers_of(r, definition, rows=r.answers.all()))
              for r in submitted_responses(survey)]
    invited = CityResponse.objects.filter(survey=survey, invited_at__isnull=False).count()
    return SurveyResults(survey, definition, survey_summary(
        definition, [c.answers for c in cities]), cities, invited)


def _choice_label(question: QuestionSpec, value: str) -> str:
    if question.kind == SCALE:
        points = question.minimum, question.maximum
        if question.low_label and str(value) == plain_number(points[0]):
            return f"{value} – {question.low_label}"
        if question.high_label and str(value) == plain_number(points[1]):
            return f"{value} – {question.high_label}"
        return str(value)
    return next((c.label for c in question.choices if c.value == value), value)


def question_data(question: QuestionSpec, definition: SurveyDefinition) -> dict:
    kinds = {q.code: q.kind for q in definition.questions}
    return {
        "code": question.code, "kind": question.kind, "text": question.text,
        "hint": question.hint, "section": question.section, "required": question.required,
        "minimum": _number(question.minimum), "maximum": _number(question.maximum),
        "whole_number": question.whole, "low_label": question.low_label,
        "high_label": question.high_label,
        "choices": [{"value": c.value, "label": c.label} for c in question.choices]
        if question.kind in WITH_CHOICES else [],
        "relevant": relevant_expression(question.condition, kinds.get(
            question.condition.question, "")) if question.condition else None,
        "condition": {"question": question.condition.question,
                      "operator": question.condition.operator,
                      "value": question.condition.value} if question.condition else None,
        "source": question.source,
    }


def summary_data(summary: QuestionSummary, question: QuestionSpec) -> dict:
    return {
        "code": summary.code, "shown": summary.shown, "answered": summary.answered,
        "counts": [{"value": value, "label": _choice_label(question, value), "count": count,
                    "share": round(count / summary.answered, 4) if summary.answered else None}
                   for value, count in summary.counts],
        "mean": summary.mean, "median": summary.median, "lowest": summary.lowest,
        "highest": summary.highest,
    }


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def json_value(value):
    """An answer as the open data holds it: numbers as numbers, several choices as a list."""
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def city_data(city: CityAnswers, definition: SurveyDefinition) -> dict:
    answers = {q.code: json_value(city.answers[q.code]) for q in definition.questions
               if q.code in city.answers}
    return {"slug": city.slug, "name": city.name, "country": city.country,
            "submitted_at": city.submitted_at, "answers": answers}


def results_document(results: SurveyResults, *, with_cities: bool) -> dict:
    survey, definition = results.survey, results.definition
    questions = {q.code: q for q in definition.questions}
    return {
        "format": FORMAT, "licence": LICENCE, "attribution": ATTRIBUTION,
        "survey": {
            "year": survey.year, "title": survey.title, "language": survey.language,
            "deadline": survey.deadline.isoformat(), "state": survey.state,
            "publication": survey.publication,
            "published_at": survey.published_at.isoformat() if survey.published_at else None,
            "invited": results.invited, "submitted": len(results.cities),
        },
        "questions": [question_data(q, definition) for q in definition.questions],
        "results": [summary_data(s, questions[s.code]) for s in results.summaries],
        "cities": [city_data(c, definition) for c in results.cities] if with_cities else None,
    }


@dataclass(frozen=True)
class Trends:
    years: list[int]
    questions: list[QuestionTrend]
    cities: dict[str, dict]  # slug -> {"name", "answers": {code: [(year, answer)]}}
    city_years: list[int]  # the years whose cities' answers are shown


def trends_of(surveys: Iterable[CharterSurvey], *, city_years: Sequence[int] = ()) -> Trends:
    """The trends over `surveys`; the cities' answers of the years in `city_years`."""
    per_year = [(survey, results_of(survey)) for survey in sorted(surveys, key=lambda s: s.year)]
    found = trends([(s.year, r.definition, r.summaries) for s, r in per_year])
    kinds = {t.question.code: t.question.kind for t in found}
    cities: dict[str, dict] = {}
    for survey, results in per_year:
        if survey.year not in city_years:
            continue
        same_kind = {q.code for q in results.definition.questions
                     if kinds.get(q.code) == q.kind}
        for city in results.cities:
            entry = cities.setdefault(city.slug, {"name": city.name, "answers": {}})
            for code, value in city.answers.items():
                if code in same_kind:
                    entry["answers"].setdefault(code, []).append((survey.year, value))
    return Trends([s.year for s, _r in per_year], found, cities, sorted(city_years))


def trends_document(found: Trends) -> dict:
    return {
        "format": TRENDS_FORMAT, "licence": LICENCE, "attribution": ATTRIBUTION,
        "years": found.years, "city_years": found.city_years,
        "questions": [{
            "code": t.question.code, "kind": t.question.kind, "text": t.question.text,
            "minimum": _number(t.question.minimum), "maximum": _number(t.question.maximum),
            "left_out": list(t.left_out),
            "years": [{"year": p.year, **summary_data(p.summary, t.question)}
                      for p in t.points],
        } for t in found.questions],
        "cities": [{"slug": slug, "name": entry["name"], "answers": {
            code: [{"year": year, "value": json_value(value)} for year, value in series]
            for code, series in entry["answers"].items()}}
            for slug, entry in sorted(found.cities.items(), key=lambda c: c[1]["name"])],
    }
