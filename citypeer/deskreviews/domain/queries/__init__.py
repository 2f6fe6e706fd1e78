"""Reusable queries over desk reviews. Each fetches a fixed number of queries whatever the
size of the benchmark or the team."""

from django.db.models import Count, Prefetch, Q, prefetch_related_objects

from citypeer.benchmarks.models import Indicator
from citypeer.deskreviews.models import DeskJudgement, DeskReview
from citypeer.initialreports.models import ResponsiblePerson, SelfAssessment
from citypeer.programmes.models import Review
from citypeer.teams.models import TeamMember

# Team roles that write a desk review: every peer and expert of the team.
DESK_REVIEWER_ROLES = (TeamMember.Role.PEER, TeamMember.Role.EXPERT)


def desk_reviewer_ids(review: Review) -> set[int]:
    """Ids of the team's peers and experts (cached on the review instance)."""
    if not hasattr(review, "_desk_reviewer_ids"):
        review._desk_reviewer_ids = set(
            TeamMember.objects.filter(team__review=review, role__in=DESK_REVIEWER_ROLES)
            .values_list("person_id", flat=True)
        )
    return review._desk_reviewer_ids


def submitted_peer_ids(review: Review) -> set[int]:
    """Ids of the people whose desk review of this review is submitted (cached)."""
    if not hasattr(review, "_submitted_desk_review_peer_ids"):
        review._submitted_desk_review_peer_ids = set(
            DeskReview.objects.filter(review=review, submitted_at__isnull=False)
            .values_list("peer_id", flat=True)
        )
    return review._submitted_desk_review_peer_ids


def forget_cached_ids(review: Review) -> None:
    for name in ("_desk_reviewer_ids", "_submitted_desk_review_peer_ids"):
        review.__dict__.pop(name, None)


def indicators_of(review: Review):
    """The indicators of the review's benchmark version, in benchmark order."""
    return (
        Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
        .select_related("pillar", "value")
        .order_by("position")
    )


def indicator_by_code(review: Review, code: str) -> Indicator | None:
    return Indicator.objects.filter(benchmark_id=review.programme.benchmark_id,
                                    code=code).first()


def desk_review_of(*, review: Review, peer) -> DeskReview | None:
    """`peer`'s desk review of this review (`peer` a person or their id), or None."""
    return (
        DeskReview.objects.select_related("peer")
        .filter(review=review, peer=peer).first()
    )


def desk_reviews_with_progress(review: Review):
    """The review's desk reviews with `judged` (judgements with a performance)."""
    return (
        DeskReview.objects.filter(review=review)
        .select_related("peer")
        .annotate(judged=Count("judgements", filter=~Q(judgements__performance="")))
        .order_by("peer__name", "peer__username")
    )


def performances_of(desk_review: DeskReview) -> dict[int, str]:
    """The performance given to each indicator judged (by the indicator's id)."""
    return dict(desk_review.judgements.values_list("indicator_id", "performance"))


def judgements_in_full():
    return DeskJudgement.objects.select_related("indicator").prefetch_related(
        Prefetch("to_meet", queryset=ResponsiblePerson.objects.order_by("name"))
    )


def judgements_of(desk_review: DeskReview):
    return judgements_in_full().filter(desk_review=desk_review)


def judgement_of(desk_review: DeskReview, indicator) -> DeskJudgement | None:
    return judgements_of(desk_review).filter(indicator=indicator).first()


def with_judgements(desk_review: DeskReview) -> DeskReview:
    """The desk review with `judgements_in_full` (in benchmark order) and `judged` (those
    with a performance), in two queries."""
    prefetch_related_objects([desk_review], Prefetch(
        "judgements", queryset=judgements_in_full(), to_attr="judgements_in_full"))
    desk_review.judged = sum(1 for j in desk_review.judgements_in_full if j.performance)
    return desk_review


def responsible_people(review: Review) -> list[ResponsiblePerson]:
    """The people the review's initial report names, whom peers may choose to meet."""
    return list(ResponsiblePerson.objects.filter(report__review=review).order_by("name", "pk"))


def self_assessment_for(*, review: Review, indicator) -> SelfAssessment | None:
    return (
        SelfAssessment.objects.select_related(
            "politically_responsible", "operationally_responsible"
        )
        .filter(report__review=review, indicator=indicator).first()
    )
