"""/api/v1/reviews/<review>/visit/: create, change settings, plan and the stored plan over
the edit count they started from, and the calendar."""

import icalendar

from citypeer.visits.method import result_from_dict
from citypeer.visits.models import Interview


def base(world):
    return f"/api/v1/reviews/{world.review.pk}/visit/"


def test_create_and_plan_through_the_api(client, world):
    client.force_login(world.peers["AP"])
    world.visit.delete()

    created = client.post(base(world))
    again = client.post(base(world))
    client.post(base(world) + "interviewees/draw/")
    solved = client.post(base(world) + "solve/", {"time_limit": 5, "edit_count": 0},
                         content_type="application/json")
    stored = client.get(base(world) + "timetable/")

    assert (created.status_code, created.json()["status"], created.json()["edit_count"]) == (
        201, "not_planned", 0)
    assert (again.status_code, again.json()["review"]) == (200, world.review.pk)
    assert (solved.status_code, solved.json()["status"], solved.json()["edit_count"],
            len(solved.json()["timetable"]["interviews"])) == (200, "optimal", 1, 3)
    assert result_from_dict(stored.json()) == result_from_dict(solved.json())


def test_planning_needs_the_edit_count_and_refuses_an_old_one(client, world):
    client.force_login(world.peers["AP"])
    client.post(base(world) + "interviewees/draw/")

    missing = client.post(base(world) + "solve/", {"time_limit": 5},
                          content_type="application/json")
    stale = client.post(base(world) + "solve/", {"time_limit": 5, "edit_count": 3},
                        content_type="application/json")

    assert (missing.status_code, list(missing.json())) == (400, ["edit_count"])
    assert (stale.status_code, [(e["what"], e["started_from"], e["edit_count"])
                                for e in stale.json()["edits"]]) == (
        409, [("the timetable", 3, 0)])
    assert Interview.objects.filter(visit=world.visit).count() == 0


def test_settings_through_the_api(client, world):
    client.force_login(world.peers["AP"])
    days = world.visit.days

    changed = client.patch(base(world), {"max_interviews_per_day": 4, "edit_count": 0},
                           content_type="application/json")
    stale = client.patch(base(world), {"slot_minutes": 30, "edit_count": 0},
                         content_type="application/json")
    bad = client.patch(base(world), {"days": [dict(days[0], start="9:00")], "colour": "red",
                                     "edit_count": 1}, content_type="application/json")
    missing = client.patch(base(world), {"slot_minutes": 30},
                           content_type="application/json")

    assert (changed.status_code, changed.json()["max_interviews_per_day"],
            changed.json()["edit_count"]) == (200, 4, 1)
    assert changed.json()["days"] == days
    assert (stale.status_code, [(f["name"], f["saved"], f["yours"])
                                for f in stale.json()["edits"][0]["fields"]]) == (
        409, [("slot_minutes", 60, 30)])
    assert (bad.status_code, bad.json()) == (400, {"colour": ["is not a setting of the visit"]})
    assert (missing.status_code, list(missing.json())) == (400, ["edit_count"])


def test_calendar_through_the_api_parses_back(client, planned):
    client.force_login(planned.peers["AP"])

    response = client.get(base(planned) + "calendar/BR/")
    unknown = client.get(base(planned) + "calendar/ZZ/")

    calendar = icalendar.Calendar.from_ical(response.content)
    mine = Interview.objects.filter(visit=planned.visit).filter(
        peer_a__initials="BR").count() + Interview.objects.filter(
        visit=planned.visit, peer_b__initials="BR").count()
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert len([s for s in summaries if s.startswith("Interview")]) == mine
    assert (unknown.status_code, unknown["Content-Type"]) == (404, "application/json")


def test_a_calendar_without_dates_is_refused_as_json(client, planned):
    planned.visit.starts_on = None
    planned.visit.save()
    client.force_login(planned.peers["AP"])

    response = client.get(base(planned) + "calendar/")

    assert (response.status_code, response.json()) == (
        409, {"detail": "Set the first day of the visit: a calendar needs dates."})
