"""A peer records three pieces of evidence for the interview under way, from the keyboard, in
Debian's Chromium: one of them while the connection is down. The indicator turns from grey
to a proposal, nothing is stored twice, and the audit trail shows who recorded what."""

import datetime as dt

import pytest
from django.utils import timezone

from citypeer.assessment.models import EvidenceItem
from tests.assessment.conftest import PASSWORD, make_world

pytestmark = pytest.mark.browser


@pytest.fixture
def visit_now(live_server, transactional_db):
    started = timezone.localtime() - dt.timedelta(minutes=10)
    s = make_world(starts_on=started.date(),
                   first_start=started.time().replace(second=0, microsecond=0),
                   password=PASSWORD)
    return s, live_server.url


def log_in(page, site, username):
    page.goto(f"{site}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/")


def test_three_items_from_the_keyboard_one_offline_then_the_audit_trail(page, visit_now):
    s, site = visit_now
    log_in(page, site, s.people.jb.username)
    page.goto(f"{site}/reviews/{s.review.pk}/assessment/evidence/record/")

    assert page.get_by_role("heading", name="Interview 17").is_visible()
    chip = page.get_by_test_id("chip-AC/I/3")
    assert chip.get_attribute("data-colour") == "not_assessed"
    assert page.locator("input[name=indicators][value='AC/I/3']").is_checked()

    text = page.get_by_role("textbox", name="Evidence", exact=True)
    text.press_sequentially("The committee was consulted once since January.")
    page.keyboard.press("Alt+KeyS")  # falls short
    page.keyboard.press("Control+Enter")
    page.get_by_test_id("status").get_by_text(
        "Saved: AC/A/1 – Interview 17 – JB & FC; AC/I/3 – Interview 17 – JB & FC").wait_for()
    page.wait_for_function(
        "document.querySelector('[data-testid=\"chip-AC/I/3\"]').dataset.colour"
        " === 'inconclusive'")

    page.context.set_offline(True)
    text.press_sequentially("Its members are appointed by the mayor.")
    page.keyboard.press("Control+Enter")
    page.get_by_text("No connection: kept in this browser").wait_for()
    assert page.get_by_test_id("pending").inner_text() == "Waiting to be sent: 1"
    assert EvidenceItem.objects.count() == 1
    page.context.set_offline(False)
    page.get_by_test_id("pending").wait_for(state="hidden")

    text.press_sequentially("The chair thinks the committee is a fig leaf.")
    page.keyboard.press("Alt+KeyO")  # an opinion
    page.keyboard.press("Control+Enter")
    page.get_by_test_id("recorded").locator("li").nth(2).wait_for()

    stored = [(e.text, e.kind, e.direction, e.interview.number)
              for e in EvidenceItem.objects.select_related("interview").order_by("pk")]
    assert stored == [
        ("The committee was consulted once since January.", "fact", "falls_short", 17),
        ("Its members are appointed by the mayor.", "fact", "falls_short", 17),
        ("The chair thinks the committee is a fig leaf.", "opinion", "falls_short", 17),
    ]
    assert len({e.client_key for e in EvidenceItem.objects.all()}) == 3

    page.get_by_role("link", name="Audit trail").click()
    entries = page.get_by_test_id("audit").locator("> li")
    assert entries.count() == 3
    assert all("created" in t and str(s.people.jb) in t for t in entries.all_inner_texts())
    first = EvidenceItem.objects.order_by("pk").first()
    page.get_by_test_id(f"entry-evidence-{first.pk}").get_by_role("link").click()
    assert page.get_by_test_id("reference").all_inner_texts() == [
        "AC/A/1 – Interview 17 – JB & FC", "AC/I/3 – Interview 17 – JB & FC"]
