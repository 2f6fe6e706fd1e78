"""The team, conflict and training pages, as each role sees them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.programmes.models import Review
from citypeer.teams.domain.conflicts import declare_conflict
from citypeer.teams.domain.membership import assign_member, set_leader
from citypeer.teams.models import Conflict, Team, TeamMember
from tests.factories import make_person


def team_usernames(review):
    return sorted(TeamMember.objects.filter(team__review=review)
                  .values_list("person__username", flat=True))


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_pages_need_a_login(client, world):
    response = client.get(reverse("teams:programme", args=[world.programme.slug]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


# -- the programme's teams, suggested and accepted -------------------------------------------

def test_coordinator_suggests_and_accepts_teams(as_user, world):
    client = as_user(world["coordinator"])

    page = client.post(reverse("teams:suggest", args=[world.programme.slug]))

    html = page.content.decode()
    assert page.status_code == 200
    assert "Suggested teams" in html
    hidden = re.findall(r'name="assignment" value="(\d+):(\d+)"', html)
    assert len(hidden) == 4

    accepted = client.post(reverse("teams:accept", args=[world.programme.slug]),
                           {"assignment": [f"{r}:{p}" for r, p in hidden]})

    assert accepted.status_code == 302
    assert sorted(
        (str(r), str(p)) for r, p in TeamMember.objects.values_list("team__review_id",
                                                                   "person_id")
    ) == sorted(hidden)
    assert "jonas" not in team_usernames(world.dusseldorf)


def test_an_impossible_programme_shows_which_rule(as_user, world):
    world.programme.team_size = 4
    world.programme.save()

    html = as_user(world["coordinator"]).post(
        reverse("teams:suggest", args=[world.programme.slug])).content.decode()

    explanation = re.search(r'data-testid="explanation">(.*?)</div>', html, re.S)[1]
    assert "No teams can be formed under the rules." in explanation
    assert ("2 host cities × 4 peers = 8 places, but the pool&#x27;s 6 peers may take at "
            "most 1 review each = 6.") in explanation
    assert 'name="assignment"' not in html


def test_accepting_an_own_city_assignment_is_refused_on_the_page(as_user, world):
    response = as_user(world["coordinator"]).post(
        reverse("teams:accept", args=[world.programme.slug]),
        {"assignment": [f"{world.dusseldorf.pk}:{world['jonas'].pk}"]},
    )

    assert response.status_code == 409
    assert "Jonas Becker cannot review Düsseldorf: own city" in response.content.decode()
    assert team_usernames(world.dusseldorf) == []


@pytest.mark.parametrize("role", ["jonas", "marco", "hannah", "nobody", "sanna"])
def test_only_the_coordinator_suggests_and_accepts(as_user, world, role):
    client = as_user(world[role])

    suggest = client.post(reverse("teams:suggest", args=[world.programme.slug]))
    accept = client.post(reverse("teams:accept", args=[world.programme.slug]),
                         {"assignment": [f"{world.lyon.pk}:{world['marco'].pk}"]})

    assert (suggest.status_code, accept.status_code) == (403, 403)
    assert team_usernames(world.lyon) == []


def test_others_see_only_the_teams_they_may(as_user, world):
    assign_member(review=world.lyon, person=world["marco"])
    assign_member(review=world.dusseldorf, person=world["ruben"])

    def cities(person):
        response = as_user(person).get(reverse("teams:programme", args=[world.programme.slug]))
        return [row.review.city.name for row in response.context["rows"]]

    assert cities(world["coordinator"]) == ["Düsseldorf", "Lyon"]
    assert cities(world["marco"]) == ["Lyon"]
    assert cities(world["jonas"]) == ["Düsseldorf"]  # host-city officer of Düsseldorf
    assert cities(world["fiona"]) == []  # in the pool, on no team yet


def test_someone_outside_the_programme_cannot_open_its_teams(as_user, world):
    response = as_user(world["sanna"]).get(
        reverse("teams:programme", args=[world.programme.slug]))

    assert response.status_code == 403


def test_programme_page_query_count_does_not_grow_with_teams(as_user, world):
    client = as_user(world["coordinator"])
    url = reverse("teams:programme", args=[world.programme.slug])
    Review.objects.filter(pk=world.dusseldorf.pk).delete()
    assign_member(review=world.lyon, person=world["marco"])
    one = queries_for(client, url)
    world.programme.max_reviews_per_peer = 3
    world.programme.save()
    for slug, names in (("milan", ["pau", "ruben"]), ("utrecht", ["fiona", "pau"]),
                        ("belfast", ["ruben"])):
        review = Review.objects.create(programme=world.programme, city=world.cities[slug])
        for name in names:
            assign_member(review=review, person=world[name])
    assign_member(review=world.lyon, person=world["hannah"], role="expert")
    set_leader(review=world.lyon, person=world["marco"])

    several = queries_for(client, url)

    assert Review.objects.filter(programme=world.programme).count() == 4
    assert several == one


# -- one review's team ------------------------------------------------------------------------

def test_coordinator_adds_a_member(as_user, world):
    response = as_user(world["coordinator"]).post(
        reverse("teams:team_add", args=[world.lyon.pk]),
        {"person": world["marco"].pk, "role": "peer"},
    )

    assert response.status_code == 302
    assert team_usernames(world.lyon) == ["marco"]


def test_adding_a_peer_to_their_own_city_is_refused_with_the_conflict(as_user, world):
    response = as_user(world["coordinator"]).post(
        reverse("teams:team_add", args=[world.dusseldorf.pk]),
        {"person": world["jonas"].pk, "role": "peer"},
    )

    assert response.status_code == 200
    assert response.context["add_form"].errors["person"] == [
        "Jonas Becker cannot review Düsseldorf: own city"
    ]
    assert team_usernames(world.dusseldorf) == []


def test_adding_someone_with_a_declared_conflict_names_it(as_user, world):
    declare_conflict(person=world["pau"], city=world.cities["lyon"],
                     kind=Conflict.Kind.PERSONAL)

    response = as_user(world["coordinator"]).post(
        reverse("teams:team_add", args=[world.lyon.pk]),
        {"person": world["pau"].pk, "role": "peer"},
    )

    assert "Pau Roig cannot review Lyon: declared personal conflict" in response.content.decode()
    assert team_usernames(world.lyon) == []


def test_coordinator_sets_the_leader_and_removes_a_member(as_user, world):
    client = as_user(world["coordinator"])
    assign_member(review=world.lyon, person=world["marco"])
    assign_member(review=world.lyon, person=world["ruben"])

    client.post(reverse("teams:team_leader", args=[world.lyon.pk]),
                {"person": world["marco"].pk})
    client.post(reverse("teams:team_remove", args=[world.lyon.pk, world["ruben"].pk]))

    assert Team.objects.get(review=world.lyon).leader == world["marco"]
    assert team_usernames(world.lyon) == ["marco"]


def test_a_conflict_declared_after_joining_is_flagged(as_user, world):
    assign_member(review=world.lyon, person=world["marco"])
    declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="partner_city")

    html = as_user(world["coordinator"]).get(
        reverse("teams:team", args=[world.lyon.pk])).content.decode()

    assert "conflict of interest: twinned or partner city" in html


@pytest.mark.parametrize(("role", "status"), [
    ("coordinator", 200), ("marco", 200), ("claire", 200), ("jonas", 403), ("fiona", 403),
    ("hannah", 403), ("sanna", 403), ("nobody", 403),
])
def test_who_may_see_a_team(as_user, world, role, status):
    assign_member(review=world.lyon, person=world["marco"])  # claire: Lyon's host officer

    response = as_user(world[role]).get(reverse("teams:team", args=[world.lyon.pk]))

    assert response.status_code == status


@pytest.mark.parametrize("role", ["marco", "claire", "jonas", "hannah", "nobody"])
def test_only_the_coordinator_changes_a_team(as_user, world, role):
    assign_member(review=world.lyon, person=world["marco"])
    client = as_user(world[role])

    add = client.post(reverse("teams:team_add", args=[world.lyon.pk]),
                      {"person": world["ruben"].pk, "role": "peer"})
    remove = client.post(reverse("teams:team_remove", args=[world.lyon.pk, world["marco"].pk]))
    lead = client.post(reverse("teams:team_leader", args=[world.lyon.pk]),
                       {"person": world["marco"].pk})

    assert (add.status_code, remove.status_code, lead.status_code) == (403, 403, 403)
    assert team_usernames(world.lyon) == ["marco"]


def test_a_member_sees_the_team_without_the_forms(as_user, world):
    assign_member(review=world.lyon, person=world["marco"])

    response = as_user(world["marco"]).get(reverse("teams:team", args=[world.lyon.pk]))

    assert response.context["add_form"] is None
    assert "Add to the team" not in response.content.decode()


def test_team_page_query_count_does_not_grow_with_members(as_user, world):
    client = as_user(world["coordinator"])
    assign_member(review=world.lyon, person=world["marco"])
    one = queries_for(client, reverse("teams:team", args=[world.lyon.pk]))
    world.programme.team_size = 4
    world.programme.save()
    for name in ("ruben", "fiona", "pau"):
        assign_member(review=world.lyon, person=world[name])
    assign_member(review=world.lyon, person=world["hannah"], role="expert")
    declare_conflict(person=world["ruben"], city=world.cities["lyon"], kind="other")
    set_leader(review=world.lyon, person=world["marco"])

    several = queries_for(client, reverse("teams:team", args=[world.lyon.pk]))

    assert several == one


# -- conflicts --------------------------------------------------------------------------------

def test_coordinator_declares_pins_and_cannot_remove_a_pinned_conflict(as_user, world):
    client = as_user(world["coordinator"])

    client.post(reverse("teams:conflicts"), {
        "person": world["marco"].pk, "city": world.cities["lyon"].pk,
        "kind": "partner_city", "note": "twinned since 1972", "pinned": "on",
    })
    conflict = Conflict.objects.get()
    response = client.post(reverse("teams:conflict_remove", args=[conflict.pk]), follow=True)

    assert (conflict.person, conflict.kind, conflict.pinned, conflict.declared_by) == (
        world["marco"], "partner_city", True, world["coordinator"])
    assert ("The conflict Marco Brambilla – Lyon: twinned or partner city is pinned: the "
            "coordinator must unpin it before it can be removed.") in response.content.decode()
    assert Conflict.objects.count() == 1

    client.post(reverse("teams:conflict_unpin", args=[conflict.pk]))
    client.post(reverse("teams:conflict_remove", args=[conflict.pk]))

    assert Conflict.objects.count() == 0


def test_a_peer_declares_and_removes_their_own_conflict(as_user, world):
    client = as_user(world["fiona"])

    client.post(reverse("teams:conflicts"), {
        "person": world["fiona"].pk, "city": world.cities["lyon"].pk, "kind": "personal",
        "pinned": "on",
    })
    conflict = Conflict.objects.get()

    assert (conflict.person, conflict.pinned) == (world["fiona"], False)
    client.post(reverse("teams:conflict_remove", args=[conflict.pk]))
    assert Conflict.objects.count() == 0


def test_a_peer_declares_only_for_themselves(as_user, world):
    response = as_user(world["fiona"]).post(reverse("teams:conflicts"), {
        "person": world["marco"].pk, "city": world.cities["lyon"].pk, "kind": "personal",
    })

    assert "person" in response.context["form"].errors
    assert Conflict.objects.count() == 0


def test_a_peer_sees_only_their_own_conflicts_and_cannot_pin(as_user, world):
    mine = declare_conflict(person=world["fiona"], city=world.cities["lyon"], kind="other",
                            declared_by=world["coordinator"])
    declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="other")
    client = as_user(world["fiona"])

    rows = client.get(reverse("teams:conflicts")).context["rows"]
    pin = client.post(reverse("teams:conflict_pin", args=[mine.pk]))
    remove = client.post(reverse("teams:conflict_remove", args=[mine.pk]))

    assert [r["conflict"] for r in rows] == [mine]
    assert (rows[0]["can_remove"], rows[0]["can_pin"]) == (False, False)
    assert (pin.status_code, remove.status_code) == (403, 403)
    assert Conflict.objects.filter(pk=mine.pk, pinned=False).exists()


def test_a_pinned_conflict_offers_no_removal_even_to_a_superuser(as_user, world):
    world["coordinator"].is_superuser = True
    world["coordinator"].save()
    declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="other",
                     pinned=True)

    rows = as_user(world["coordinator"]).get(reverse("teams:conflicts")).context["rows"]

    assert [(r["can_remove"], r["can_pin"]) for r in rows] == [(False, True)]


def test_another_persons_conflict_is_not_found(as_user, world):
    conflict = declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="other")

    response = as_user(world["fiona"]).post(reverse("teams:conflict_remove",
                                                    args=[conflict.pk]))

    assert response.status_code == 404
    assert Conflict.objects.count() == 1


def test_conflicts_page_query_count_does_not_grow(as_user, world):
    client = as_user(world["coordinator"])
    declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="other",
                     declared_by=world["coordinator"])
    one = queries_for(client, reverse("teams:conflicts"))
    for name, city in (("ruben", "lyon"), ("pau", "dusseldorf"), ("fiona", "milan")):
        declare_conflict(person=world[name], city=world.cities[city], kind="personal",
                         declared_by=world[name], pinned=True)

    several = queries_for(client, reverse("teams:conflicts"))

    assert several == one


def test_index_lists_the_programmes_one_takes_part_in(as_user, world):
    from citypeer.programmes.models import Programme

    Programme.objects.create(slug="other", name="Other", benchmark=world.programme.benchmark)

    def names(person):
        return [p.name for p in as_user(person).get(reverse("teams:index")).context[
            "programmes"]]

    assert names(world["coordinator"]) == ["INTI-CITIES 2008", "Other"]
    assert names(world["fiona"]) == ["INTI-CITIES 2008"]
    assert names(make_person("stranger", roles=["peer"])) == []
