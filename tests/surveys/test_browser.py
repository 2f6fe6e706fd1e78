"""The survey walked in Debian's Chromium: the coordinator defines a year's survey and sends
it, Lyon's contact answers through the personal link (without an account), Milan's officer
answers after logging in, the coordinator closes and publishes the results aggregated, and
a visitor without an account reads them, without any city's name."""

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from django.core import mail

from tests.factories import make_city, make_person
from tests.surveys.conftest import make_signatory

PASSWORD = "a-long-test-password"


@pytest.fixture
def site(live_server, transactional_db, tmp_path):
    lyon, milan = make_city("lyon", name="Lyon"), make_city("milan", name="Milan")
    make_signatory(lyon, email="contact@lyon.example.org")
    make_signatory(milan, email="contact@milan.example.org")
    make_person("coord", roles=["coordinator"], name="Noor Coordinator", password=PASSWORD)
    make_person("marco", roles=["host_officer"], city=milan, name="Marco Brambilla",
                password=PASSWORD)
    shots = Path(os.environ.get("SURVEY_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    return {"url": live_server.url, "shots": shots}


def log_in(page, url, username):
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{url}/")


def shot(page, site, name):
    page.screenshot(path=str(site["shots"] / f"{name}.png"), full_page=True)


def add_question(page, *, code, kind, text, choices="", minimum="", maximum="",
                 condition_on="", value=""):
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Code").fill(code)
    page.get_by_label("Kind").select_option(kind)
    page.get_by_label("Question:", exact=True).fill(text)
    page.get_by_label("An answer is required").check()
    page.get_by_label("Lowest answer").fill(minimum)
    page.get_by_label("Highest answer").fill(maximum)
    if choices:
        page.get_by_label("Choices").fill(choices)
    if condition_on:
        page.get_by_label("Shown only when the answer to").select_option(condition_on)
        page.get_by_label("Value").fill(value)
    page.get_by_role("button", name="Save the question").click()
    page.get_by_text(f"Question {code} added.").wait_for()


def test_a_survey_from_definition_to_published_results(page, browser, site):
    url = site["url"]
    year = dt.date.today().year
    deadline = (dt.date.today() + dt.timedelta(days=30)).isoformat()

    # The coordinator defines the survey and sends it.
    log_in(page, url, "coord")
    page.get_by_role("link", name="Charter survey").click()
    page.get_by_role("link", name="New survey").click()
    page.get_by_label("Title").fill("Integrating Cities survey")
    page.get_by_label("Deadline").fill(deadline)
    page.get_by_role("button", name="Make the draft").click()
    page.get_by_role("heading", name=f"Integrating Cities survey ({year})").wait_for()
    add_question(page, code="council", kind="single", text="Does the city have a migrant "
                 "advisory council?", choices="yes = Yes\nno = No")
    add_question(page, code="members", kind="number", text="How many members has it?",
                 minimum="1", maximum="200", condition_on="council", value="yes")
    shot(page, site, "1-coordinator-draft")
    page.get_by_role("button", name="Open the survey").click()
    page.get_by_role("button", name="Send the survey to every signatory not yet invited").click()
    page.get_by_text("Invitations sent: 2.").wait_for()
    shot(page, site, "2-coordinator-sent")
    links = {m.to[0]: re.search(r"(/surveys/link/[^\s]+)", m.body).group(1)
             for m in mail.outbox}
    page.get_by_role("button", name="Log out").click()

    # Lyon's contact opens the personal link: no account.
    contact = browser.new_context(locale="en-GB").new_page()
    contact.goto(url + links["contact@lyon.example.org"])
    contact.get_by_role("heading", name=re.compile("Lyon")).wait_for()
    members = contact.get_by_label(re.compile("How many members has it"))
    assert not members.is_visible()  # shown only once the council is answered "yes"
    contact.get_by_role("radio", name="Yes", exact=True).check()
    members.fill("500")
    contact.get_by_label("Your name").fill("Claire Morel")
    contact.get_by_role("button", name="Submit the city's answers").click()
    alert = contact.get_by_test_id("refusal")
    assert "500 is above the highest answer accepted, 200" in alert.inner_text()
    shot(contact, site, "3-link-holder-refused")
    contact.get_by_label(re.compile("How many members has it")).fill("12")
    contact.get_by_role("button", name="Submit the city's answers").click()
    contact.get_by_text("Lyon's answers are submitted. Thank you.").wait_for()
    assert "submitted" in contact.get_by_test_id("response-status").inner_text()
    shot(contact, site, "4-link-holder-submitted")
    contact.context.close()

    # Milan's officer answers after logging in.
    log_in(page, url, "marco")
    page.get_by_role("link", name="Charter survey").click()
    page.get_by_test_id("own-surveys").get_by_role("link").click()
    page.get_by_role("radio", name="No", exact=True).check()
    assert not page.get_by_label(re.compile("How many members has it")).is_visible()
    page.get_by_role("button", name="Submit the city's answers").click()
    page.get_by_text("Milan's answers are submitted. Thank you.").wait_for()
    page.get_by_role("button", name="Log out").click()

    # The coordinator sees who has answered, closes the survey and publishes aggregated.
    log_in(page, url, "coord")
    page.goto(f"{url}/surveys/{year}/")
    assert "submitted" in page.get_by_test_id("progress-lyon").inner_text()
    assert "Marco Brambilla" in page.get_by_test_id("progress-milan").inner_text()
    page.get_by_role("button", name="Close the survey").click()
    page.get_by_label("published, aggregated only").check()
    page.get_by_role("button", name="Save the publication").click()
    assert page.get_by_test_id("publication").inner_text().startswith(
        "published, aggregated only")
    shot(page, site, "5-coordinator-published")
    page.get_by_role("button", name="Log out").click()

    # A visitor without an account reads the results, and no city's name.
    page.goto(f"{url}/surveys/results/")
    page.get_by_role("link", name=re.compile(f"Integrating Cities survey \\({year}\\)")).click()
    page.get_by_test_id("result-council").locator("svg").wait_for()
    text = page.inner_text("main")
    assert "2 cities submitted their answers, of 2 invited." in text
    assert "Lyon" not in text
    assert "Milan" not in text
    council = page.get_by_test_id("result-council").get_by_role("table").inner_text()
    assert "Yes\t1\t50 %" in council
    shot(page, site, "6-public-results")
    assert page.goto(f"{url}/surveys/{year}/responses/lyon/").status == 403
