"""/api/v1/reviews/<review>/visit/…: create, draw, plan, move with revisions, exports."""

import icalendar

from citypeer.visits.models import Interview, Interviewee


def test_plan_and_move_through_the_api(client, setting):
    client.force_login(setting.peers["AP"])
    setting.visit.delete()
    base = f"/api/v1/reviews/{setting.review.pk}/visit/"

    created = client.post(base)
    drawn = client.post(base + "interviewees/draw/")
    solved = client.post(base + "solve/", {"time_limit": 5, "revision": 0},
                         content_type="application/json")
    first = client.get(base + "interviews/1/").json()
    other = next(p for p in ("AP", "BR", "CK", "DM") if p not in first["peers"])
    stale = client.patch(base + "interviews/2/", {"day": first["day"],
                                                  "start": first["start"],
                                                  "peers": [first["peers"][0], other],
                                                  "revision": 0},
                         content_type="application/json")
    moved = client.patch(base + "interviews/2/", {"day": first["day"],
                                                  "start": first["start"],
                                                  "peers": [first["peers"][0], other],
                                                  "revision": 1},
                         content_type="application/json")
    bad = client.patch(base + "interviews/2/", {"start": "9h", "peers": ["AP"],
                                                "revision": 2},
                       content_type="application/json")

    assert (created.status_code, created.json()["status"], created.json()["revision"]) == (
        201, "not_planned", 0)
    assert drawn.json() == {"added": 3, "updated": 0}
    assert (solved.status_code, solved.json()["status"],
            len(solved.json()["timetable"]["interviews"])) == (200, "optimal", 3)
    assert (stale.status_code, stale.json()["current"], stale.json()["yours"]) == (409, 1, 0)
    assert moved.status_code == 200
    assert [(w["code"], w["peer"], w["interview"]) for w in moved.json()["warnings"]
            if w["code"] == "peer_overlap"] == [("peer_overlap", first["peers"][0], 2)]
    assert moved.json()["revision"] == 2
    assert (bad.status_code, sorted(bad.json()["problems"])) == (400, ["peers", "start"])


def test_interviewees_through_the_api(client, setting):
    client.force_login(setting.peers["AP"])
    base = f"/api/v1/reviews/{setting.review.pk}/visit/interviewees/"

    added = client.post(base, {"name": "Youth worker", "category": "partner_organisation",
                               "language": "fi", "availability": [
                                   {"day": 2, "start": "09:00", "end": "12:00"}],
                               "indicators": ["AC/A/2"]}, content_type="application/json")
    person = added.json()
    changed = client.patch(f"{base}{person['id']}/", {"interpreter": True, "revision": 0},
                           content_type="application/json")
    stale = client.patch(f"{base}{person['id']}/", {"interpreter": False, "revision": 0},
                         content_type="application/json")
    refused = client.post(base, {"name": "", "category": "x"},
                          content_type="application/json")

    assert added.status_code == 201
    assert {k: person[k] for k in ("reference", "language", "availability", "indicators")} == {
        "reference": f"P-{person['id']}", "language": "fi",
        "availability": [{"day": 2, "start": "09:00", "end": "12:00"}],
        "indicators": ["AC/A/2"]}
    assert (changed.json()["interpreter"], changed.json()["revision"]) == (True, 1)
    assert stale.status_code == 409
    assert (refused.status_code, sorted(refused.json()["problems"])) == (
        400, ["category", "name"])
    assert Interviewee.objects.get(pk=person["id"]).interpreter is True


def test_calendar_through_the_api_parses_back(client, setting):
    client.force_login(setting.peers["AP"])
    base = f"/api/v1/reviews/{setting.review.pk}/visit/"
    client.post(base + "interviewees/draw/")
    client.post(base + "solve/", {"time_limit": 5, "revision": 0},
                content_type="application/json")

    response = client.get(base + "calendar/BR/")

    calendar = icalendar.Calendar.from_ical(response.content)
    mine = Interview.objects.filter(visit=setting.visit).filter(
        peer_a__initials="BR").count() + Interview.objects.filter(
        visit=setting.visit, peer_b__initials="BR").count()
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert len([s for s in summaries if s.startswith("Interview")]) == mine
