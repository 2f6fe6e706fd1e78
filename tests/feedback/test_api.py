"""The feedback API: the same rules and permissions as the pages."""

from citypeer.feedback.domain import reports
from tests.feedback.conftest import recommend

API = "/api/v1/reviews/{review}/"


def test_api_refuses_an_uncorroborated_recommendation_naming_the_finding(world, client):
    client.force_login(world.people.fc)

    response = client.post(API.format(review=world.review.pk) + "recommendations/", {
        "text": "Keep it.", "indicators": ["AC/A/1"], "findings": [world.findings.committee.pk]},
        content_type="application/json")

    assert response.status_code == 400
    assert [(p["field"], p["finding"], p["indicator"]) for p in response.json()["problems"]] == [
        ("findings", world.findings.committee.pk, "AC/A/1"), ("indicators", None, "AC/A/1")]


def test_api_section_conflict_is_a_409_with_both_versions(world, client):
    report = reports.compose_report(review=world.review, by=world.people.jb)
    section = report.sections.get(key="annex")
    path = API.format(review=world.review.pk) + f"report/sections/{section.pk}/"
    client.force_login(world.people.jb)
    saved = client.put(path, {"text": "Mine.", "edit_count": 1}, content_type="application/json")
    assert (saved.status_code, saved.json()["edit_count"]) == (200, 2)

    response = client.put(path, {"text": "Also mine.", "edit_count": 1},
                          content_type="application/json")

    assert response.status_code == 409
    [stale] = response.json()["edits"]
    assert (stale["started_from"], stale["edit_count"]) == (1, 2)
    assert [(f["name"], f["saved"], f["yours"]) for f in stale["fields"]] == [
        ("title", section.title, section.title), ("text", "Mine.", "Also mine.")]


def test_api_changes_need_the_edit_count_they_started_from(world, client):
    rec = recommend(world)
    report = reports.compose_report(review=world.review, by=world.people.jb)
    section = report.sections.get(key="annex")
    base = API.format(review=world.review.pk)
    client.force_login(world.people.jb)

    answers = [client.put(base + f"report/sections/{section.pk}/", {"text": "Mine."},
                          content_type="application/json"),
               client.put(base + f"recommendations/{rec.pk}/", {
                   "text": "Changed.", "indicators": ["AC/I/3"],
                   "findings": [world.findings.rare.pk]}, content_type="application/json")]

    assert [(a.status_code, list(a.json())) for a in answers] == [
        (400, ["edit_count"]), (400, ["edit_count"])]
    section.refresh_from_db()
    rec.refresh_from_db()
    assert (section.edit_count, rec.edit_count, rec.text) == (
        1, 1, "Consult the committee every quarter.")


def test_api_recommendation_change_over_a_newer_one_is_a_409(world, client):
    rec = recommend(world)
    path = API.format(review=world.review.pk) + f"recommendations/{rec.pk}/"
    body = {"indicators": ["AC/I/3"], "findings": [world.findings.rare.pk]}
    client.force_login(world.people.fc)
    first = client.put(path, {**body, "text": "Fay's.", "edit_count": 1},
                       content_type="application/json")

    response = client.put(path, {**body, "text": "Jan's.", "edit_count": 1},
                          content_type="application/json")

    assert (first.status_code, first.json()["edit_count"]) == (200, 2)
    assert response.status_code == 409
    fields = {f["name"]: (f["saved"], f["yours"]) for f in response.json()["edits"][0]["fields"]}
    assert fields["text"] == ("Fay's.", "Jan's.")


def test_api_release_and_the_city_commits(world, client):
    rec = recommend(world)
    reports.compose_report(review=world.review, by=world.people.jb)
    base = API.format(review=world.review.pk)
    client.force_login(world.people.host)
    assert client.get(base + "report/").status_code == 403
    for peer in (world.people.jb, world.people.fc):
        client.force_login(peer)
        assert client.post(base + "report/approve/").status_code == 200
    client.force_login(world.people.fc)
    assert client.post(base + "report/release/").status_code == 403
    client.force_login(world.people.jb)
    assert client.post(base + "report/release/").json()["state"] == "released"
    client.force_login(world.people.host)

    response = client.put(base + f"recommendations/{rec.pk}/commitment/", {
        "response": "accepted", "commitment": "Quarterly meetings.", "owner": "Office",
        "due_on": "2009-06-30", "edit_count": 0}, content_type="application/json")

    assert response.status_code == 200
    assert (response.json()["response"], response.json()["edit_count"]) == ("accepted", 1)
    assert client.get(base + "report/").json()["state"] == "released"
