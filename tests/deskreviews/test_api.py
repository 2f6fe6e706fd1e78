"""/api/v1/reviews/<review>/desk-reviews/…: the same rules as the pages."""

import pytest
from rest_framework.authtoken.models import Token

from citypeer.deskreviews.domain.desk_reviews import save_judgement, start_desk_review
from citypeer.deskreviews.models import DeskJudgement, DeskReview
from tests.deskreviews.test_compiled import compiled_json, submit, two_peers_three_indicators


def base(world):
    return f"/api/v1/reviews/{world.review.pk}/desk-reviews/"


def put(client, world, code, data, method="put"):
    return getattr(client, method)(f"{base(world)}mine/judgements/{code}/", data,
                                   content_type="application/json")


def test_a_peer_starts_writes_and_submits_through_the_api(client, world):
    client.force_login(world.people.anna)
    chair = world.responsible.chair.pk

    started = client.post(f"{base(world)}mine/")
    again = client.post(f"{base(world)}mine/")
    blank = client.get(f"{base(world)}mine/judgements/AC/A/3/")
    saved = put(client, world, "AC/A/3", {
        "performance": "needs_information", "edit_count": 0,
        "known": ["a permanent consultative committee of 15 members"],
        "unknown": ["how representative its members are"],
        "suspected": ["the city does not take full advantage of its input"],
        "questions": ["How were the members appointed?"],
        "to_meet": [chair], "to_meet_new": [{"name": "Committee Secretary"}],
    })
    patched = put(client, world, "AC/A/3", {"performance": "falls_short", "edit_count": 1},
                  method="patch")
    mine = client.get(f"{base(world)}mine/")
    submitted = client.post(f"{base(world)}mine/submit/")
    locked = put(client, world, "AC/A/3", {"performance": "matches", "edit_count": 2},
                 method="patch")

    assert (started.status_code, again.status_code) == (201, 200)
    assert started.json()["total"] == 73
    assert blank.json() == {
        "indicator": "AC/A/3", "performance": "", "known": [], "unknown": [], "suspected": [],
        "questions": [], "to_meet": [], "to_meet_new": [], "edit_count": 0, "updated_at": None,
    }
    assert saved.status_code == 200
    assert (saved.json()["edit_count"], saved.json()["to_meet"], saved.json()["to_meet_new"]) == (
        1, [chair], [{"name": "Committee Secretary", "role": "", "organisation": ""}]
    )
    assert patched.status_code == 200
    assert (patched.json()["performance"], patched.json()["questions"],
            patched.json()["edit_count"]) == ("falls_short", ["How were the members appointed?"], 2)
    assert (mine.json()["judged"], [j["indicator"] for j in mine.json()["judgements"]]) == (
        1, ["AC/A/3"]
    )
    assert submitted.status_code == 200
    assert submitted.json()["submitted_at"] is not None
    assert locked.status_code == 403
    assert DeskJudgement.objects.get().performance == "falls_short"


def test_stale_edit_count_is_409_with_both_versions(client, world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    indicator = next(i for i in world.indicators if i.code == "AC/A/3")
    save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                   performance="matches", questions=["Saved first"])
    client.force_login(world.people.anna)

    response = put(client, world, "AC/A/3",
                   {"performance": "surpasses", "questions": ["Sent later"], "edit_count": 0})

    assert response.status_code == 409
    (edit,) = response.json()["edits"]
    assert (edit["what"], edit["started_from"], edit["edit_count"]) == ("AC/A/3", 0, 1)
    assert edit["fields"] == [
        {"name": "performance", "label": "Performance", "saved": ["matches"],
         "yours": ["surpasses"]},
        {"name": "questions", "label": "We would like to ask", "saved": ["Saved first"],
         "yours": ["Sent later"]},
    ]
    assert DeskJudgement.objects.get().questions == ["Saved first"]


def test_bad_input_is_400_naming_the_fields(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)

    shape = put(client, world, "AC/A/3", {"performance": "great", "questions": "one"})
    content = put(client, world, "AC/A/3", {"edit_count": 0, "to_meet": [99999]})

    assert shape.status_code == 400
    assert sorted(shape.json()) == ["edit_count", "performance", "questions"]
    assert content.status_code == 400
    assert content.json() == {"to_meet": ["Person 99999 is not named in this review's "
                                          "initial report."]}
    assert DeskJudgement.objects.count() == 0


def test_unknown_indicator_and_review_are_404(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)

    assert client.get(f"{base(world)}mine/judgements/XX/A/1/").status_code == 404
    assert client.get("/api/v1/reviews/9999/desk-reviews/compiled/").status_code == 404


def test_compiled_json_is_what_the_visit_planner_reads(client, world):
    two_peers_three_indicators(world)
    client.force_login(world.people.bram)

    response = client.get(f"{base(world)}compiled/")

    assert response.status_code == 200
    expected = compiled_json(world.review.pk)
    assert response.json() == expected
    rows = {i["code"]: i for i in response.json()["indicators"]}
    assert [rows[c]["status"] for c in ("AC/A/1", "AC/A/2", "AC/L/1")] == [
        "agrees", "split", "needs_information"
    ]
    assert [(m["name"], m["count"]) for m in rows["AC/A/1"]["to_meet"]] == [
        ("Committee Chair", 2), ("Deputy Mayor", 1), ("Migrant Council President", 1),
    ]


# --- who sees what -----------------------------------------------------------------------

def api_statuses(client, world, peer):
    b = base(world)
    return {
        "list": client.get(b).status_code,
        "mine": client.get(f"{b}mine/").status_code,
        "judgement": client.get(f"{b}mine/judgements/AC/A/1/").status_code,
        "peer": client.get(f"{b}{peer.pk}/").status_code,
        "compiled": client.get(f"{b}compiled/").status_code,
    }


def test_host_officer_gets_nothing_through_the_api(client, world):
    two_peers_three_indicators(world)
    host = world.people.host
    token = Token.objects.create(user=host)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"

    result = api_statuses(client, world, world.people.anna)
    writes = [
        client.post(f"{base(world)}mine/").status_code,
        client.post(f"{base(world)}mine/submit/").status_code,
        put(client, world, "AC/A/1", {"edit_count": 0}).status_code,
    ]

    assert result == {"list": 403, "mine": 403, "judgement": 403, "peer": 403, "compiled": 403}
    assert writes == [403, 403, 403]
    assert DeskReview.objects.filter(peer=host).count() == 0


def test_peer_sees_others_through_the_api_only_after_submitting(client, world):
    p = world.people
    start_desk_review(review=world.review, peer=p.bram)
    start_desk_review(review=world.review, peer=p.anna)
    submit(world.review, p.bram)
    client.force_login(p.anna)

    before = api_statuses(client, world, p.bram)
    listed_before = [d["peer"]["id"] for d in client.get(base(world)).json()]
    client.post(f"{base(world)}mine/submit/")
    after = api_statuses(client, world, p.bram)
    listed_after = [d["peer"]["id"] for d in client.get(base(world)).json()]

    assert before == {"list": 200, "mine": 200, "judgement": 200, "peer": 403, "compiled": 403}
    assert listed_before == [p.anna.pk]
    assert after == {"list": 200, "mine": 200, "judgement": 200, "peer": 200, "compiled": 200}
    assert listed_after == [p.anna.pk, p.bram.pk]


def test_coordinator_reads_every_desk_review_through_the_api(client, world):
    p = world.people
    desk_review = start_desk_review(review=world.review, peer=p.bram)
    save_judgement(desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
                   performance="surpasses")
    client.force_login(p.coordinator)

    result = api_statuses(client, world, p.bram)
    draft = client.get(f"{base(world)}{p.bram.pk}/").json()

    assert result == {"list": 200, "mine": 403, "judgement": 403, "peer": 200, "compiled": 200}
    assert [j["performance"] for j in draft["judgements"]] == ["surpasses"]


@pytest.mark.parametrize("who", ["outsider", "host"])
def test_no_write_for_people_outside_the_team(client, world, who):
    client.force_login(getattr(world.people, who))

    assert client.post(f"{base(world)}mine/").status_code == 403


def test_anonymous_gets_nothing(client, world):
    assert client.get(f"{base(world)}compiled/").status_code == 403
