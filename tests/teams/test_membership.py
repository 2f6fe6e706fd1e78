"""Joining, leaving and leading a team: every refusal says which rule applies."""

import pytest

from citypeer.teams.domain.conflicts import declare_conflict
from citypeer.teams.domain.membership import assign_member, remove_member, set_leader
from citypeer.teams.domain.refusals import AssignmentConflict, AssignmentRefused
from citypeer.teams.models import Conflict, Team, TeamMember
from tests.factories import make_person


def members(review):
    return sorted(TeamMember.objects.filter(team__review=review)
                  .values_list("person__username", "role"))


def test_a_peer_joins_a_team(world):
    assign_member(review=world.dusseldorf, person=world["marco"])

    assert members(world.dusseldorf) == [("marco", "peer")]


def test_own_city_is_refused_with_the_reason(world):
    with pytest.raises(AssignmentConflict) as refused:
        assign_member(review=world.dusseldorf, person=world["jonas"])

    assert refused.value.message == "Jonas Becker cannot review Düsseldorf: own city"
    assert members(world.dusseldorf) == []


def test_a_stored_conflict_is_refused_with_its_kind(world):
    declare_conflict(person=world["marco"], city=world.cities["dusseldorf"],
                     kind=Conflict.Kind.PARTNER_CITY)

    with pytest.raises(AssignmentConflict) as refused:
        assign_member(review=world.dusseldorf, person=world["marco"])

    assert refused.value.message == (
        "Marco Brambilla cannot review Düsseldorf: twinned or partner city"
    )


def test_every_conflict_that_applies_is_named(world):
    declare_conflict(person=world["jonas"], city=world.cities["dusseldorf"],
                     kind=Conflict.Kind.PERSONAL, note="former employer")

    with pytest.raises(AssignmentConflict) as refused:
        assign_member(review=world.dusseldorf, person=world["jonas"])

    assert refused.value.reasons == ["own city", "declared personal conflict (former employer)"]


def test_experts_are_checked_for_conflicts_too(world):
    declare_conflict(person=world["hannah"], city=world.cities["lyon"],
                     kind=Conflict.Kind.OTHER)

    with pytest.raises(AssignmentConflict, match="Hannah Weiss cannot review Lyon: other"):
        assign_member(review=world.lyon, person=world["hannah"], role="expert")


def test_an_expert_joins_without_a_city(world):
    assign_member(review=world.lyon, person=world["hannah"], role="expert")

    assert members(world.lyon) == [("hannah", "expert")]


@pytest.mark.parametrize(("username", "role", "message"), [
    ("hannah", "peer", "Hannah Weiss cannot join as a peer: they do not have the peer role."),
    ("marco", "expert",
     "Marco Brambilla cannot join as an expert: they do not have the expert role."),
    ("sanna", "peer", "Sanna Koivisto is not in the peer pool of INTI-CITIES 2008."),
    ("marco", "leader", "role: leader is not a team role; use one of peer, expert."),
])
def test_role_and_pool_are_checked(world, username, role, message):
    with pytest.raises(AssignmentRefused) as refused:
        assign_member(review=world.lyon, person=world[username], role=role)

    assert refused.value.message == message


def test_a_team_takes_its_size_in_peers_and_no_more(world):
    assign_member(review=world.lyon, person=world["marco"])
    assign_member(review=world.lyon, person=world["ruben"])

    with pytest.raises(AssignmentRefused) as refused:
        assign_member(review=world.lyon, person=world["fiona"])

    assert refused.value.message == "The team for Lyon has its 2 peers already."


def test_two_peers_from_one_city_are_refused(world):
    other = make_person("giulia", roles=["peer"], city=world.cities["milan"])
    world.programme.peer_pool.add(other)
    assign_member(review=world.lyon, person=world["marco"])

    with pytest.raises(AssignmentRefused) as refused:
        assign_member(review=world.lyon, person=other)

    assert refused.value.message == (
        "The team for Lyon has a peer from Milan already: Marco Brambilla."
    )


def test_a_peer_takes_at_most_the_programmes_reviews(world):
    assign_member(review=world.lyon, person=world["marco"])

    with pytest.raises(AssignmentRefused) as refused:
        assign_member(review=world.dusseldorf, person=world["marco"])

    assert refused.value.message == (
        "Marco Brambilla is on 1 team of INTI-CITIES 2008 already (Lyon), the most a peer may "
        "take."
    )


def test_joining_twice_is_refused(world):
    assign_member(review=world.lyon, person=world["hannah"], role="expert")

    with pytest.raises(AssignmentRefused, match="Hannah Weiss is on the team for Lyon already"):
        assign_member(review=world.lyon, person=world["hannah"], role="expert")


def test_a_peer_without_a_city_is_refused(world):
    world["ruben"].city = None
    world["ruben"].save()

    with pytest.raises(AssignmentRefused, match="Ruben Dekker has no city"):
        assign_member(review=world.lyon, person=world["ruben"])


def test_leader_must_be_a_member(world):
    with pytest.raises(AssignmentRefused) as refused:
        set_leader(review=world.lyon, person=world["marco"])

    assert refused.value.message == (
        "Marco Brambilla is not on the team for Lyon: only a member can lead it."
    )


def test_a_member_leads_and_leaving_ends_the_lead(world):
    assign_member(review=world.lyon, person=world["marco"])
    set_leader(review=world.lyon, person=world["marco"])
    assert Team.objects.get(review=world.lyon).leader == world["marco"]

    remove_member(review=world.lyon, person=world["marco"])

    assert Team.objects.get(review=world.lyon).leader is None
    assert members(world.lyon) == []


def test_removing_someone_not_on_the_team_is_refused(world):
    with pytest.raises(AssignmentRefused, match="Pau Roig is not on the team for Lyon"):
        remove_member(review=world.lyon, person=world["pau"])


def test_a_leader_is_appointed_only_at_the_programmes_own_training(world):
    import datetime as dt

    from citypeer.programmes.models import Programme
    from citypeer.teams.domain.training import create_training_event

    other = Programme.objects.create(slug="other", name="Other",
                                     benchmark=world.programme.benchmark)
    elsewhere = create_training_event(programme=other, title="Elsewhere",
                                      starts_on=dt.date(2009, 1, 1))
    assign_member(review=world.lyon, person=world["marco"])

    with pytest.raises(AssignmentRefused) as refused:
        set_leader(review=world.lyon, person=world["marco"], appointed_at=elsewhere)

    assert refused.value.message == (
        "Elsewhere is a training session of another programme than INTI-CITIES 2008."
    )
