"""A person logs in and reads the INTI-CITIES benchmark, in Debian's Chromium."""

import pytest

from tests.conftest import make_person


@pytest.fixture
def site(live_server, transactional_db):
    from citypeer.benchmarks.domain.library import load_shipped_benchmarks

    load_shipped_benchmarks()
    make_person("aino", roles=["peer"], password="a-long-test-password")
    return live_server.url


def log_in(page, site):
    page.goto(f"{site}/")
    page.get_by_label("Username").fill("aino")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{site}/")


def test_log_in_and_see_the_73_inti_indicators(page, site):
    log_in(page, site)

    page.get_by_role("link", name="Benchmarks", exact=True).click()
    page.get_by_role(
        "link", name="The INTI-CITIES benchmark on local integration governance"
    ).click()

    assert page.locator("li.indicator").count() == 73
    assert page.get_by_test_id("indicator-total").inner_text() == "73"
    assert page.locator("li.indicator").first.inner_text().startswith("GG/A/1")
    page.get_by_role("link", name="Working in Partnership").click()
    assert page.url.endswith("#pillar-WP")


def test_toolkit_page_shows_key_factors_and_context_factors(page, site):
    log_in(page, site)

    page.goto(f"{site}/benchmarks/integrating-cities-participation-2014/")

    assert page.locator("article.key-factor").count() == 8
    assert page.locator("table.context-factors tbody tr").count() == 7
    page.get_by_text("Genoa (2013)").click()
    assert page.get_by_text("Ufficio Partecipazione").first.is_visible()
