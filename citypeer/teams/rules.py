"""Who may do what with teams, conflicts of interest and training. Objects: a
programmes.Review for a team, a Programme for suggestions and training, a teams.Conflict, a
people.User for declaring a conflict about that person, a teams.TrainingMaterial."""

import rules

from citypeer.people.rules import is_coordinator, is_self
from citypeer.programmes.rules import is_host_officer_of_review, is_review_team_member


@rules.predicate
def is_programme_participant(user, programme) -> bool:
    """In the programme's peer pool, on one of its teams, or host-city officer of one of its
    host cities."""
    if programme is None or not user.is_authenticated:
        return False
    from citypeer.teams.models import TeamMember

    if programme.peer_pool.filter(pk=user.pk).exists():
        return True
    if TeamMember.objects.filter(person=user, team__review__programme=programme).exists():
        return True
    return bool(
        user.is_host_officer and user.city_id is not None
        and programme.reviews.filter(city_id=user.city_id).exists()
    )


@rules.predicate
def is_participant_of_material_programme(user, material) -> bool:
    return material is not None and is_programme_participant(user, material.event.programme)


@rules.predicate
def is_conflict_person(user, conflict) -> bool:
    return bool(conflict is not None and user.is_authenticated
                and conflict.person_id == user.pk)


@rules.predicate
def declared_by_conflict_person(user, conflict) -> bool:
    """The person declared this conflict about themselves."""
    return bool(conflict is not None and conflict.declared_by_id == conflict.person_id)


@rules.predicate
def is_pinned(user, conflict) -> bool:
    return bool(conflict is not None and conflict.pinned)


can_see_team = is_coordinator | is_review_team_member | is_host_officer_of_review

rules.add_perm("teams.view_team", can_see_team)
rules.add_perm("teams.change_team", is_coordinator)
rules.add_perm("teams.view_programme_teams", is_coordinator | is_programme_participant)
rules.add_perm("teams.suggest_teams", is_coordinator)

rules.add_perm("teams.list_conflicts", rules.is_authenticated)
rules.add_perm("teams.view_conflict", is_coordinator | is_conflict_person)
# The object is the person the conflict is about: people declare their own conflicts.
rules.add_perm("teams.declare_conflict", is_coordinator | is_self)
rules.add_perm(
    "teams.remove_conflict",
    ~is_pinned & (is_coordinator | (is_conflict_person & declared_by_conflict_person)),
)
rules.add_perm("teams.pin_conflict", is_coordinator)

rules.add_perm("teams.view_training", is_coordinator | is_programme_participant)
rules.add_perm("teams.change_training", is_coordinator)
rules.add_perm(
    "teams.view_training_material", is_coordinator | is_participant_of_material_programme
)
