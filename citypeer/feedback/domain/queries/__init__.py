"""Reusable queries of the feedback app. Each fetches a fixed number of queries whatever the
number of recommendations, sections or reviews."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from citypeer.assessment.models import Finding
from citypeer.benchmarks.models import Indicator
from citypeer.feedback.models import (
    Commitment,
    HeadlineFinding,
    Recommendation,
    Rendering,
    Report,
    ReportSection,
    ReportVersion,
)
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import Team, TeamMember

RECENT_RENDERINGS = 6


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
    return Team.objects.filter(review=review).values_list("leader_id", flat=True).first()


def _ordered_indicators():
    return Prefetch("indicators", queryset=Indicator.objects.order_by("position"))


def indicator_codes(review: Review) -> list[str]:
    """The codes of the review's benchmark, in its order."""
    return list(Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
                .order_by("position").values_list("code", flat=True))


def headlines_of(review: Review):
    return HeadlineFinding.objects.filter(review=review)


def headlines_in_full(review: Review):
    return (HeadlineFinding.objects.filter(review=review)
            .prefetch_related(_ordered_indicators(), "votes__person")
            .order_by("position", "id"))


def recommendations_of(review: Review):
    return Recommendation.objects.filter(review=review)


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


def composed_report(review: Review) -> Report:
    """The review's report, or Http404 while it has not been composed."""
    report = report_of(review)
    if report is None:
        raise Http404(_("The report has not been composed yet."))
    return report


def sections_of(report: Report):
    return ReportSection.objects.filter(report=report).select_related("updated_by")


def sections_of_review(review: Review):
    return ReportSection.objects.filter(report__review=review).select_related("report",
                                                                               "updated_by")


def versions_of(section: ReportSection, *, newest_first: bool = False):
    """Every saved version of a section, the first (the prefill) first."""
    return (ReportVersion.objects.filter(section=section).select_related("saved_by")
            .order_by("-edit_count" if newest_first else "edit_count"))


def renderings_of(review: Review, *, done: bool = False):
    """The renderings of the review's report; with `done`, only those whose file is made."""
    rows = Rendering.objects.filter(report__review=review)
    return rows.filter(state=Rendering.State.DONE) if done else rows


def recent_renderings(report: Report, *, requested_by=None) -> list[Rendering]:
    """The latest renderings of the report (only those `requested_by` asked for, if given)."""
    rows = report.renderings.all()
    if requested_by is not None:
        rows = rows.filter(requested_by=requested_by)
    return list(rows[:RECENT_RENDERINGS])


def get_programme(slug: str) -> Programme:
    """The programme with this slug, or Http404."""
    programme = Programme.objects.filter(slug=slug).first()
    if programme is None:
        raise Http404(_("No such programme."))
    return programme


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
