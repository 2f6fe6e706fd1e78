"""Who is on a review's team, and who leads it.

Every way into a team (page, API, CLI, accepting suggested teams) goes through
`assign_member`, which checks conflicts of interest first.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from citypeer.teams.domain.conflicts import check_may_review
from citypeer.teams.domain.refusals import AssignmentRefused
from citypeer.teams.models import Team, TeamMember

ROLES = TeamMember.Role


def team_of(review) -> Team:
    team, _created = Team.objects.get_or_create(review=review)
    return team


def assign_member(*, review, person, role: str = ROLES.PEER) -> TeamMember:
    """Put `person` on `review`'s team, or raise AssignmentRefused saying why not.

    A peer represents a city: they need one, come from a city no other peer of the team
    comes from, may be on at most the programme's `max_reviews_per_peer` teams, and a team
    has at most `team_size` peers. Peers and experts alike never review a city they have a
    conflict with.
    """
    if role not in ROLES.values:
        raise AssignmentRefused(
            _("role: %(role)s is not a team role; use one of %(roles)s.")
            % {"role": role, "roles": ", ".join(ROLES.values)}
        )
    programme = review.programme
    with transaction.atomic():
        team = team_of(review)
        # Locking the team row makes concurrent assignments to one team take turns, so two
        # of them cannot both take its last place.
        team = Team.objects.select_for_update().get(pk=team.pk)
        check_may_review(person=person, city=review.city)
        if TeamMember.objects.filter(team=team, person=person).exists():
            raise AssignmentRefused(
                _("%(person)s is on the team for %(city)s already.")
                % {"person": person, "city": review.city}
            )
        if role == ROLES.PEER and not person.is_peer:
            raise AssignmentRefused(
                _("%(person)s cannot join as a peer: they do not have the peer role.")
                % {"person": person}
            )
        if role == ROLES.EXPERT and not person.is_expert:
            raise AssignmentRefused(
                _("%(person)s cannot join as an expert: they do not have the expert role.")
                % {"person": person}
            )
        if not programme.peer_pool.filter(pk=person.pk).exists():
            raise AssignmentRefused(
                _("%(person)s is not in the peer pool of %(programme)s.")
                % {"person": person, "programme": programme}
            )
        if role == ROLES.PEER:
            _check_peer_places(team=team, review=review, person=person)
        return TeamMember.objects.create(team=team, person=person, role=role)


def _check_peer_places(*, team: Team, review, person) -> None:
    programme = review.programme
    if person.city_id is None:
        raise AssignmentRefused(
            _("%(person)s has no city: a peer represents a city, so set their city first.")
            % {"person": person}
        )
    peers = list(
        TeamMember.objects.filter(team=team, role=ROLES.PEER).select_related("person__city")
    )
    if len(peers) >= programme.team_size:
        raise AssignmentRefused(
            ngettext(
                "The team for %(city)s has its %(size)d peer already.",
                "The team for %(city)s has its %(size)d peers already.",
                programme.team_size,
            ) % {"city": review.city, "size": programme.team_size}
        )
    same_city = [m.person for m in peers if m.person.city_id == person.city_id]
    if same_city:
        raise AssignmentRefused(
            _("The team for %(city)s has a peer from %(home)s already: %(other)s.")
            % {"city": review.city, "home": person.city, "other": same_city[0]}
        )
    teams = list(
        TeamMember.objects.filter(person=person, team__review__programme=programme)
        .select_related("team__review__city")
        .order_by("team__review__city__name")
    )
    if len(teams) >= programme.max_reviews_per_peer:
        raise AssignmentRefused(
            ngettext(
                "%(person)s is on %(count)d team of %(programme)s already (%(cities)s), the "
                "most a peer may take.",
                "%(person)s is on %(count)d teams of %(programme)s already (%(cities)s), the "
                "most a peer may take.",
                len(teams),
            ) % {
                "person": person, "count": len(teams), "programme": programme,
                "cities": ", ".join(str(m.team.review.city) for m in teams),
            }
        )


def remove_member(*, review, person) -> None:
    with transaction.atomic():
        team = Team.objects.select_for_update().filter(review=review).first()
        deleted = 0
        if team is not None:
            deleted, _rows = TeamMember.objects.filter(team=team, person=person).delete()
        if not deleted:
            raise AssignmentRefused(
                _("%(person)s is not on the team for %(city)s.")
                % {"person": person, "city": review.city}
            )
        if team.leader_id == person.pk:
            team.leader = None
            team.leader_appointed_at = None
            team.save(update_fields=["leader", "leader_appointed_at"])


def set_leader(*, review, person, appointed_at=None) -> Team:
    """Make a member of the team its leader, the team's ambassador to the host city.
    `appointed_at` is the training session where that was decided, if any."""
    with transaction.atomic():
        team = Team.objects.select_for_update().filter(review=review).first()
        if team is None or not TeamMember.objects.filter(team=team, person=person).exists():
            raise AssignmentRefused(
                _("%(person)s is not on the team for %(city)s: only a member can lead it.")
                % {"person": person, "city": review.city}
            )
        if appointed_at is not None and appointed_at.programme_id != review.programme_id:
            raise AssignmentRefused(
                _("%(event)s is a training session of another programme than %(programme)s.")
                % {"event": appointed_at, "programme": review.programme}
            )
        team.leader = person
        team.leader_appointed_at = appointed_at
        team.save(update_fields=["leader", "leader_appointed_at"])
        return team
