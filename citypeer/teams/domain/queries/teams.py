"""Reusable querysets for teams, conflicts and training, each in a fixed number of queries."""

from typing import NamedTuple

from django.db.models import Count, Prefetch, Q

from citypeer.people.rules import is_coordinator
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import (
    Conflict,
    Team,
    TeamMember,
    TrainingAttendance,
    TrainingEvent,
    TrainingMaterial,
)


def _reviews_with_teams():
    return (
        Review.objects.select_related("city", "programme", "team__leader")
        .prefetch_related(
            Prefetch(
                "team__members",
                queryset=TeamMember.objects.select_related("person__city")
                # Peers first, then experts.
                .order_by("-role", "person__name", "person__username"),
            )
        )
        .order_by("programme__name", "city__name")
    )


def reviews_with_teams(*, programme=None):
    """Reviews with their team, leader and members (and the members' cities)."""
    reviews = _reviews_with_teams()
    if programme is not None:
        reviews = reviews.filter(programme=programme)
    return reviews


def visible_reviews(*, user, programme=None):
    """The reviews whose team `user` may see: all for the coordinator, otherwise the ones
    they are on the team of and, for a host-city officer, their own city's."""
    reviews = reviews_with_teams(programme=programme)
    if is_coordinator(user):
        return reviews
    mine = Q(pk__in=TeamMember.objects.filter(person=user).values("team__review_id"))
    if user.is_host_officer and user.city_id is not None:
        mine |= Q(city_id=user.city_id)
    return reviews.filter(mine)


def review_with_team(review_id: int):
    return _reviews_with_teams().filter(pk=review_id).first()


def programmes_taking_part(*, user):
    """The programmes `user` takes part in (every one for the coordinator): in the peer
    pool, on one of the teams, or host-city officer of a host city. The same people as the
    `teams.view_programme_teams` permission."""
    programmes = Programme.objects.select_related("benchmark").order_by("name")
    if is_coordinator(user):
        return programmes
    mine = Q(peer_pool=user) | Q(reviews__team__members__person=user)
    if user.is_host_officer and user.city_id is not None:
        mine |= Q(reviews__city_id=user.city_id)
    return programmes.filter(mine).distinct()


def team_or_none(review) -> Team | None:
    try:
        return review.team
    except Team.DoesNotExist:
        return None


def members_of(review) -> list[TeamMember]:
    team = team_or_none(review)
    return list(team.members.all()) if team is not None else []


class TeamRow(NamedTuple):
    review: Review
    team: Team | None
    peers: list[TeamMember]
    experts: list[TeamMember]


def team_rows(reviews) -> list[TeamRow]:
    """Each review (from `reviews_with_teams`) with its team, peers and experts."""
    rows = []
    for review in reviews:
        members = members_of(review)
        rows.append(TeamRow(
            review, team_or_none(review),
            [m for m in members if m.role == TeamMember.Role.PEER],
            [m for m in members if m.role == TeamMember.Role.EXPERT],
        ))
    return rows


def conflicts_for(*, review) -> dict[int, list[Conflict]]:
    """Stored conflicts of the team's members with the host city, by person id, so a page can
    flag a member whose conflict was declared after they joined."""
    out: dict[int, list[Conflict]] = {}
    for c in Conflict.objects.filter(city_id=review.city_id,
                                     person__team_memberships__team__review=review):
        out.setdefault(c.person_id, []).append(c)
    return out


def conflicts_in_full():
    return Conflict.objects.select_related("person__city", "city", "declared_by")


def visible_conflicts(*, user):
    """Every conflict for the coordinator; a person's own otherwise (the people of the
    `teams.view_conflict` permission)."""
    conflicts = conflicts_in_full().order_by(
        "person__name", "person__username", "city__name", "kind")
    if is_coordinator(user):
        return conflicts
    return conflicts.filter(person=user)


def training_events(*, programme):
    return (
        TrainingEvent.objects.filter(programme=programme)
        .annotate(
            attended_count=Count("attendance", filter=Q(attendance__attended=True),
                                 distinct=True),
            material_count=Count("materials", distinct=True),
        )
        .order_by("starts_on", "pk")
    )


def training_events_in_full():
    """Training sessions with their programme, materials and attendance."""
    return (
        TrainingEvent.objects.select_related("programme")
        .prefetch_related(
            Prefetch("materials", queryset=TrainingMaterial.objects.select_related(
                "uploaded_by").order_by("title", "pk")),
            Prefetch("attendance", queryset=TrainingAttendance.objects.select_related(
                "person").order_by("person__name", "person__username")),
        )
    )


def training_event_in_full(event_id: int):
    return training_events_in_full().filter(pk=event_id).first()


def visible_training_events(*, user):
    """The training sessions of the programmes `user` takes part in."""
    return training_events_in_full().filter(
        programme__in=programmes_taking_part(user=user).order_by().values("pk"))


def materials():
    return TrainingMaterial.objects.select_related("event__programme")


def leaders_appointed_at(*, event):
    """The teams whose leader was appointed at this training session."""
    return (
        Team.objects.filter(leader_appointed_at=event)
        .select_related("review__city", "leader")
        .order_by("review__city__name")
    )
