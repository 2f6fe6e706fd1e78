"""The desk review pages: a peer judging indicator by indicator (autosaved), progress and
submission, who sees what, conflicts, and query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.deskreviews.domain.desk_reviews import save_judgement, start_desk_review
from citypeer.deskreviews.models import DeskJudgement, DeskReview
from tests.deskreviews.conftest import make_world
from tests.deskreviews.test_compiled import submit, two_peers_three_indicators

HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, world, **kwargs):
    return reverse(f"deskreviews:{name}", kwargs={"review": world.review.pk, **kwargs})


def form_data(edit_count=0, **fields):
    data = {"edit_count": edit_count, "performance": "", "known": "", "unknown": "",
            "suspected": "", "questions": ""}
    data.update(fields)
    return data


def test_start_then_the_first_indicator(client, world):
    client.force_login(world.people.anna)

    response = client.post(url("start", world))

    assert response.status_code == 302
    assert response["Location"] == url("judgement", world, number=1)
    assert DeskReview.objects.filter(peer=world.people.anna).count() == 1


def test_judgement_page_shows_indicator_self_assessment_and_keyboard_help(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)

    response = client.get(url("judgement", world, number=1))
    html = response.content.decode()

    assert response.status_code == 200
    assert '<h1 id="indicator-heading"><code>GG/A/1</code></h1>' in html
    assert "A permanent committee of 15 members meets 4 times per year." in html
    assert re.findall(r'<input type="radio" name="performance" value="(\w*)"', html) == [
        "", "falls_short", "matches", "surpasses", "needs_information"
    ]
    assert re.findall(r'data-key="(\d)"', html) == ["1", "2", "3", "4"]
    assert re.findall(r"<dt><kbd>(\w)</kbd>", html) == ["j", "k", "1"]
    # those the report names for this indicator come first, marked
    people = re.findall(r'name="to_meet" value="(\d+)"', html)
    r = world.responsible
    assert people == [str(r.chair.pk), str(r.deputy.pk), str(r.head.pk)]
    assert html.count('<span class="tag">responsible for this indicator</span>') == 2
    assert f'rel="next" data-nav href="{url("judgement", world, number=2)}"' in html
    assert 'rel="prev"' not in html
    assert f'hx-post="{url("judgement", world, number=1)}"' in html
    assert "deskreviews/desk-review.js" in html


def test_autosave_keeps_the_draft_and_returns_the_new_edit_count(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)
    page = url("judgement", world, number=1)

    first = client.post(page, {**form_data(0, performance="matches",
                                           known="a committee of 15\n\n meets 4 times ",
                                           questions="How were members appointed?"),
                               "to_meet": [world.responsible.chair.pk],
                               "new_name": ["Committee Secretary", ""],
                               "new_role": ["secretary", ""],
                               "new_organisation": ["City", ""]}, **HTMX)
    second = client.post(page, form_data(1, performance="falls_short"), **HTMX)

    assert (first.status_code, second.status_code) == (200, 200)
    assert ('name="edit_count" value="1" id="id_edit_count" hx-swap-oob="true"'
            in first.content.decode())
    assert 'name="edit_count" value="2"' in second.content.decode()
    assert '<span id="dr-judged" hx-swap-oob="true">1</span>' in second.content.decode()
    stored = DeskJudgement.objects.get()
    assert (stored.edit_count, stored.performance, stored.known) == (2, "falls_short", [])
    assert stored.history.count() == 2
    assert stored.history.earliest("history_date").known == ["a committee of 15",
                                                             "meets 4 times"]
    assert stored.history.earliest("history_date").to_meet_new == [
        {"name": "Committee Secretary", "role": "secretary", "organisation": "City"}
    ]


def test_plain_form_post_saves_and_goes_on(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)

    response = client.post(url("judgement", world, number=1),
                           {**form_data(0, performance="surpasses"), "save_next": ""})

    assert response.status_code == 302
    assert response["Location"] == url("judgement", world, number=2)
    assert DeskJudgement.objects.get().performance == "surpasses"


def test_stale_edit_count_shows_both_versions_and_overwrites_nothing(client, world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    save_judgement(desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
                   performance="matches", questions=["From the other window"])
    client.force_login(world.people.anna)

    response = client.post(url("judgement", world, number=1),
                           form_data(0, performance="surpasses", questions="From this window"),
                           **HTMX)
    html = response.content.decode()

    assert response.status_code == 409
    assert '<div class="dr-conflict" data-edit-count="1">' in html
    assert '<td data-testid="saved">From the other window</td>' in html
    assert '<td data-testid="yours">From this window</td>' in html
    assert "data-keep-mine" in html
    assert DeskJudgement.objects.get().questions == ["From the other window"]


def test_stale_edit_count_without_htmx_offers_to_keep_mine(client, world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    save_judgement(desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
                   performance="matches")
    client.force_login(world.people.anna)
    page = url("judgement", world, number=1)

    conflict = client.post(page, form_data(0, performance="surpasses"))
    keep_mine = client.post(page, form_data(1, performance="surpasses"))

    assert conflict.status_code == 409
    assert '<input type="hidden" name="edit_count" id="id_edit_count" value="1">' in \
        conflict.content.decode()
    assert keep_mine.status_code == 302
    assert DeskJudgement.objects.get().performance == "surpasses"


def test_bad_input_is_refused_with_the_field_named(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)

    response = client.post(url("judgement", world, number=1),
                           {**form_data(0), "new_name": [""], "new_role": ["chair"],
                            "new_organisation": [""]}, **HTMX)

    assert response.status_code == 422
    assert "New people to meet: Person 1: the name is missing." in response.content.decode()
    assert DeskJudgement.objects.count() == 0


def test_overview_shows_progress_and_submission_locks(client, world):
    desk_review = start_desk_review(review=world.review, peer=world.people.anna)
    for indicator in world.indicators[:3]:
        save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                       performance="matches")
    client.force_login(world.people.anna)

    before = client.get(url("overview", world)).content.decode()
    submitted = client.post(url("submit", world))
    page = client.get(url("judgement", world, number=1)).content.decode()
    refused = client.post(url("judgement", world, number=1),
                          form_data(1, performance="surpasses"))

    assert "3 of 73 indicators judged" in before
    assert "70 indicators are not judged yet" in before
    assert submitted.status_code == 302
    assert DeskReview.objects.get(pk=desk_review.pk).submitted_at is not None
    assert '<fieldset class="dr-all" disabled>' in page
    assert "hx-post" not in page
    assert refused.status_code == 409
    assert DeskJudgement.objects.get(indicator=world.indicators[0]).performance == "matches"


def test_compiled_page_shows_status_and_people_with_counts(client, world):
    two_peers_three_indicators(world)
    client.force_login(world.people.anna)

    html = client.get(url("compiled", world)).content.decode()

    def row(code):
        return re.search(rf'data-testid="row-{code}">(.*?)</tr>', html, re.S)[1]

    def cells(code, testid):
        return re.findall(rf'data-testid="{testid}">([^<]*)', row(code))

    assert cells("AC/A/1", "perf") == ["matches", "matches"]
    assert cells("AC/A/1", "status") == ["agrees"]
    assert cells("AC/A/2", "perf") == ["falls short", "surpasses"]
    assert cells("AC/A/2", "status") == ["split"]
    assert cells("AC/L/1", "status") == ["needs information"]
    assert cells("AC/A/2", "spread") == ["2"]
    people = re.findall(r"<li>([^<]*) <strong>×(\d)</strong>", row("AC/A/1"))
    assert people == [("Committee Chair, chair, Consultative Committee", "2"),
                      ("Deputy Mayor, deputy mayor, City Council", "1"),
                      ("Migrant Council President, president, Migrant Council", "1")]
    assert "How were the members appointed? <span class=\"hint\">(AP, BR)</span>" in row("AC/A/1")
    alpha_ac = re.search(r'data-testid="alpha-AC">(.*?)</p>', html, re.S)[1]
    assert "<strong>-0.50</strong>" in alpha_ac
    assert "rests on 4 judgements" in alpha_ac
    alpha_gg = re.search(r'data-testid="alpha-GG">(.*?)</p>', html, re.S)[1]
    assert "<strong>not enough judgements</strong>" in alpha_gg
    assert re.search(r'data-testid="status-split">1: <a href="#aca2">AC/A/2</a>', html)
    assert re.search(r'data-testid="status-needs_information">1: <a href="#acl1">AC/L/1</a>',
                     html)
    assert re.search(r'data-testid="status-unjudged">70: ', html)


# --- who sees what -----------------------------------------------------------------------

def pages(world, peer):
    return {
        "overview": url("overview", world),
        "judgement": url("judgement", world, number=1),
        "peer": url("peer", world, peer=peer.pk),
        "compiled": url("compiled", world),
    }


def statuses(client, person, world, peer):
    client.force_login(person)
    return {name: client.get(u).status_code for name, u in pages(world, peer).items()}


def test_host_officer_sees_no_desk_review(client, world):
    two_peers_three_indicators(world)

    assert statuses(client, world.people.host, world, world.people.anna) == {
        "overview": 403, "judgement": 403, "peer": 403, "compiled": 403,
    }
    assert client.post(url("start", world)).status_code == 403
    assert client.post(url("submit", world)).status_code == 404


def test_host_officer_who_is_also_a_coordinator_sees_nothing_either(client, world):
    two_peers_three_indicators(world)
    host = world.people.host
    host.is_coordinator = True
    host.save()

    assert set(statuses(client, host, world, world.people.anna).values()) == {403}


def test_peer_sees_the_others_only_after_submitting(client, world):
    p = world.people
    start_desk_review(review=world.review, peer=p.bram)
    desk_review = start_desk_review(review=world.review, peer=p.anna)
    submit(world.review, p.bram)

    before = statuses(client, p.anna, world, p.bram)
    submit_page = client.post(url("submit", world))
    after = statuses(client, p.anna, world, p.bram)

    assert before == {"overview": 200, "judgement": 200, "peer": 403, "compiled": 403}
    assert submit_page.status_code == 302
    assert DeskReview.objects.get(pk=desk_review.pk).submitted_at is not None
    assert after == {"overview": 200, "judgement": 200, "peer": 200, "compiled": 200}


def test_a_submitted_peer_does_not_see_another_peers_draft(client, world):
    p = world.people
    start_desk_review(review=world.review, peer=p.bram)
    start_desk_review(review=world.review, peer=p.anna)
    submit(world.review, p.anna)
    client.force_login(p.anna)

    assert client.get(url("peer", world, peer=p.bram.pk)).status_code == 403


def test_coordinator_sees_everything_including_drafts(client, world):
    p = world.people
    desk_review = start_desk_review(review=world.review, peer=p.bram)
    save_judgement(desk_review=desk_review, indicator=world.indicators[0], edit_count=0,
                   performance="surpasses", questions=["A draft question"])

    result = statuses(client, p.coordinator, world, p.bram)
    html = client.get(url("peer", world, peer=p.bram.pk)).content.decode()

    # The coordinator is not in the team: no desk review of their own to write.
    assert result == {"overview": 200, "judgement": 403, "peer": 200, "compiled": 200}
    assert "A draft question" in html


def test_peer_outside_the_team_sees_nothing(client, world):
    two_peers_three_indicators(world)

    assert set(statuses(client, world.people.outsider, world,
                        world.people.anna).values()) == {403}


def test_pages_need_a_login(client, world):
    response = client.get(url("overview", world))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_unknown_review_and_indicator_are_404(client, world):
    start_desk_review(review=world.review, peer=world.people.anna)
    client.force_login(world.people.anna)

    assert client.get(reverse("deskreviews:overview", kwargs={"review": 9999})).status_code == 404
    assert client.get(url("judgement", world, number=74)).status_code == 404
    assert client.get(url("judgement", world, number=0)).status_code == 404


# --- query counts --------------------------------------------------------------------------

def _prepare(made):
    """Anna judges every indicator, naming people; the report assesses every indicator."""
    from citypeer.initialreports.models import SelfAssessment

    desk_review = start_desk_review(review=made.review, peer=made.people.anna)
    r = made.responsible
    for indicator in made.indicators:
        save_judgement(desk_review=desk_review, indicator=indicator, edit_count=0,
                       performance="matches", questions=["Why?"],
                       to_meet=[r.chair.pk, r.head.pk], to_meet_new=[{"name": "Someone"}])
        SelfAssessment.objects.get_or_create(report=made.report, indicator=indicator,
                                             defaults={"politically_responsible": r.deputy})
    return made


def _queries(client, page):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(page)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("page", ["judgement", "overview", "peer"])
def test_page_query_count_is_the_same_for_1_and_73_indicators(
    client, inti, one_indicator_benchmark, page
):
    small = _prepare(make_world(one_indicator_benchmark, slug="small", host="rotterdam"))
    large = _prepare(make_world(inti, slug="large", host="helsinki"))
    kwargs = {"judgement": {"number": 1}, "overview": {}}

    counts = []
    for made in (small, large):
        client.force_login(made.people.anna)
        counts.append(_queries(client, url(page, made, **kwargs.get(
            page, {"peer": made.people.anna.pk}))))

    assert counts[0] == counts[1]


def test_compiled_page_query_count_is_the_same_for_1_and_73_indicators(
    client, inti, one_indicator_benchmark
):
    from tests.deskreviews.test_compiled import _fill

    counts = []
    for made in (make_world(one_indicator_benchmark, slug="small", host="rotterdam"),
                 make_world(inti, slug="large", host="helsinki")):
        _fill(made)
        client.force_login(made.people.anna)
        counts.append(_queries(client, url("compiled", made)))

    assert counts[0] == counts[1]
