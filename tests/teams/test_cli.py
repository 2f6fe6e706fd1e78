"""`citypeer teams …` as a coordinator types it."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from citypeer.teams.domain.conflicts import declare_conflict
from citypeer.teams.domain.membership import assign_member
from citypeer.teams.models import Conflict, Team, TeamMember


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("teams", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def team_usernames(review):
    return sorted(TeamMember.objects.filter(team__review=review)
                  .values_list("person__username", flat=True))


def test_assign(world):
    code, out, _ = run("assign", "--review", str(world.lyon.pk), "--person", "marco")

    assert (code, out) == (0, "Marco Brambilla joined the team for Lyon as peer.\n")
    assert team_usernames(world.lyon) == ["marco"]


def test_assigning_a_peer_to_their_own_city_exits_1_with_the_conflict(world):
    code, out, err = run("assign", "--review", str(world.dusseldorf.pk), "--person", "jonas")

    assert (code, out, err) == (1, "", "Jonas Becker cannot review Düsseldorf: own city\n")
    assert team_usernames(world.dusseldorf) == []


def test_assigning_with_a_pinned_conflict_exits_1(world):
    declare_conflict(person=world["hannah"], city=world.cities["lyon"], kind="other",
                     pinned=True)

    code, _, err = run("assign", "--review", str(world.lyon.pk), "--person", "hannah",
                       "--role", "expert")

    assert (code, err) == (1, "Hannah Weiss cannot review Lyon: other\n")


def test_an_unknown_person_is_an_error(world):
    with pytest.raises(CommandError, match="There is no person 'ghost'"):
        call_command("teams", "assign", "--review", str(world.lyon.pk), "--person", "ghost")


def test_an_unknown_review_is_an_error(world):
    with pytest.raises(CommandError, match="No such review"):
        call_command("teams", "assign", "--review", "999999", "--person", "marco")


def test_suggest_prints_teams_and_accept_writes_them(world):
    code, out, _ = run("suggest", "inti-2008", "--accept")

    lines = out.splitlines()
    assert code == 0
    assert [line.split(" [")[0] for line in lines[:2]] == ["Düsseldorf", "Lyon"]
    assert lines[-1] == "Accepted: 4 peers added to the teams of INTI-CITIES 2008."
    assert len(team_usernames(world.dusseldorf)) == len(team_usernames(world.lyon)) == 2
    assert "jonas" not in team_usernames(world.dusseldorf)
    assert "claire" not in team_usernames(world.lyon)


def test_suggest_json_writes_nothing_without_accept(world):
    code, out, _ = run("suggest", "inti-2008", "--json")

    data = json.loads(out)
    assert code == 0
    assert data["status"] == "optimal"
    assert [(t["city"], len(t["added"])) for t in data["teams"]] == [
        ("dusseldorf", 2), ("lyon", 2)]
    assert TeamMember.objects.count() == 0


def test_suggest_on_an_impossible_programme_names_the_rule_and_exits_1(world):
    world.programme.team_size = 4
    world.programme.save()

    code, out, err = run("suggest", "inti-2008", "--accept")

    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "No teams can be formed under the rules:",
        "- 2 host cities × 4 peers = 8 places, but the pool's 6 peers may take at most 1 "
        "review each = 6.",
    ]
    assert TeamMember.objects.count() == 0


def test_suggest_json_on_an_impossible_programme(world):
    world.programme.team_size = 4
    world.programme.save()

    code, out, _ = run("suggest", "inti-2008", "--json")

    assert code == 1
    assert [o["rule"] for o in json.loads(out)["explanation"]] == ["reviews_per_peer"]


def test_show_leader_and_remove(world):
    assign_member(review=world.lyon, person=world["marco"])
    assign_member(review=world.lyon, person=world["hannah"], role="expert")

    assert run("leader", "--review", str(world.lyon.pk), "--person", "marco")[0] == 0
    code, out, _ = run("show", "inti-2008", "--json")
    assert code == 0
    assert json.loads(out)[1] == {
        "review": world.lyon.pk, "city": "Lyon", "leader": "marco",
        "members": [
            {"person": "marco", "name": "Marco Brambilla", "role": "peer"},
            {"person": "hannah", "name": "Hannah Weiss", "role": "expert"},
        ],
    }

    assert run("remove", "--review", str(world.lyon.pk), "--person", "marco")[0] == 0
    assert Team.objects.get(review=world.lyon).leader is None


def test_leader_must_be_a_member(world):
    code, _, err = run("leader", "--review", str(world.lyon.pk), "--person", "pau")

    assert (code, err) == (
        1, "Pau Roig is not on the team for Lyon: only a member can lead it.\n")


def test_conflicts_declare_pin_list_and_remove(world):
    code, out, _ = run("conflicts", "declare", "--person", "marco", "--city", "lyon",
                       "--kind", "partner_city", "--note", "twinned", "--pin")
    conflict = Conflict.objects.get()
    assert (code, out) == (0, f"Conflict {conflict.pk} recorded: Marco Brambilla – Lyon: "
                              "twinned or partner city [pinned].\n")

    code, _, err = run("conflicts", "remove", str(conflict.pk))
    assert (code, err) == (1, "The conflict Marco Brambilla – Lyon: twinned or partner city is "
                              "pinned: the coordinator must unpin it before it can be removed.\n")

    _, out, _ = run("conflicts", "list", "--json")
    assert json.loads(out) == [{"id": conflict.pk, "person": "marco", "name": "Marco Brambilla",
                                "city": "lyon", "kind": "partner_city", "note": "twinned",
                                "pinned": True}]

    assert run("conflicts", "unpin", str(conflict.pk))[0] == 0
    assert run("conflicts", "remove", str(conflict.pk))[0] == 0
    assert Conflict.objects.count() == 0


def test_declaring_own_city_is_not_offered(world):
    with pytest.raises(CommandError, match="invalid choice: 'own_city'"):
        call_command("teams", "conflicts", "declare", "--person", "jonas", "--city",
                     "dusseldorf", "--kind", "own_city")
