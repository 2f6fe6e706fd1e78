"""/api/v1/ for teams, suggested teams, conflicts and training, per role."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from citypeer.programmes.models import Review
from citypeer.teams.domain.conflicts import declare_conflict
from citypeer.teams.domain.membership import assign_member
from citypeer.teams.domain.training import create_training_event
from citypeer.teams.models import Conflict, Team, TeamMember, TrainingAttendance
from tests.teams.test_training import PDF


def team_usernames(review):
    return sorted(TeamMember.objects.filter(team__review=review)
                  .values_list("person__username", flat=True))


@pytest.fixture
def api(client):
    def as_(person):
        client.force_login(person)
        return client
    return as_


def test_anonymous_gets_nothing(client, world):
    assert client.get("/api/v1/teams/").status_code == 403
    assert client.get("/api/v1/conflicts/").status_code == 403


def test_a_team_as_json(api, world):
    assign_member(review=world.lyon, person=world["marco"])
    assign_member(review=world.lyon, person=world["hannah"], role="expert")

    data = api(world["marco"]).get(f"/api/v1/teams/{world.lyon.pk}/").json()

    assert data == {
        "review": world.lyon.pk, "programme": "inti-2008", "city": "lyon", "city_name": "Lyon",
        "leader": None, "leader_appointed_at": None,
        "members": [
            {"person": "marco", "name": "Marco Brambilla", "city": "milan", "role": "peer"},
            {"person": "hannah", "name": "Hannah Weiss", "city": None, "role": "expert"},
        ],
    }


def test_the_list_holds_the_teams_one_may_see(api, world):
    assign_member(review=world.lyon, person=world["marco"])

    def cities(person, query=""):
        return [t["city"] for t in api(person).get(f"/api/v1/teams/{query}").json()["results"]]

    assert cities(world["coordinator"]) == ["dusseldorf", "lyon"]
    assert cities(world["coordinator"], "?programme=inti-2008") == ["dusseldorf", "lyon"]
    assert cities(world["marco"]) == ["lyon"]
    assert cities(world["claire"]) == ["lyon"]
    assert cities(world["fiona"]) == []


@pytest.mark.parametrize(("role", "status"), [
    ("coordinator", 200), ("marco", 200), ("claire", 200), ("jonas", 404), ("sanna", 404),
    ("nobody", 404),
])
def test_who_may_read_a_team(api, world, role, status):
    assign_member(review=world.lyon, person=world["marco"])

    assert api(world[role]).get(f"/api/v1/teams/{world.lyon.pk}/").status_code == status


def test_coordinator_assigns_through_the_api(api, world):
    response = api(world["coordinator"]).post(
        f"/api/v1/teams/{world.lyon.pk}/members/", {"person": "marco", "role": "peer"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert [m["person"] for m in response.json()["members"]] == ["marco"]


def test_assigning_a_peer_to_their_own_city_is_refused_through_the_api(api, world):
    response = api(world["coordinator"]).post(
        f"/api/v1/teams/{world.dusseldorf.pk}/members/", {"person": "jonas"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "Jonas Becker cannot review Düsseldorf: own city"}
    assert team_usernames(world.dusseldorf) == []


def test_a_stored_conflict_is_refused_through_the_api(api, world):
    declare_conflict(person=world["ruben"], city=world.cities["lyon"], kind="partner_city")

    response = api(world["coordinator"]).post(
        f"/api/v1/teams/{world.lyon.pk}/members/", {"person": "ruben"},
        content_type="application/json",
    )

    assert response.json() == {"detail": "Ruben Dekker cannot review Lyon: twinned or partner "
                                         "city"}


@pytest.mark.parametrize("role", ["marco", "claire", "jonas"])
def test_only_the_coordinator_changes_teams_through_the_api(api, world, role):
    assign_member(review=world.lyon, person=world["marco"])
    client = api(world[role])

    responses = [
        client.post(f"/api/v1/teams/{world.lyon.pk}/members/", {"person": "ruben"},
                    content_type="application/json"),
        client.delete(f"/api/v1/teams/{world.lyon.pk}/members/marco/"),
        client.put(f"/api/v1/teams/{world.lyon.pk}/leader/", {"person": "marco"},
                   content_type="application/json"),
    ]

    # Lyon's team is visible to Marco (member) and Claire (host officer), not to Jonas.
    expected = 404 if role == "jonas" else 403
    assert [r.status_code for r in responses] == [expected] * 3
    assert team_usernames(world.lyon) == ["marco"]


def test_an_unknown_person_is_bad_input_naming_the_field(api, world):
    response = api(world["coordinator"]).post(
        f"/api/v1/teams/{world.lyon.pk}/members/", {"person": "ghost"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {"person": ["There is no person ghost."]}
    assert team_usernames(world.lyon) == []


def test_a_leader_is_appointed_only_at_a_session_of_the_programme(api, world):
    from citypeer.programmes.models import Programme

    assign_member(review=world.lyon, person=world["marco"])
    other = Programme.objects.create(slug="other", name="Other",
                                     benchmark=world.programme.benchmark)
    elsewhere = create_training_event(programme=other, title="T",
                                      starts_on=dt.date(2008, 3, 4))

    response = api(world["coordinator"]).put(
        f"/api/v1/teams/{world.lyon.pk}/leader/",
        {"person": "marco", "appointed_at": elsewhere.pk}, content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "appointed_at": [f"There is no training session {elsewhere.pk} in this programme."]}
    assert Team.objects.get(review=world.lyon).leader is None


def test_coordinator_removes_a_member_and_sets_a_leader(api, world):
    assign_member(review=world.lyon, person=world["marco"])
    assign_member(review=world.lyon, person=world["ruben"])
    client = api(world["coordinator"])

    lead = client.put(f"/api/v1/teams/{world.lyon.pk}/leader/", {"person": "marco"},
                      content_type="application/json")
    remove = client.delete(f"/api/v1/teams/{world.lyon.pk}/members/ruben/")
    refused = client.put(f"/api/v1/teams/{world.lyon.pk}/leader/", {"person": "ruben"},
                         content_type="application/json")

    assert (lead.status_code, lead.json()["leader"]) == (200, "marco")
    assert remove.status_code == 204
    assert refused.json() == {
        "detail": "Ruben Dekker is not on the team for Lyon: only a member can lead it."
    }


def test_suggestion_and_acceptance_through_the_api(api, world):
    client = api(world["coordinator"])

    suggestion = client.post("/api/v1/programmes/inti-2008/team-suggestion/").json()
    assignments = [{"review": t["review"], "person": p}
                   for t in suggestion["teams"] for p in t["added"]]
    accepted = client.post("/api/v1/programmes/inti-2008/team-suggestion/accept/",
                           {"assignments": assignments}, content_type="application/json")

    assert suggestion["status"] == "optimal"
    assert accepted.status_code == 201
    assert {t["city"]: sorted(m["person"] for m in t["members"]) for t in accepted.json()} == {
        t["city"]: sorted(t["members"]) for t in suggestion["teams"]
    }


def test_an_impossible_suggestion_through_the_api_names_the_rule(api, world):
    world.programme.team_size = 4
    world.programme.save()

    data = api(world["coordinator"]).post(
        "/api/v1/programmes/inti-2008/team-suggestion/").json()

    assert (data["status"], data["teams"]) == ("infeasible", [])
    assert data["explanation"] == [{
        "rule": "reviews_per_peer",
        "message": "2 host cities × 4 peers = 8 places, but the pool's 6 peers may take at "
                   "most 1 review each = 6.",
    }]


def test_accepting_an_own_city_assignment_through_the_api_is_refused(api, world):
    response = api(world["coordinator"]).post(
        "/api/v1/programmes/inti-2008/team-suggestion/accept/",
        {"assignments": [{"review": world.lyon.pk, "person": "marco"},
                         {"review": world.dusseldorf.pk, "person": "jonas"}]},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["problems"] == ["Jonas Becker cannot review Düsseldorf: own city"]
    assert TeamMember.objects.count() == 0


@pytest.mark.parametrize("role", ["marco", "jonas", "hannah"])
def test_only_the_coordinator_suggests_through_the_api(api, world, role):
    client = api(world[role])

    assert client.post("/api/v1/programmes/inti-2008/team-suggestion/").status_code == 403
    assert client.post("/api/v1/programmes/inti-2008/team-suggestion/accept/",
                       {"assignments": []}, content_type="application/json").status_code == 403


def test_conflicts_through_the_api(api, world):
    coordinator = api(world["coordinator"])

    created = coordinator.post("/api/v1/conflicts/", {
        "person": "marco", "city": "lyon", "kind": "partner_city", "pinned": True,
    }, content_type="application/json")
    pk = created.json()["id"]
    refused = coordinator.delete(f"/api/v1/conflicts/{pk}/")
    unpinned = coordinator.patch(f"/api/v1/conflicts/{pk}/", {"pinned": False},
                                 content_type="application/json")
    removed = coordinator.delete(f"/api/v1/conflicts/{pk}/")

    assert created.status_code == 201
    assert (created.json()["person"], created.json()["pinned"],
            created.json()["declared_by"]) == ("marco", True, "coordinator")
    assert refused.status_code == 400
    assert refused.json()["detail"].endswith("is pinned: the coordinator must unpin it before "
                                             "it can be removed.")
    assert unpinned.json()["pinned"] is False
    assert removed.status_code == 204
    assert Conflict.objects.count() == 0


def test_a_peer_declares_their_own_conflict_but_neither_others_nor_pins(api, world):
    client = api(world["fiona"])

    own = client.post("/api/v1/conflicts/", {"city": "lyon", "kind": "personal"},
                      content_type="application/json")
    other = client.post("/api/v1/conflicts/", {"person": "marco", "city": "lyon",
                                               "kind": "personal"},
                        content_type="application/json")
    pinned = client.post("/api/v1/conflicts/", {"city": "milan", "kind": "other",
                                                "pinned": True},
                         content_type="application/json")
    pin = client.patch(f"/api/v1/conflicts/{own.json()['id']}/", {"pinned": True},
                       content_type="application/json")

    assert (own.status_code, own.json()["person"]) == (201, "fiona")
    assert (other.status_code, pinned.status_code, pin.status_code) == (403, 403, 403)
    assert list(Conflict.objects.values_list("person__username", "pinned")) == [
        ("fiona", False)]


def test_a_peer_lists_only_their_own_conflicts(api, world):
    declare_conflict(person=world["fiona"], city=world.cities["lyon"], kind="other")
    theirs = declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="other")
    client = api(world["fiona"])

    listed = [c["person"] for c in client.get("/api/v1/conflicts/").json()["results"]]

    assert listed == ["fiona"]
    assert client.get(f"/api/v1/conflicts/{theirs.pk}/").status_code == 404


def test_declaring_own_city_through_the_api_is_not_a_kind(api, world):
    response = api(world["coordinator"]).post(
        "/api/v1/conflicts/", {"person": "jonas", "city": "dusseldorf", "kind": "own_city"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "kind" in response.json()


def test_training_through_the_api(api, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assign_member(review=world.lyon, person=world["marco"])
    client = api(world["coordinator"])

    created = client.post("/api/v1/programmes/inti-2008/training-events/", {
        "title": "Training", "starts_on": "2008-03-04", "ends_on": "2008-03-05",
    }, content_type="application/json").json()
    pk = created["id"]
    attendance = client.put(f"/api/v1/training-events/{pk}/attendance/",
                            {"present": ["marco", "claire"]}, content_type="application/json")
    upload = client.post(f"/api/v1/training-events/{pk}/materials/",
                         {"title": "Agenda", "file": SimpleUploadedFile("agenda.pdf", PDF)})
    leader = client.post(f"/api/v1/training-events/{pk}/leaders/",
                         {"review": world.lyon.pk, "person": "marco"},
                         content_type="application/json")
    detail = api(world["marco"]).get(f"/api/v1/training-events/{pk}/").json()

    assert attendance.status_code == 200
    assert sorted(a["person"] for a in detail["attendance"] if a["attended"]) == [
        "claire", "marco"]
    assert upload.status_code == 201
    assert [(m["title"], m["content_type"]) for m in detail["materials"]] == [
        ("Agenda", "application/pdf")]
    assert detail["materials"][0]["url"].endswith(f"/teams/materials/{upload.json()['id']}/")
    assert (leader.json()["leader"], leader.json()["leader_appointed_at"]) == ("marco", pk)
    assert Team.objects.get(review=world.lyon).leader_appointed_at_id == pk


def test_a_refused_upload_through_the_api_says_why(api, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = create_training_event(programme=world.programme, title="T",
                                  starts_on=dt.date(2008, 3, 4))

    response = api(world["coordinator"]).post(
        f"/api/v1/training-events/{event.pk}/materials/",
        {"file": SimpleUploadedFile("agenda.pdf", b"not a pdf at all")},
    )

    assert response.status_code == 400
    assert response.json() == {
        "detail": "agenda.pdf: the file's content is a plain text but its name ends in '.pdf'; "
                  "name it .txt or .csv or .md."}


def test_attendance_of_an_unknown_person_is_bad_input(api, world):
    event = create_training_event(programme=world.programme, title="T",
                                  starts_on=dt.date(2008, 3, 4))

    response = api(world["coordinator"]).put(
        f"/api/v1/training-events/{event.pk}/attendance/", {"present": ["marco", "ghost"]},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {"present": ["There is no person ghost."]}
    assert TrainingAttendance.objects.count() == 0


@pytest.mark.parametrize(("role", "read", "write"), [
    ("coordinator", 200, 200), ("marco", 200, 403), ("jonas", 200, 403), ("sanna", 404, 404),
])
def test_training_permissions_through_the_api(api, world, role, read, write):
    event = create_training_event(programme=world.programme, title="T",
                                  starts_on=dt.date(2008, 3, 4))
    client = api(world[role])

    got = client.get(f"/api/v1/training-events/{event.pk}/")
    put = client.put(f"/api/v1/training-events/{event.pk}/attendance/", {"present": []},
                     content_type="application/json")

    assert (got.status_code, put.status_code) == (read, write)
    assert TrainingAttendance.objects.filter(attended=True).count() == 0


def test_token_authentication(client, world):
    token = Token.objects.create(user=world["coordinator"])

    response = client.get("/api/v1/teams/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200


def test_team_list_query_count_does_not_grow(api, world):
    client = api(world["coordinator"])
    Review.objects.filter(pk=world.dusseldorf.pk).delete()
    assign_member(review=world.lyon, person=world["marco"])
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/teams/")
    world.programme.max_reviews_per_peer = 3
    world.programme.save()
    for slug, names in (("milan", ["pau", "ruben"]), ("utrecht", ["fiona"])):
        review = Review.objects.create(programme=world.programme, city=world.cities[slug])
        for name in names:
            assign_member(review=review, person=world[name])

    with CaptureQueriesContext(connection) as several:
        data = client.get("/api/v1/teams/").json()

    assert data["count"] == 3
    assert len(several.captured_queries) == len(one.captured_queries)


def test_conflict_list_query_count_does_not_grow(api, world):
    client = api(world["coordinator"])
    declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="other",
                     declared_by=world["coordinator"])
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/conflicts/")
    for name in ("ruben", "pau", "fiona"):
        declare_conflict(person=world[name], city=world.cities["lyon"], kind="other",
                         declared_by=world[name])

    with CaptureQueriesContext(connection) as several:
        client.get("/api/v1/conflicts/")

    assert len(several.captured_queries) == len(one.captured_queries)


def test_the_schema_describes_the_team_endpoints(api, world):
    schema = api(world["marco"]).get(
        "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    assert {
        "/api/v1/teams/", "/api/v1/teams/{review}/", "/api/v1/teams/{review}/members/",
        "/api/v1/teams/{review}/members/{username}/", "/api/v1/teams/{review}/leader/",
        "/api/v1/programmes/{slug}/team-suggestion/",
        "/api/v1/programmes/{slug}/team-suggestion/accept/",
        "/api/v1/conflicts/", "/api/v1/conflicts/{id}/",
        "/api/v1/programmes/{slug}/training-events/", "/api/v1/training-events/{id}/",
        "/api/v1/training-events/{id}/attendance/", "/api/v1/training-events/{id}/materials/",
        "/api/v1/training-events/{id}/leaders/",
    } <= set(schema["paths"])
