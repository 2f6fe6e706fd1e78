"""Results of a year's survey and their trends over the years.

Only submitted answers count, and an answer counts only where the question was shown (a
condition may hide it). For each question: how many cities it was shown to, how many
answered; for choices and scales how many chose each; for scales and numbers the mean,
median, lowest and highest. Over the years a question is followed by its `code`, as long
as it keeps its kind; a year in which the same code asked something of another kind is
left out of the trend, and said so.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from citypeer.surveys.method.answers import visible_codes
from citypeer.surveys.method.definition import (
    MULTIPLE,
    NUMBER,
    SCALE,
    SINGLE,
    QuestionSpec,
    SurveyDefinition,
    scale_points,
)


@dataclass(frozen=True)
class QuestionSummary:
    code: str
    kind: str
    shown: int  # submitted responses the question was shown to
    answered: int
    counts: tuple[tuple[str, int], ...] = ()  # choice value or scale point -> cities
    mean: float | None = None
    median: float | None = None
    lowest: float | None = None
    highest: float | None = None

    def count_of(self, value: str) -> int:
        return dict(self.counts).get(str(value), 0)

    def share_of(self, value: str) -> float | None:
        """Share (0–1) of the cities that answered which chose `value`."""
        return self.count_of(value) / self.answered if self.answered else None


def summarise(question: QuestionSpec, values: Sequence, shown: int) -> QuestionSummary:
    values = [v for v in values if v is not None]
    counts: tuple[tuple[str, int], ...] = ()
    if question.kind == SINGLE:
        counts = tuple((c, sum(1 for v in values if v == c)) for c in question.choice_values())
    elif question.kind == MULTIPLE:
        counts = tuple((c, sum(1 for v in values if c in v)) for c in question.choice_values())
    elif question.kind == SCALE:
        counts = tuple((str(p), sum(1 for v in values if v == p))
                       for p in scale_points(question))
    numbers = [float(Decimal(v)) for v in values] if question.kind in (SCALE, NUMBER) else []
    return QuestionSummary(
        code=question.code, kind=question.kind, shown=shown, answered=len(values),
        counts=counts,
        mean=round(statistics.fmean(numbers), 4) if numbers else None,
        median=float(statistics.median(numbers)) if numbers else None,
        lowest=min(numbers) if numbers else None, highest=max(numbers) if numbers else None)


def survey_summary(definition: SurveyDefinition,
                   responses: Sequence[Mapping[str, object]]) -> list[QuestionSummary]:
    """A summary per question of the submitted responses (each: code -> parsed answer)."""
    shown = [visible_codes(definition, answers) for answers in responses]
    return [summarise(q, [answers.get(q.code) for answers, visible in zip(
                          responses, shown, strict=True) if q.code in visible],
                      sum(1 for visible in shown if q.code in visible))
            for q in definition.questions]


@dataclass(frozen=True)
class TrendPoint:
    year: int
    summary: QuestionSummary


@dataclass(frozen=True)
class QuestionTrend:
    """One question's results year after year; `question` is its newest wording."""

    question: QuestionSpec
    points: tuple[TrendPoint, ...]
    left_out: tuple[int, ...] = ()  # years in which the code asked something of another kind

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(p.year for p in self.points)

    def choice_values(self) -> tuple[str, ...]:
        """Every choice (or scale point) of any year, the newest year's first."""
        values: list[str] = [str(v) for v, _n in self.points[-1].summary.counts] \
            if self.points else []
        for point in self.points:
            values += [v for v, _n in point.summary.counts if v not in values]
        return tuple(values)


def trends(years: Sequence[tuple[int, SurveyDefinition, Sequence[QuestionSummary]]]
           ) -> list[QuestionTrend]:
    """Every question asked in at least one of these years, in the order of the newest
    year that asked it, with one point per year that asked it with the same kind."""
    ordered = sorted(years, key=lambda y: y[0])
    newest: dict[str, QuestionSpec] = {}
    order: list[str] = []
    for _year, definition, _summaries in reversed(ordered):
        for q in definition.questions:
            if q.code not in newest:
                newest[q.code] = q
                order.append(q.code)
    found: list[QuestionTrend] = []
    for code in order:
        question = newest[code]
        points, left_out = [], []
        for year, _definition, summaries in ordered:
            summary = next((s for s in summaries if s.code == code), None)
            if summary is None:
                continue
            if summary.kind == question.kind:
                points.append(TrendPoint(year, summary))
            else:
                left_out.append(year)
        found.append(QuestionTrend(question, tuple(points), tuple(left_out)))
    return found
