"""The compiled desk review built from the database, its query count, and the CLI."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypeer.common.lookup import get_review
from citypeer.deskreviews.domain.compiled import compiled_desk_review
from citypeer.deskreviews.domain.desk_reviews import (
    save_judgement,
    start_desk_review,
    submit_desk_review,
)
from citypeer.deskreviews.interfaces.serializers import CompiledDeskReviewSerializer
from citypeer.deskreviews.models import DeskJudgement
from tests.deskreviews.conftest import make_world


def compiled_json(review_id) -> dict:
    """The compiled desk review as the API and the CLI give it."""
    return CompiledDeskReviewSerializer(compiled_desk_review(review=get_review(review_id))).data


def judge(review, peer, indicator, **fields):
    desk_review = start_desk_review(review=review, peer=peer)
    current = DeskJudgement.objects.filter(desk_review=desk_review, indicator=indicator).first()
    return save_judgement(desk_review=desk_review, indicator=indicator,
                          edit_count=current.edit_count if current else 0, **fields)


def submit(review, peer):
    submit_desk_review(desk_review=start_desk_review(review=review, peer=peer))


def by_code(world, code):
    return next(i for i in world.indicators if i.code == code)


def two_peers_three_indicators(world):
    """Anna and Bram agree on AC/A/1, split on AC/A/2, and Bram needs information on
    AC/L/1; both want to meet the committee chair, and each names someone new."""
    review, p, r = world.review, world.people, world.responsible
    ac_a_1, ac_a_2, ac_l_1 = (by_code(world, c) for c in ("AC/A/1", "AC/A/2", "AC/L/1"))
    judge(review, p.anna, ac_a_1, performance="matches",
          questions=["How were the members appointed?"], to_meet=[r.chair.pk, r.deputy.pk])
    judge(review, p.bram, ac_a_1, performance="matches",
          questions=["how were the members  appointed?", "Is the committee consulted?"],
          to_meet=[r.chair.pk],
          to_meet_new=[{"name": "Migrant Council President", "organisation": "Migrant Council"}])
    judge(review, p.anna, ac_a_2, performance="falls_short",
          to_meet_new=[{"name": "migrant council president", "role": "president",
                        "organisation": "MIGRANT COUNCIL"}])
    judge(review, p.bram, ac_a_2, performance="surpasses", known=["There is a budget line."])
    judge(review, p.anna, ac_l_1, performance="matches")
    judge(review, p.bram, ac_l_1, performance="needs_information",
          to_meet_new=[{"name": "Committee chair", "organisation": "consultative committee"}])
    submit(review, p.anna)
    submit(review, p.bram)
    return ac_a_1, ac_a_2, ac_l_1


def test_two_peers_three_indicators_agree_split_and_need_information(world):
    two_peers_three_indicators(world)
    p, r = world.people, world.responsible

    data = compiled_json(world.review.pk)

    rows = {i["code"]: i for i in data["indicators"]}
    assert [p_["id"] for p_ in data["peers"]] == [p.anna.pk, p.bram.pk]
    assert [x["id"] for x in data["pending"]] == [p.eva.pk]
    assert [(c, rows[c]["status"], rows[c]["spread"],
             [j["performance"] for j in rows[c]["judgements"]])
            for c in ("AC/A/1", "AC/A/2", "AC/L/1")] == [
        ("AC/A/1", "agrees", 0, ["matches", "matches"]),
        ("AC/A/2", "split", 2, ["falls_short", "surpasses"]),
        ("AC/L/1", "needs_information", 0, ["matches", "needs_information"]),
    ]
    assert rows["AC/A/1"]["questions"] == [
        {"text": "How were the members appointed?", "asked_by": [p.anna.pk, p.bram.pk]},
        {"text": "Is the committee consulted?", "asked_by": [p.bram.pk]},
    ]
    assert [(m["name"], m["count"], m["asked_by"], m["responsible_person_id"])
            for m in rows["AC/A/1"]["to_meet"]] == [
        ("Committee Chair", 2, [p.anna.pk, p.bram.pk], r.chair.pk),
        ("Deputy Mayor", 1, [p.anna.pk], r.deputy.pk),
        ("Migrant Council President", 1, [p.bram.pk], None),
    ]
    # Someone added by hand who is in the report is the report's person.
    assert [(m["key"], m["count"]) for m in rows["AC/L/1"]["to_meet"]] == [
        (f"person:{r.chair.pk}", 1)
    ]
    # The same new person named by two peers is one person; the first mention gives the
    # name, a later one the role the first left out.
    assert rows["AC/A/2"]["to_meet"][0]["key"] == "new:migrant council president|migrant council"
    assert [(m["name"], m["role"]) for m in rows["AC/A/2"]["to_meet"]] == [
        ("Migrant Council President", "president")
    ]
    assert rows["GG/A/1"]["status"] == "needs_information"
    assert rows["GG/A/1"]["judged"] == 0
    ac = next(x for x in data["pillars"] if x["code"] == "AC")
    # AC pairable units: (M, M) and (FS, S); AC/L/1 has one judgement on the scale.
    # n_FS=1, n_M=2, n_S=1: alpha = 1 - 18/12 = -0.5 (see the core tests).
    assert ac["agreement"] == {"alpha": pytest.approx(-0.5), "pairable": 4,
                               "undefined_because": None}
    assert ac["max_spread"] == 2
    gg = next(x for x in data["pillars"] if x["code"] == "GG")
    assert gg["agreement"] == {"alpha": None, "pairable": 0,
                               "undefined_because": "too_few_judgements"}
    assert len(data["indicators"]) == 73


def test_drafts_are_not_compiled(world):
    indicator = world.indicators[0]
    judge(world.review, world.people.anna, indicator, performance="matches")
    judge(world.review, world.people.bram, indicator, performance="surpasses")
    submit(world.review, world.people.anna)

    data = compiled_json(world.review.pk)

    assert [p["id"] for p in data["peers"]] == [world.people.anna.pk]
    assert [p["id"] for p in data["pending"]] == [world.people.bram.pk, world.people.eva.pk]
    assert data["indicators"][0]["judgements"][0]["performance"] == "matches"
    assert data["indicators"][0]["status"] == "agrees"


def _fill(world):
    """Both peers judge every indicator, each naming people, then submit."""
    r = world.responsible
    for n, indicator in enumerate(world.indicators):
        judge(world.review, world.people.anna, indicator, performance="matches",
              questions=[f"Question {n}"], to_meet=[r.chair.pk, r.head.pk],
              to_meet_new=[{"name": f"Someone {n}"}])
        judge(world.review, world.people.bram, indicator, performance="surpasses",
              to_meet=[r.deputy.pk])
    submit(world.review, world.people.anna)
    submit(world.review, world.people.bram)


def _count_queries(review_id):
    with CaptureQueriesContext(connection) as ctx:
        view = compiled_desk_review(review=get_review(review_id))
        data = CompiledDeskReviewSerializer(view).data
    return len(ctx.captured_queries), len(data["indicators"])


def test_compiled_view_query_count_does_not_grow_with_the_benchmark(inti, one_indicator_benchmark):
    small = make_world(one_indicator_benchmark, slug="small", host="rotterdam")
    large = make_world(inti, slug="large", host="helsinki")
    _fill(small)
    _fill(large)

    small_count, small_size = _count_queries(small.review.pk)
    large_count, large_size = _count_queries(large.review.pk)

    assert (small_size, large_size) == (1, 73)
    assert small_count == large_count


def test_cli_prints_the_compiled_desk_review(world, capsys):
    two_peers_three_indicators(world)

    call_command("deskreview", "compiled", str(world.review.pk))
    text = capsys.readouterr().out

    assert "Peers: Anna (AP), Bram (BR)" in text
    assert "Not submitted yet: Eva" in text
    assert "AC Administrative Co-operation: alpha -0.50 (4 pairable judgements), " \
           "largest spread 2" in text
    assert "  AC/A/2    split              spread 2   AP: falls short  BR: surpasses" in text
    assert "      meet: Committee Chair, chair, Consultative Committee ×2" in text
    assert "      ask:  How were the members appointed? (AP, BR)" in text
    assert "GG General Governance: alpha not enough judgements (0 pairable judgements)" in text


def test_cli_json_is_the_api_data(world, capsys):
    two_peers_three_indicators(world)

    call_command("deskreview", "compiled", str(world.review.pk), "--json")
    printed = json.loads(capsys.readouterr().out)

    expected = compiled_json(world.review.pk)
    assert printed == json.loads(json.dumps(expected))


def test_cli_unknown_review(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="There is no review 999."):
        call_command("deskreview", "compiled", "999")
