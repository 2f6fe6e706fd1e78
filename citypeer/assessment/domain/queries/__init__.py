"""Reusable queries over the evidence bank. Each fetches a fixed number of queries whatever
the size of the bank."""

from django.db.models import Prefetch

from citypeer.assessment.models import Assessment, EvidenceItem, Finding
from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Review
from citypeer.visits.models import Interview, Interviewee, Workshop


def indicators_of(review: Review):
    """The indicators of the review's benchmark version, in benchmark order."""
    return (
        Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
        .select_related("pillar", "value")
        .order_by("position")
    )


def indicator_of(review: Review, code: str) -> Indicator | None:
    return indicators_of(review).filter(code=code).first()


def _ordered_indicators():
    return Prefetch("indicators",
                    queryset=Indicator.objects.select_related("pillar", "value")
                    .order_by("position"))


def evidence_in_full(review: Review):
    """The review's evidence with everything its reference and its row need."""
    return (
        EvidenceItem.objects.filter(review=review)
        .select_related("interview__peer_a", "interview__peer_b", "interview__interviewee",
                        "workshop", "interviewee", "recorded_by")
        .prefetch_related(_ordered_indicators())
        .order_by("recorded_at", "id")
    )


def recorded_in(review: Review, interview: Interview, *, last: int = 20):
    """The newest pieces of evidence from one interview, newest first."""
    return evidence_in_full(review).filter(interview=interview).order_by("-id")[:last]


def evidence_on(review: Review, indicator: Indicator):
    """The evidence related to one indicator, in the bank's order."""
    return evidence_in_full(review).filter(indicators=indicator)


def bank_size(review: Review) -> int:
    return EvidenceItem.objects.filter(review=review).count()


def interviews_of(review: Review):
    return (
        Interview.objects.filter(visit__review=review)
        .select_related("visit", "interviewee", "peer_a", "peer_b")
        .prefetch_related(Prefetch("interviewee__indicators",
                                   queryset=Indicator.objects.order_by("position")))
        .order_by("number")
    )


def workshops_of(review: Review):
    return Workshop.objects.filter(visit__review=review).order_by("label")


def interviewees_of(review: Review):
    return Interviewee.objects.filter(visit__review=review).order_by("name")


def entry_choices(review: Review) -> dict[str, list]:
    """What the evidence form offers: the benchmark's indicators, the visit's interviews,
    workshops and interviewees (the keyword arguments of `EvidenceForm`)."""
    return {"indicators": list(indicators_of(review)), "interviews": list(interviews_of(review)),
            "workshops": list(workshops_of(review)),
            "interviewees": list(interviewees_of(review))}


def interview_numbers(review: Review) -> dict[str, int]:
    """Interview ids (as the method's proposals name them) to their numbers."""
    return {str(pk): number for pk, number in
            Interview.objects.filter(visit__review=review).values_list("pk", "number")}


def decision_on(review: Review, *, indicator: Indicator) -> Assessment | None:
    """The team's decision on one indicator, if it took one."""
    return (Assessment.objects.select_related("decided_by")
            .filter(review=review, indicator=indicator).first())


def assessments_of(review: Review) -> dict[int, Assessment]:
    """The team's decisions by indicator id."""
    return {
        a.indicator_id: a
        for a in Assessment.objects.filter(review=review).select_related("decided_by")
    }


def findings_in_full(review: Review):
    return (
        Finding.objects.filter(review=review)
        .prefetch_related(_ordered_indicators(),
                          Prefetch("evidence", queryset=evidence_in_full(review)))
        .order_by("kind", "id")
    )


def good_practices_of(review: Review):
    return (
        GoodPractice.objects.filter(review=review)
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("position")))
        .order_by("title", "id")
    )
