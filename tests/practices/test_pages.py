"""Catalogue pages and API, with their permissions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator
from citypeer.network.models import City
from citypeer.practices.domain.catalogue import load_shipped_practices
from citypeer.practices.models import GoodPractice
from citypeer.programmes.models import Programme, Review
from citypeer.teams.models import Team, TeamMember


@pytest.fixture
def catalogue(shipped_benchmarks):
    load_shipped_practices()


def test_catalogue_needs_an_account(client, catalogue):
    assert client.get("/practices/").status_code == 302
    assert client.get("/api/v1/practices/").status_code in (401, 403)


def test_catalogue_searches_by_indicator(peer_client, catalogue):
    response = peer_client.get("/practices/", {"indicator": "GG/A/6"})

    html = response.content.decode()
    assert "Data-gathering" in html
    assert "Council of Religions" not in html
    assert 'data-testid="count">2 practices' in html


def test_api_searches_by_city_and_key_factor(peer_client, catalogue):
    by_city = peer_client.get("/api/v1/practices/", {"city": "Lyon"}).json()
    by_kf = peer_client.get("/api/v1/practices/", {"key_factor": "KF1"}).json()

    assert {p["title"] for p in by_city["results"]} >= {"Residents' survey",
                                                        "Developing indicators"}
    assert all("KF1" in p["key_factors"] for p in by_kf["results"])
    assert by_kf["count"] > 0


@pytest.fixture
def review_with_team(inti, people):
    city = City.objects.create(slug="lyon", name="Lyon", country="FR")
    programme = Programme.objects.create(slug="p", name="P", benchmark=inti)
    review = Review.objects.create(programme=programme, city=city)
    team = Team.objects.create(review=review, leader=people["peer"])
    TeamMember.objects.create(team=team, person=people["peer"])
    return review


def test_a_team_member_adds_a_practice_of_the_review(client, people, review_with_team):
    indicator = Indicator.objects.get(benchmark=review_with_team.programme.benchmark,
                                      code="GG/A/6")
    client.force_login(people["expert"])
    assert client.get(f"/practices/reviews/{review_with_team.pk}/new/").status_code == 403
    client.force_login(people["peer"])

    response = client.post(f"/practices/reviews/{review_with_team.pk}/new/", {
        "title": "Neighbourhood statistics", "description": "Data per district.",
        "indicators": [indicator.pk], "transferable": "on"})

    practice = GoodPractice.objects.get(title="Neighbourhood statistics")
    assert response.status_code == 302
    assert (practice.city.slug, practice.review_id) == ("lyon", review_with_team.pk)
    assert [i.code for i in practice.indicators.all()] == ["GG/A/6"]


def test_suggestions_page_and_api_for_the_review(client, people, review_with_team, catalogue):
    indicator = Indicator.objects.get(benchmark=review_with_team.programme.benchmark,
                                      code="GG/A/6")
    Assessment.objects.create(review=review_with_team, indicator=indicator,
                              colour="falls_short")
    client.force_login(people["nobody"])
    assert client.get(f"/practices/reviews/{review_with_team.pk}/suggestions/"
                      ).status_code == 403
    client.force_login(people["peer"])

    page = client.get(f"/practices/reviews/{review_with_team.pk}/suggestions/")
    api = client.get(f"/api/v1/reviews/{review_with_team.pk}/practice-suggestions/").json()

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
