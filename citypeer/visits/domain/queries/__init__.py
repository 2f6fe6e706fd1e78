"""Reusable queries over visits. Each fetches a fixed number of queries whatever the number
of interviews, interviewees or indicators."""

from django.db.models import Prefetch

from citypeer.benchmarks.models import Indicator
from citypeer.programmes.models import Review
from citypeer.teams.models import TeamMember
from citypeer.visits.models import Interview, Interviewee, Visit, Workshop

# Team roles that hold interviews: the team's peers and its experts.
INTERVIEWER_ROLES = (TeamMember.Role.PEER, TeamMember.Role.EXPERT)


def visit_of(review: Review) -> Visit | None:
    try:
        return review.visit
    except Visit.DoesNotExist:
        return None


def team_interviewers(review: Review) -> list:
    """The team's peers and experts (Users), by initials."""
    return [
        m.person for m in TeamMember.objects.filter(
            team__review=review, role__in=INTERVIEWER_ROLES
        ).select_related("person").order_by("person__initials", "person__name")
    ]


def interviewees_in_full(visit: Visit):
    return Interviewee.objects.filter(visit=visit).prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("position"))
    ).order_by("name", "pk")


def interviews_in_full(visit: Visit, *, cancelled: bool | None = False):
    """The visit's interviews with their interviewee and peers (cancelled ones too when
    `cancelled` is None)."""
    queryset = Interview.objects.filter(visit=visit)
    if cancelled is not None:
        queryset = queryset.filter(cancelled=cancelled)
    return queryset.select_related("interviewee", "peer_a", "peer_b").prefetch_related(
        Prefetch("interviewee__indicators", queryset=Indicator.objects.order_by("position"))
    ).order_by("number")


def interview_numbered(visit: Visit, number: int) -> Interview | None:
    """The interview (not cancelled) with this number, with its interviewee and peers."""
    return interviews_in_full(visit).filter(number=number).first()


def workshops_in_full(visit: Visit):
    return Workshop.objects.filter(visit=visit).prefetch_related(
        "peers", "participants"
    ).order_by("label")


def planned_by_interviewee(visit: Visit) -> dict[int, Interview]:
    """Interviewee id -> their interview not cancelled."""
    return {i.interviewee_id: i for i in Interview.objects.filter(visit=visit, cancelled=False)}
