"""/api/v1/reviews/<review>/visit/interviewees/: add someone with every bad field named,
change them over the edit count they started from, draw people in."""

from citypeer.visits.models import Interviewee


def base(world):
    return f"/api/v1/reviews/{world.review.pk}/visit/interviewees/"


def test_interviewees_through_the_api(client, world):
    client.force_login(world.peers["AP"])

    added = client.post(base(world), {"name": "Youth worker", "category": "partner_organisation",
                                      "language": "fi", "availability": [
                                          {"day": 2, "start": "09:00", "end": "12:00"}],
                                      "indicators": ["AC/A/2"]},
                        content_type="application/json")
    person = added.json()
    changed = client.patch(f"{base(world)}{person['id']}/", {"interpreter": True,
                                                             "edit_count": 0},
                           content_type="application/json")
    stale = client.patch(f"{base(world)}{person['id']}/", {"interpreter": False,
                                                           "edit_count": 0},
                         content_type="application/json")
    missing = client.patch(f"{base(world)}{person['id']}/", {"interpreter": False},
                           content_type="application/json")
    refused = client.post(base(world), {"name": "", "category": "x"},
                          content_type="application/json")
    listed = client.get(base(world))

    assert added.status_code == 201
    assert {k: person[k] for k in ("reference", "language", "availability", "indicators")} == {
        "reference": f"P-{person['id']}", "language": "fi",
        "availability": [{"day": 2, "start": "09:00", "end": "12:00"}],
        "indicators": ["AC/A/2"]}
    assert (changed.json()["interpreter"], changed.json()["edit_count"]) == (True, 1)
    assert (stale.status_code, [(f["name"], f["saved"], f["yours"])
                                for f in stale.json()["edits"][0]["fields"]]) == (
        409, [("interpreter", True, False)])
    assert (missing.status_code, list(missing.json())) == (400, ["edit_count"])
    assert (refused.status_code, sorted(refused.json())) == (400, ["category", "name"])
    assert [p["name"] for p in listed.json()] == ["Youth worker"]
    assert Interviewee.objects.get(pk=person["id"]).interpreter is True


def test_the_domain_names_what_the_shape_lets_through(client, world):
    client.force_login(world.peers["AP"])

    refused = client.post(base(world), {"name": "Youth worker", "category": "partner_organisation",
                                        "availability": [{"day": 9, "start": "9:00",
                                                          "end": "10:00"}],
                                        "indicators": ["XX/Y/9"]},
                          content_type="application/json")

    assert (refused.status_code, sorted(refused.json())) == (
        400, ["availability[0].day", "availability[0].start", "indicators"])


def test_drawing_through_the_api(client, world):
    client.force_login(world.peers["AP"])

    drawn = client.post(base(world) + "draw/")

    assert drawn.json() == {"added": 3, "updated": 0}
