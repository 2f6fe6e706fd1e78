"""Reusable queries over the evidence bank. Each fetches a fixed number of queries whatever
the size of the bank."""

from django.db.models import Prefetch

from citypeer.assessment.models import Assessment, EvidenceItem, Finding
from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Review
from citypeer.visits.models import Interview, Visit


def review_for_evidence(review_id: int) -> Review | None:
    return (
        Review.objects.select_related("programme__benchmark", "city")
        .filter(pk=review_id).first()
    )


def indicators_of(review: Review):
    """The indicators of the review's benchmark version, in benchmark order."""
    return (
        Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
        .select_related("pillar", "value")
        .order_by("position")
    )


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


def visit_of(review: Review) -> Visit | None:
    return Visit.objects.filter(review=review).first()


def interviews_of(review: Review):
    return (
        Interview.objects.filter(visit__review=review)
        .select_related("visit", "interviewee", "peer_a", "peer_b")
        .prefetch_related(Prefetch("interviewee__indicators",
                                   queryset=Indicator.objects.order_by("position")))
        .order_by("number")
    )


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
