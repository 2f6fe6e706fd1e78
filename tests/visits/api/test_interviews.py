"""/api/v1/reviews/<review>/visit/interviews/: the interviews, and moves, swaps, locks and
cancellations over the edit count they started from, answered with the checker's warnings."""

from citypeer.visits.models import Interview


def base(world):
    return f"/api/v1/reviews/{world.review.pk}/visit/interviews/"


def test_moves_through_the_api(client, planned):
    client.force_login(planned.peers["AP"])
    first = client.get(base(planned) + "1/").json()
    other = next(p for p in ("AP", "BR", "CK", "DM") if p not in first["peers"])
    move = {"day": first["day"], "start": first["start"], "peers": [first["peers"][0], other]}

    stale = client.patch(base(planned) + "2/", {**move, "edit_count": 0},
                         content_type="application/json")
    missing = client.patch(base(planned) + "2/", move, content_type="application/json")
    moved = client.patch(base(planned) + "2/", {**move, "edit_count": 1},
                         content_type="application/json")
    bad = client.patch(base(planned) + "2/", {"start": "9h", "peers": ["AP"], "edit_count": 2},
                       content_type="application/json")

    assert (stale.status_code, [(e["started_from"], e["edit_count"])
                                for e in stale.json()["edits"]]) == (409, [(0, 1)])
    assert [f["yours"] for f in stale.json()["edits"][0]["fields"]] == [
        first["day"], first["start"], " & ".join(move["peers"])]
    assert (missing.status_code, list(missing.json())) == (400, ["edit_count"])
    assert moved.status_code == 200
    assert [(w["code"], w["peer"], w["interview"]) for w in moved.json()["warnings"]
            if w["code"] == "peer_overlap"] == [("peer_overlap", first["peers"][0], 2)]
    assert moved.json()["edit_count"] == 2
    assert (bad.status_code, sorted(bad.json())) == (400, ["peers", "start"])


def test_swap_lock_and_cancel_through_the_api(client, planned):
    client.force_login(planned.peers["AP"])
    before = {i.number: (i.day, i.start) for i in Interview.objects.filter(visit=planned.visit)}

    swapped = client.post(base(planned) + "1/swap/", {"with_number": 3, "edit_count": 1},
                          content_type="application/json")
    locked = client.post(base(planned) + "1/lock/", {"edit_count": 2},
                         content_type="application/json")
    refused = client.patch(base(planned) + "1/", {"day": 2, "edit_count": 3},
                           content_type="application/json")
    cancelled = client.post(base(planned) + "2/cancel/", {"edit_count": 3},
                            content_type="application/json")
    listed = client.get(base(planned)).json()

    after = {i.number: (i.day, i.start) for i in Interview.objects.filter(visit=planned.visit)}
    assert [r.status_code for r in (swapped, locked, cancelled)] == [200, 200, 200]
    assert (after[1], after[3]) == (before[3], before[1])
    assert (refused.status_code, refused.json()) == (
        409, {"detail": "Interview 1 is locked; unlock it before moving it."})
    assert [(i["number"], i["locked"]) for i in listed] == [(1, True), (3, False)]
