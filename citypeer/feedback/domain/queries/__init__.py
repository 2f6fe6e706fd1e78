"""Reusable queries of the feedback app. Each fetches a fixed number of queries whatever the
number of recommendations, sections or reviews."""

from django.db.models import Prefetch

from citypeer.assessment.models import Finding
from citypeer.benchmarks.models import Indicator
from citypeer.feedback.models import (
    Commitment,
    HeadlineFinding,
    Recommendation,
    Report,
    ReportSection,
)
from citypeer.programmes.models import Review
from citypeer.teams.models import TeamMember


def review_for_feedback(review_id) -> Review | None:
    return (Review.objects.select_related("programme__benchmark", "city", "team")
            .filter(pk=review_id).first())


def team_of(review: Review) -> list[TeamMember]:
    return list(TeamMember.objects.filter(team__review=review).select_related("person")
                .order_by("role", "person__name"))


def member_ids(review: Review) -> set[int]:
    return review.team_members_ids()


def peer_ids(review: Review) -> set[int]:
    """The people who approve the report: the team's peers (experts advise, peers sign)."""
    if not hasattr(review, "_feedback_peer_ids"):
        review._feedback_peer_ids = set(
            TeamMember.objects.filter(team__review=review, role=TeamMember.Role.PEER)
            .values_list("person_id", flat=True))
    return review._feedback_peer_ids


def leader_id(review: Review) -> int | None:
    from citypeer.teams.models import Team

    return Team.objects.filter(review=review).values_list("leader_id", flat=True).first()


def _ordered_indicators():
    return Prefetch("indicators", queryset=Indicator.objects.order_by("position"))


def headlines_in_full(review: Review):
    return (HeadlineFinding.objects.filter(review=review)
            .prefetch_related(_ordered_indicators(), "votes__person")
            .order_by("position", "id"))


def recommendations_in_full(review: Review):
    return (Recommendation.objects.filter(review=review)
            .select_related("overridden_by", "commitment")
            .prefetch_related(
                _ordered_indicators(),
                Prefetch("findings", queryset=Finding.objects.order_by("id")
                         .prefetch_related(_ordered_indicators())),
            )
            .order_by("position", "id"))


def findings_of(review: Review):
    return (Finding.objects.filter(review=review)
            .prefetch_related(_ordered_indicators(), "evidence")
            .order_by("kind", "id"))


def report_of(review: Review) -> Report | None:
    return Report.objects.filter(review=review).first()


def sections_of(report: Report):
    return ReportSection.objects.filter(report=report).select_related("updated_by")


def commitments_of_programme(programme):
    return (Commitment.objects.filter(recommendation__review__programme=programme)
            .select_related("recommendation__review__city", "updated_by")
            .prefetch_related(Prefetch("recommendation__indicators",
                                       queryset=Indicator.objects.order_by("position")))
            .order_by("recommendation__review__city__name", "recommendation__position",
                      "recommendation_id"))


def recommendations_of_programme(programme):
    return (Recommendation.objects.filter(review__programme=programme)
            .select_related("review__city", "commitment__updated_by")
            .prefetch_related(_ordered_indicators())
            .order_by("review__city__name", "position", "id"))
