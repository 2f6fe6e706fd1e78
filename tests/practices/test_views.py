"""Catalogue pages, with their permissions, and their number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator
from citypeer.practices.domain.catalogue import load_shipped_practices
from citypeer.practices.models import GoodPractice


def test_catalogue_needs_an_account(client, catalogue):
    assert client.get("/practices/").status_code == 302
    assert client.get("/api/v1/practices/").status_code in (401, 403)


def test_catalogue_searches_by_indicator(peer_client, catalogue):
    response = peer_client.get("/practices/", {"indicator": "GG/A/6"})

    html = response.content.decode()
    assert "Data-gathering" in html
    assert "Council of Religions" not in html
    assert 'data-testid="count">2 practices' in html


def test_a_team_member_adds_a_practice_of_the_review(client, people, world):
    indicator = Indicator.objects.get(benchmark=world.programme.benchmark,
                                      code="GG/A/6")
    client.force_login(people["expert"])
    assert client.get(f"/practices/reviews/{world.pk}/new/").status_code == 403
    client.force_login(people["peer"])

    response = client.post(f"/practices/reviews/{world.pk}/new/", {
        "title": "Neighbourhood statistics", "description": "Data per district.",
        "indicators": [indicator.pk], "transferable": "on"})

    practice = GoodPractice.objects.get(title="Neighbourhood statistics")
    assert response.status_code == 302
    assert (practice.city.slug, practice.review_id) == ("lyon", world.pk)
    assert [i.code for i in practice.indicators.all()] == ["GG/A/6"]


def test_suggestions_page_and_api_for_the_review(client, people, world, catalogue):
    indicator = Indicator.objects.get(benchmark=world.programme.benchmark,
                                      code="GG/A/6")
    Assessment.objects.create(review=world, indicator=indicator,
                              colour="falls_short")
    client.force_login(people["nobody"])
    assert client.get(f"/practices/reviews/{world.pk}/suggestions/"
                      ).status_code == 403
    client.force_login(people["peer"])

    page = client.get(f"/practices/reviews/{world.pk}/suggestions/")
    api = client.get(f"/api/v1/reviews/{world.pk}/practice-suggestions/").json()

    assert 'data-testid="suggestion-GG/A/6"' in page.content.decode()
    assert api[0]["indicator"] == "GG/A/6"
    assert {p["title"] for p in api[0]["from_publications"]} == {
        "Tailoring needs assessments", "Data-gathering"}


def test_catalogue_query_count_does_not_grow_with_practices(peer_client, shipped_benchmarks):
    GoodPractice.objects.create(origin="shipped", shipped_key="one", title="One practice",
                                description="A practice.", transferable=True)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert peer_client.get("/practices/").status_code == 200
        return len(ctx.captured_queries)

    one = count()
    load_shipped_practices()
    several = count()

    assert GoodPractice.objects.count() == 41
    assert several == one
