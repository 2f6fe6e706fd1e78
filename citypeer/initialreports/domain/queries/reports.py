"""Reusable querysets over initial reports, each a fixed number of queries whatever the
number of indicators."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch

from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ResponsiblePerson,
    SelfAssessment,
    SupportingDocument,
)


def report_of(review) -> InitialReport | None:
    report = InitialReport.objects.filter(review=review).first()
    if report is not None:
        report.review = review  # keep the caller's review and what it caches
    return report


def background_sections(report):
    return BackgroundSection.objects.filter(report=report).order_by("kind")


def section_of(report, kind: int) -> BackgroundSection | None:
    return background_sections(report).filter(kind=kind).first()


def entries_in_full(report):
    """Self-assessment entries with their indicator, pillar, value, people and documents."""
    return (
        SelfAssessment.objects.filter(report=report)
        .select_related(
            "indicator__pillar", "indicator__value", "politically_responsible",
            "operationally_responsible",
        )
        .prefetch_related(
            Prefetch("documents", queryset=SupportingDocument.objects.order_by("uploaded_at"))
        )
        .order_by("indicator__position")
    )


def entry_of(report, indicator_id: int) -> SelfAssessment | None:
    """The entry of one indicator (by the indicator's id), in full, or None."""
    return entries_in_full(report).filter(indicator_id=indicator_id).first()


def assessed_indicators(report) -> list:
    """The indicators the report's entries assess, in benchmark order."""
    return [e.indicator for e in SelfAssessment.objects.filter(report=report)
            .select_related("indicator").order_by("indicator__position")]


def status_counts(report) -> dict[str, int]:
    """How many entries have each status ("" for none yet)."""
    return dict(
        SelfAssessment.objects.filter(report=report).values_list("status")
        .annotate(n=Count("id")).values_list("status", "n")
    )


def transitions_of(report):
    return report.transitions.select_related("by")


def documents_of(report):
    return (
        SupportingDocument.objects.filter(report=report)
        .select_related("self_assessment__indicator", "uploaded_by")
        .order_by("uploaded_at", "id")
    )


@dataclass
class CandidateInterviewee:
    person: ResponsiblePerson
    politically_for: list[str] = field(default_factory=list)
    operationally_for: list[str] = field(default_factory=list)


def candidate_interviewees(report) -> list[CandidateInterviewee]:
    """The people the report names as responsible, each once, with the indicators they answer
    for: whom the peers may choose to meet during the visit. Two queries."""
    people = {p.pk: CandidateInterviewee(p)
              for p in ResponsiblePerson.objects.filter(report=report).order_by("name")}
    rows = (
        SelfAssessment.objects.filter(report=report)
        .order_by("indicator__position")
        .values_list("indicator__code", "politically_responsible_id",
                     "operationally_responsible_id")
    )
    for code, political, operational in rows:
        if political in people:
            people[political].politically_for.append(code)
        if operational in people:
            people[operational].operationally_for.append(code)
    return list(people.values())
