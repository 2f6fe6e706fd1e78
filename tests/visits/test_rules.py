"""Who sees what, per role, through pages, API and exports. The team and the coordinator
see everything; the host city's officers see the timetable with references instead of
names, and no interviewee list or brief; everyone else sees nothing."""

import pytest

NAMES = ("Committee Chair", "Deputy Mayor", "Imam")




def user(world, role):
    return {"team": world.peers["BR"], "coordinator": world.people.coordinator,
            "host": world.people.host, "other_host": world.people.other_host,
            "outsider": world.people.outsider}[role]


PAGES = ["", "interviewees/", "briefs/", "interviews/1/brief/", "export/print/",
         "export/timetable.pdf", "export/timetable.json", "export/team.ics",
         "export/peers/AP.ics"]
API = ["", "interviewees/", "interviews/", "interviews/1/", "timetable/", "calendar/",
       "calendar/AP/", "timetable.pdf"]


@pytest.mark.parametrize(("role", "expected"), [
    ("team", [200] * 9),
    ("coordinator", [200] * 9),
    ("host", [200, 403, 403, 403, 200, 200, 200, 200, 200]),
    ("other_host", [403] * 9),
    ("outsider", [403] * 9),
])
def test_pages_and_exports_per_role(client, planned, role, expected):
    client.force_login(user(planned, role))
    base = f"/reviews/{planned.review.pk}/visit/"

    codes = [client.get(base + page).status_code for page in PAGES]

    assert codes == expected


@pytest.mark.parametrize(("role", "expected"), [
    ("team", [200] * 8),
    ("coordinator", [200] * 8),
    ("host", [200, 403, 200, 200, 200, 200, 200, 200]),
    ("other_host", [403] * 8),
    ("outsider", [403] * 8),
])
def test_api_per_role(client, planned, role, expected):
    client.force_login(user(planned, role))
    base = f"/api/v1/reviews/{planned.review.pk}/visit/"

    codes = [client.get(base + page).status_code for page in API]

    assert codes == expected


def test_anonymous_is_sent_to_log_in_and_refused_by_the_api(client, planned):
    page = client.get(f"/reviews/{planned.review.pk}/visit/")
    api = client.get(f"/api/v1/reviews/{planned.review.pk}/visit/")

    assert (page.status_code, page["Location"].startswith("/accounts/login/")) == (302, True)
    assert api.status_code in (401, 403)


@pytest.mark.parametrize("role", ["team", "coordinator"])
def test_the_team_and_the_coordinator_see_names(client, planned, role):
    client.force_login(user(planned, role))
    base = f"/reviews/{planned.review.pk}/visit/"

    page = client.get(base).content.decode()
    json = client.get(base + "export/timetable.json").content.decode()
    api = client.get(f"/api/v1/reviews/{planned.review.pk}/visit/interviews/").json()

    assert [name in page for name in NAMES] == [True, True, True]
    assert sorted(i["name"] for i in api) == sorted(NAMES)
    assert "P-" in json


def test_the_host_city_sees_references_never_names(client, planned):
    client.force_login(planned.people.host)
    base = f"/reviews/{planned.review.pk}/visit/"

    texts = [client.get(base + page).content.decode()
             for page in ("", "export/print/", "export/timetable.json", "export/team.ics")]
    api = client.get(f"/api/v1/reviews/{planned.review.pk}/visit/interviews/").json()

    assert [[name in text for name in NAMES] for text in texts] == [[False] * 3] * 4
    assert [i["name"] for i in api] == [None, None, None]
    assert sorted(i["interviewee"] for i in api) == sorted(
        p.reference for p in planned.visit.interviewees.all())


@pytest.mark.parametrize(("role", "allowed"), [
    ("team", True), ("coordinator", True), ("host", False), ("other_host", False),
    ("outsider", False),
])
def test_only_the_team_and_the_coordinator_change_the_plan(client, planned, role, allowed):
    client.force_login(user(planned, role))
    base = f"/reviews/{planned.review.pk}/visit/"

    page = client.post(base + "interviews/1/lock/", {"edit_count": 1})
    api = client.post(f"/api/v1/reviews/{planned.review.pk}/visit/interviews/2/lock/",
                      {"edit_count": 2 if allowed else 1}, content_type="application/json")
    draw = client.post(base + "interviewees/draw/")

    codes = (page.status_code, api.status_code, draw.status_code)
    assert codes == ((302, 200, 302) if allowed else (403, 403, 403))


def test_the_host_city_sees_nothing_of_the_desk_review(client, planned):
    client.force_login(planned.people.host)
    base = f"/reviews/{planned.review.pk}/visit/"

    page = client.get(base).content.decode()
    result = client.get(base + "export/timetable.json").json()

    assert ("needs_information" in page, "AC/A/1" in page) == (False, False)
    assert (result["coverage"], result["warnings"]) == ([], [])


def test_a_peer_who_has_not_submitted_sees_no_hypotheses_in_briefs(client, planned):
    client.force_login(planned.peers["BR"])

    html = client.get(f"/reviews/{planned.review.pk}/visit/briefs/").content.decode()

    assert 'data-testid="no-desk-review"' in html
    assert "how representative its members are" not in html
