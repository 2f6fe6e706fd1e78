"""The feedback API: the same rules and permissions as the pages."""

from citypeer.feedback.domain import reports
from tests.feedback.conftest import recommend

API = "/api/v1/reviews/{review}/"


def test_api_refuses_an_uncorroborated_recommendation_naming_the_finding(fb, client):
    client.force_login(fb.people.fc)

    response = client.post(API.format(review=fb.review.pk) + "recommendations/", {
        "text": "Keep it.", "indicators": ["AC/A/1"], "findings": [fb.findings.committee.pk]},
        content_type="application/json")

    assert response.status_code == 400
    assert [(p["field"], p["finding"], p["indicator"]) for p in response.json()["problems"]] == [
        ("findings", fb.findings.committee.pk, "AC/A/1"), ("indicators", None, "AC/A/1")]


def test_api_section_conflict_is_a_409_with_both_versions(fb, client):
    report = reports.compose_report(review=fb.review, by=fb.people.jb)
    section = report.sections.get(key="annex")
    path = API.format(review=fb.review.pk) + f"report/sections/{section.pk}/"
    client.force_login(fb.people.jb)
    assert client.put(path, {"text": "Mine.", "revision": 1},
                      content_type="application/json").status_code == 200

    response = client.put(path, {"text": "Also mine.", "revision": 1},
                          content_type="application/json")

    assert response.status_code == 409
    assert (response.json()["current"]["text"], response.json()["attempted"]["text"]) == (
        "Mine.", "Also mine.")


def test_api_release_and_the_city_commits(fb, client):
    rec = recommend(fb)
    reports.compose_report(review=fb.review, by=fb.people.jb)
    base = API.format(review=fb.review.pk)
    client.force_login(fb.people.host)
    assert client.get(base + "report/").status_code == 403
    for peer in (fb.people.jb, fb.people.fc):
        client.force_login(peer)
        assert client.post(base + "report/approve/").status_code == 200
    client.force_login(fb.people.fc)
    assert client.post(base + "report/release/").status_code == 403
    client.force_login(fb.people.jb)
    assert client.post(base + "report/release/").json()["state"] == "released"
    client.force_login(fb.people.host)

    response = client.put(base + f"recommendations/{rec.pk}/commitment/", {
        "response": "accepted", "commitment": "Quarterly meetings.", "owner": "Office",
        "due_on": "2009-06-30"}, content_type="application/json")

    assert response.status_code == 200
    assert (response.json()["response"], response.json()["revision"]) == ("accepted", 1)
    assert client.get(base + "report/").json()["state"] == "released"
