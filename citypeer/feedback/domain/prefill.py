"""What the prefill of the written report reads from the review: the initial report's
background, a summary of the visit, the assessment's colours by pillar, the findings, the
recommendations and the good practices, as the plain data `citypeer.feedback.method.prefill`
takes."""

from __future__ import annotations

from dataclasses import dataclass

from citypeer.assessment.domain.assessments import assessment_rows
from citypeer.benchmarks.models import Pillar
from citypeer.feedback.domain.queries import findings_of, recommendations_in_full, team_of
from citypeer.feedback.method.prefill import (
    Background,
    FindingText,
    IndicatorColour,
    PillarAssessment,
    PracticeText,
    RecommendationText,
    VisitSummary,
    count_by_category,
)
from citypeer.initialreports.models import BackgroundSection
from citypeer.practices.models import GoodPractice
from citypeer.visits.models import Interview, Interviewee, Workshop


def visit_summary(review, team) -> VisitSummary:
    """The interviews held (by interviewee category, never by name), the workshops and the
    team, for the method section."""
    interviews = list(Interview.objects.filter(visit__review=review, cancelled=False)
                      .values_list("interviewee__category", flat=True))
    labels = dict(Interviewee.Category.choices)
    return VisitSummary(
        interviews=len(interviews),
        by_category=tuple((str(labels.get(c, c)), n)
                          for c, n in count_by_category(interviews)),
        workshops=Workshop.objects.filter(visit__review=review).count(),
        team=tuple(f"{m.person.name or m.person.username} ({m.get_role_display()})"
                   for m in team),
        min_interviews=review.programme.min_corroborating_interviews,
    )


def pillar_assessments(rows) -> dict[str, PillarAssessment]:
    """The assessment's rows (`assessment_rows`) by pillar, each indicator with its colour
    and, where the team decided, its rationale."""
    grouped: dict[str, list] = {}
    names: dict[str, str] = {}
    for row in rows:
        pillar = row.indicator.pillar
        names[pillar.code] = pillar.name
        grouped.setdefault(pillar.code, []).append(IndicatorColour(
            code=row.indicator.code, text=row.indicator.text, colour=row.colour,
            rationale=row.decision.rationale if row.final_colour else ""))
    return {code: PillarAssessment(code, names[code], tuple(items))
            for code, items in grouped.items()}


def _findings(review) -> list[FindingText]:
    return [FindingText(id=f.pk, kind=f.kind, text=f.text, barriers=f.barriers,
                        indicators=tuple(i.code for i in f.indicators.all()))
            for f in findings_of(review)]


def _recommendation_texts(recommendations) -> list[RecommendationText]:
    return [RecommendationText(number=n, text=r.text,
                               indicators=tuple(i.code for i in r.indicators.all()),
                               timescale=r.timescale)
            for n, r in enumerate(recommendations, start=1)]


@dataclass(frozen=True)
class PrefillInputs:
    pillar_names: list[tuple[str, str]]  # (code, name) in the benchmark's order
    prefill: dict  # the keyword arguments of `method.prefill.prefill`


def prefill_inputs(review) -> PrefillInputs:
    background = [Background(title=s.get_kind_display(), text=s.text)
                  for s in BackgroundSection.objects.filter(report__review=review)
                  .order_by("kind")]
    practices = [PracticeText(p.title, p.description, p.transferable)
                 for p in GoodPractice.objects.filter(review=review).order_by("title")]
    pillar_names = list(Pillar.objects.filter(benchmark_id=review.programme.benchmark_id)
                        .order_by("position").values_list("code", "name"))
    return PrefillInputs(pillar_names=pillar_names, prefill={
        "context": background, "visit": visit_summary(review, team_of(review)),
        "pillars": pillar_assessments(assessment_rows(review)),
        "findings": _findings(review),
        "recommendations": _recommendation_texts(recommendations_in_full(review)),
        "practices": practices})
