"""A planned visit in Debian's Chromium: a peer moves an interview onto a busy peer with the
keyboard-usable form and sees the warning at once."""

import pytest

from citypeer.visits.models import Interview
from tests.factories import make_benchmark
from tests.visits.conftest import THREE_INDICATORS, make_world, plan

PASSWORD = "a-long-test-password"


@pytest.fixture
def planned(live_server, transactional_db):
    world = plan(make_world(make_benchmark(THREE_INDICATORS)))
    world.site = live_server.url
    return world


def test_move_an_interview_onto_a_busy_peer_and_see_the_warning(page, planned):
    peer = planned.peers["AP"]
    peer.set_password(PASSWORD)
    peer.save()
    busy = Interview.objects.select_related("peer_a", "peer_b").get(visit=planned.visit,
                                                                    number=1)
    other = next(p for p in planned.peers if p not in (busy.peer_a.initials,
                                                       busy.peer_b.initials))
    page.goto(f"{planned.site}/accounts/login/")
    page.get_by_label("Username").fill(peer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{planned.site}/")

    page.goto(f"{planned.site}/reviews/{planned.review.pk}/visit/")
    warnings = page.get_by_test_id("warnings")
    before = warnings.inner_text()
    form = page.get_by_role("group", name="Move interview 2")
    form.get_by_label("Day").select_option(str(busy.day))
    form.get_by_label("Starts at").select_option(busy.start.strftime("%H:%M"))
    form.get_by_label("First peer").select_option(busy.peer_a.initials)
    form.get_by_label("Second peer").select_option(other)
    form.get_by_role("button", name="Move").press("Enter")

    warning = page.get_by_test_id("warnings").get_by_text(
        f"{busy.peer_a.initials} is in two places at once")
    warning.wait_for()
    assert before == "None: every rule is kept and every indicator is covered."
    assert page.get_by_test_id("cell-interview-2").get_by_text("warning").is_visible()
    warning.locator("xpath=..").get_by_role("link", name="interview 2").click()
    assert page.url.endswith("#interview-2")
