"""A peer desk-reviews from the keyboard in Debian's Chromium: drafts are saved as they
type and before they move to another indicator."""

import pytest

from citypeer.deskreviews.domain.desk_reviews import save_judgement, start_desk_review
from citypeer.deskreviews.models import DeskJudgement
from tests.deskreviews.conftest import make_world

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-password"


@pytest.fixture
def walk(live_server, transactional_db):
    from citypeer.benchmarks.domain.library import load_shipped_benchmarks

    load_shipped_benchmarks()
    from citypeer.benchmarks.models import Benchmark

    return (make_world(Benchmark.objects.get(slug="inti-cities-2009"), password=PASSWORD),
            live_server.url)


def log_in(page, site, username):  # noqa: F811  (page is the fixture's name)
    page.goto(f"{site}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/")


def test_judging_from_the_keyboard(page, walk):  # noqa: F811
    made, site = walk
    start_desk_review(review=made.review, peer=made.people.anna)
    log_in(page, site, made.people.anna.username)
    first = f"{site}/reviews/{made.review.pk}/desk-review/indicators/1/"
    page.goto(first)

    page.keyboard.press("2")  # matches
    page.get_by_label("We would like to ask").fill("How were the members appointed?")
    page.keyboard.press("Escape")
    page.keyboard.press("j")  # saved first, then the next indicator
    page.wait_for_url(f"{site}/reviews/{made.review.pk}/desk-review/indicators/2/")
    page.keyboard.press("4")  # needs more information
    page.get_by_text("Draft saved at").wait_for()
    page.keyboard.press("Alt+ArrowLeft")
    page.wait_for_url(first)

    stored = {j.indicator.code: (j.performance, j.questions)
              for j in DeskJudgement.objects.select_related("indicator")}
    assert stored == {
        "GG/A/1": ("matches", ["How were the members appointed?"]),
        "GG/A/2": ("needs_information", []),
    }
    assert page.locator("input[name=performance][value=matches]").is_checked()
    assert page.get_by_test_id("progress").inner_text() == "judged: 2/73"


def test_typing_j_in_a_text_field_types_it(page, walk):  # noqa: F811
    made, site = walk
    start_desk_review(review=made.review, peer=made.people.anna)
    log_in(page, site, made.people.anna.username)
    first = f"{site}/reviews/{made.review.pk}/desk-review/indicators/1/"
    page.goto(first)

    page.get_by_label("We know").press_sequentially("jk12")
    page.get_by_text("Draft saved at").wait_for()

    assert page.url == first
    assert DeskJudgement.objects.get().known == ["jk12"]


def test_a_draft_saved_elsewhere_is_shown_and_mine_can_be_kept(page, walk):  # noqa: F811
    made, site = walk
    desk_review = start_desk_review(review=made.review, peer=made.people.anna)
    log_in(page, site, made.people.anna.username)
    page.goto(f"{site}/reviews/{made.review.pk}/desk-review/indicators/1/")
    save_judgement(desk_review=desk_review, indicator=made.indicators[0], edit_count=0,
                   questions=["Asked in another window"])

    page.get_by_label("We would like to ask").fill("Asked in this window")
    conflict = page.get_by_test_id("edit-conflict")
    conflict.wait_for()
    shown = (conflict.get_by_test_id("saved").inner_text(),
             conflict.get_by_test_id("yours").inner_text())
    page.get_by_role("button", name="Keep my version").click()
    page.get_by_text("Draft saved at").wait_for()

    assert shown == ("Asked in another window", "Asked in this window")
    stored = DeskJudgement.objects.get()
    assert (stored.questions, stored.edit_count) == (["Asked in this window"], 2)


def judge_three(page, site, made, username, performances, meet, new_person=None):  # noqa: F811
    log_in(page, site, username)
    page.goto(f"{site}/reviews/{made.review.pk}/desk-review/")
    page.get_by_role("button", name="Start your desk review").click()
    for number, key in enumerate(performances, start=1):
        page.wait_for_url(f"**/desk-review/indicators/{number}/")
        page.keyboard.press(key)
        page.get_by_label(meet).check()
        if new_person and number == 1:
            page.locator("input[name=new_name]").first.fill(new_person)
        page.get_by_text("Draft saved at").wait_for()
        page.keyboard.press("Escape")
        page.keyboard.press("j")
    page.goto(f"{site}/reviews/{made.review.pk}/desk-review/")
    page.get_by_role("button", name="Submit your desk review").click()
    page.get_by_text("Your desk review is submitted.").wait_for()
    page.get_by_role("button", name="Log out").click()


def test_two_peers_then_the_compiled_desk_review(page, walk):  # noqa: F811
    made, site = walk
    chair = "Committee Chair, chair, Consultative Committee"
    judge_three(page, site, made, made.people.anna.username, ["2", "1", "2"], chair,
                new_person="Migrant Council President")
    judge_three(page, site, made, made.people.bram.username, ["2", "3", "4"], chair,
                new_person="migrant council  president")

    log_in(page, site, made.people.anna.username)
    page.goto(f"{site}/reviews/{made.review.pk}/desk-review/")
    page.get_by_role("link", name="The compiled desk review").click()

    def row(code):
        return page.get_by_test_id(f"row-{code}")

    assert row("GG/A/1").get_by_test_id("status").inner_text().startswith("agrees")
    assert row("GG/A/2").get_by_test_id("status").inner_text().startswith("split")
    assert row("GG/A/3").get_by_test_id("status").inner_text().startswith("needs information")
    assert row("GG/A/2").get_by_test_id("perf").all_inner_texts() == ["falls short", "surpasses"]
    assert row("GG/A/1").get_by_test_id("to-meet").locator("li").all_inner_texts() == [
        f"{chair} ×2", "Migrant Council President ×2 not in the report",
    ]
