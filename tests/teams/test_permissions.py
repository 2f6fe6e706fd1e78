"""Every permission of this app for every role, and the rule that matters most: a peer is
never put on their own city's team, whichever way one tries."""

import io
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.urls import reverse

from citypeer.teams.domain.conflicts import declare_conflict
from citypeer.teams.domain.membership import assign_member
from citypeer.teams.domain.refusals import AssignmentConflict, SuggestionRefused
from citypeer.teams.domain.suggestions import accept_suggestion
from citypeer.teams.models import TeamMember

ROLES = ["coordinator", "jonas", "claire", "marco", "fiona", "hannah", "sanna", "nobody"]
# jonas, claire: peers and host-city officers of Düsseldorf and Lyon; marco: on Lyon's team;
# fiona, hannah: in the pool, on no team; sanna: a peer outside the programme.


def objects(world):
    assign_member(review=world.lyon, person=world["marco"])
    marco_conflict = declare_conflict(person=world["marco"], city=world.cities["utrecht"],
                                      kind="other", declared_by=world["marco"])
    fiona_conflict = declare_conflict(person=world["fiona"], city=world.cities["milan"],
                                      kind="other", declared_by=world["coordinator"])
    pinned = declare_conflict(person=world["marco"], city=world.cities["belfast"],
                              kind="other", declared_by=world["marco"], pinned=True)
    return {
        "lyon": world.lyon, "programme": world.programme, "marco": world["marco"],
        "marco_conflict": marco_conflict, "fiona_conflict": fiona_conflict, "pinned": pinned,
        None: None,
    }


PERMISSIONS = [
    # permission, object, roles that have it (every other role must not)
    ("teams.view_team", "lyon", {"coordinator", "claire", "marco"}),
    ("teams.change_team", "lyon", {"coordinator"}),
    ("teams.view_programme_teams", "programme",
     {"coordinator", "jonas", "claire", "marco", "fiona", "hannah"}),
    ("teams.suggest_teams", "programme", {"coordinator"}),
    ("teams.list_conflicts", None, set(ROLES)),
    ("teams.view_conflict", "marco_conflict", {"coordinator", "marco"}),
    ("teams.declare_conflict", "marco", {"coordinator", "marco"}),
    ("teams.remove_conflict", "marco_conflict", {"coordinator", "marco"}),
    ("teams.remove_conflict", "fiona_conflict", {"coordinator"}),
    ("teams.remove_conflict", "pinned", set()),
    ("teams.pin_conflict", "marco_conflict", {"coordinator"}),
    ("teams.view_training", "programme",
     {"coordinator", "jonas", "claire", "marco", "fiona", "hannah"}),
    ("teams.change_training", "programme", {"coordinator"}),
]


@pytest.mark.parametrize(("permission", "obj", "granted"), PERMISSIONS,
                         ids=[f"{p}-{o}" for p, o, _ in PERMISSIONS])
def test_permissions_per_role(world, permission, obj, granted):
    target = objects(world)[obj]

    have = {role for role in ROLES if world[role].has_perm(permission, target)}

    assert have == granted


@pytest.mark.parametrize(("permission", "obj", "granted"), PERMISSIONS,
                         ids=[f"{p}-{o}" for p, o, _ in PERMISSIONS])
def test_anonymous_has_no_permission(world, permission, obj, granted):
    assert AnonymousUser().has_perm(permission, objects(world)[obj]) is False


def _page(world):
    response = _client(world).post(reverse("teams:team_add", args=[world.dusseldorf.pk]),
                                   {"person": world["jonas"].pk, "role": "peer"})
    return response.content.decode()


def _page_accept(world):
    response = _client(world).post(reverse("teams:accept", args=[world.programme.slug]),
                                   {"assignment": f"{world.dusseldorf.pk}:{world['jonas'].pk}"})
    return response.content.decode()


def _api(world):
    response = _client(world).post(f"/api/v1/teams/{world.dusseldorf.pk}/members/",
                                   {"person": "jonas", "role": "peer"},
                                   content_type="application/json")
    return response.json()["detail"]


def _api_accept(world):
    response = _client(world).post(
        "/api/v1/programmes/inti-2008/team-suggestion/accept/",
        {"assignments": [{"review": world.dusseldorf.pk, "person": "jonas"}]},
        content_type="application/json",
    )
    return response.json()["detail"]


def _cli(world):
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("teams", "assign", "--review", str(world.dusseldorf.pk),
                     "--person", "jonas", stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def _cli_suggest(world):
    # The pool is only Jonas and Marco: Düsseldorf's team of two would need Jonas.
    world.programme.peer_pool.set([world["jonas"], world["marco"]])
    world.lyon.delete()
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("teams", "suggest", "inti-2008", "--accept",
                     stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def _domain_accept(world):
    with pytest.raises(SuggestionRefused) as refused:
        accept_suggestion(programme=world.programme,
                          assignments=[(world.dusseldorf.pk, world["jonas"].pk)])
    return refused.value.message


def _domain(world):
    with pytest.raises(AssignmentConflict) as refused:
        assign_member(review=world.dusseldorf, person=world["jonas"])
    return refused.value.message


def _client(world):
    from django.test import Client

    client = Client()
    client.force_login(world["coordinator"])
    return client


PATHS = {"page": _page, "page accept": _page_accept, "API": _api, "API accept": _api_accept,
         "CLI assign": _cli, "CLI suggest --accept": _cli_suggest,
         "accept_suggestion": _domain_accept, "assign_member": _domain}


@pytest.mark.parametrize("path", sorted(PATHS))
def test_a_peer_is_never_put_on_their_own_citys_team(world, path):
    said = PATHS[path](world)

    assert re.search(r"Jonas Becker[^.]*own city", said)
    assert not TeamMember.objects.filter(team__review=world.dusseldorf,
                                         person=world["jonas"]).exists()
