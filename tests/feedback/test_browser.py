"""Step 7 in Debian's Chromium: two peers approve the report, the team leader releases it,
the host city's officer reads it and records a commitment."""

import pytest

from citypeer.feedback.domain import reports
from citypeer.feedback.models import Commitment
from tests.feedback.conftest import PASSWORD, make_world, recommend


@pytest.fixture
def walk(live_server, transactional_db):
    world = make_world(password=PASSWORD)
    recommend(world)
    reports.compose_report(review=world.review, by=world.people.jb)
    return world, live_server.url


def log_in(page, site, user):
    page.goto(f"{site}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/")


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def test_peers_approve_leader_releases_city_commits(page, walk):
    world, site = walk
    feedback = f"{site}/reviews/{world.review.pk}/feedback/"

    for peer in (world.people.jb, world.people.fc):
        log_in(page, site, peer)
        page.goto(feedback + "report/")
        page.get_by_role("button", name="Approve the final draft").click()
        page.get_by_text("You approved the final draft.").wait_for()
        log_out(page)

    log_in(page, site, world.people.jb)
    page.goto(feedback + "report/")
    page.get_by_role("button", name="Release to the host city").click()
    page.get_by_text("The report is released to the host city.").wait_for()
    assert page.locator("[data-report-state]").get_attribute("data-report-state") == "released"
    log_out(page)

    log_in(page, site, world.people.host)
    page.goto(feedback)
    page.get_by_role("link", name="Read the report").click()
    report = page.locator("article.report-body")
    report.get_by_role("heading", name="7. Recommendations").wait_for()
    assert report.locator("table.recommendations td").nth(1).inner_text() == (
        "Consult the committee every quarter.")
    page.goto(feedback)
    page.get_by_role("link", name="The city's response and commitments").click()
    page.get_by_label("Response").select_option("accepted")
    page.get_by_label("Commitment", exact=True).fill("The committee meets every quarter.")
    page.get_by_label("Owner").fill("Integration office")
    page.get_by_label("Due on").fill("2009-06-30")
    page.get_by_role("button", name="Save the response").click()
    page.get_by_text("Commitment recorded.").wait_for()

    commitment = Commitment.objects.get()
    assert (commitment.response, commitment.commitment, commitment.owner,
            str(commitment.due_on)) == ("accepted", "The committee meets every quarter.",
                                        "Integration office", "2009-06-30")
