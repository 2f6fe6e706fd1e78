"""An anonymous visitor in Debian's Chromium reads a published comparison and nothing else."""

import pytest

from citypeer.comparisons.domain.comparisons import publish_comparison
from citypeer.practices.models import GoodPractice
from tests.comparisons.conftest import COLOURS, SMALL, make_programme
from tests.conftest import make_person
from tests.factories import make_benchmark

PEOPLE = [("wilhelmina_oyelaran", "Wilhelmina Oyelaran", "w.oyelaran@example.org"),
          ("bartholomew_quince", "Bartholomew Quince", "b.quince@example.org")]


@pytest.fixture
def site(live_server, transactional_db):
    benchmark = make_benchmark(SMALL)
    published, reviews = make_programme(benchmark, COLOURS, slug="published-round",
                                        rationale="As Wilhelmina Oyelaran told us")
    hidden, _ = make_programme(benchmark, {"hiddenburg": {"GG/A/1": "meets"}},
                               slug="hidden-round")
    people = []
    for username, name, email in PEOPLE:
        person = make_person(username, roles=["coordinator", "peer"])
        person.name, person.email = name, email
        person.save()
        people.append(person)
    published.peer_pool.set(people)
    GoodPractice.objects.create(review=reviews["xanten"], title="Open district budgets",
                                description="Every district publishes its budget.",
                                published=True)
    GoodPractice.objects.create(review=reviews["xanten"], title="Unpublished draft practice",
                                description="Not for the public.", published=False)
    publish_comparison(programme=published, user=people[0])
    return {"url": live_server.url, "hidden": hidden}


def test_anonymous_visitor_reads_only_published_data_and_no_personal_data(page, site):
    url = site["url"]

    page.goto(f"{url}/comparisons/public/")
    page.get_by_role("link", name="Published Round").click()
    page.get_by_role("heading", name="Comparison across cities: Published Round").wait_for()
    text = page.inner_text("body")
    html = page.content()

    assert "Xanten" in text
    assert "Ypres" in text
    assert "Zwolle" in text
    assert page.get_by_test_id("heat-map").locator("svg").count() == 1
    assert page.get_by_test_id("city-xanten").get_by_test_id("overall").inner_text() == "62.5"
    assert "Open district budgets" in text
    assert "Unpublished draft practice" not in html
    for username, name, email in PEOPLE:
        for personal in (username, name, email, name.split()[1]):
            assert personal not in html
    assert "told us" not in html
    assert "Hidden Round" not in html
    assert "Hiddenburg" not in html
    assert page.get_by_role("button", name="Log out").count() == 0

    page.get_by_role("link", name="Xanten").click()
    page.get_by_test_id("radar").locator("svg").wait_for()
    assert "Wilhelmina" not in page.content()

    for path in ("/comparisons/public/hidden-round/", "/comparisons/public/nowhere/"):
        assert page.goto(f"{url}{path}").status == 404
    for path in ("/comparisons/programmes/published-round/", "/practices/",
                 "/revisions/programmes/published-round/comments/", "/programmes/"):
        page.goto(f"{url}{path}")
        assert "/accounts/login/" in page.url, path
    response = page.request.get(f"{url}/api/v1/comparisons/published-round/")
    assert response.status in (401, 403)
    published = page.request.get(f"{url}/api/v1/comparisons/published-round/published/")
    assert published.status == 200
    assert "Wilhelmina" not in published.text()
