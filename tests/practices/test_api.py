"""/api/v1/practices/ and the suggestions of a review, with the pages' permissions."""

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice


def test_api_searches_by_city_and_key_factor(peer_client, catalogue):
    by_city = peer_client.get("/api/v1/practices/", {"city": "Lyon"}).json()
    by_kf = peer_client.get("/api/v1/practices/", {"key_factor": "KF1"}).json()

    assert {p["title"] for p in by_city["results"]} >= {"Residents' survey",
                                                        "Developing indicators"}
    assert all("KF1" in p["key_factors"] for p in by_kf["results"])
    assert by_kf["count"] > 0


def test_one_practice_and_one_out_of_sight(client, people, inti):
    shared = GoodPractice.objects.create(title="Shared", description="x", transferable=True)
    kept = GoodPractice.objects.create(title="Kept in the team", description="x")
    client.force_login(people["peer"])

    assert client.get(f"/api/v1/practices/{shared.pk}/").json()["title"] == "Shared"
    assert client.get(f"/api/v1/practices/{kept.pk}/").status_code == 404


def test_suggestions_of_a_review_one_may_not_see_are_refused(client, people, world):
    Assessment.objects.create(review=world, colour="falls_short",
                              indicator=Indicator.objects.get(benchmark=world.programme.benchmark,
                                                              code="GG/A/6"))
    client.force_login(people["nobody"])

    assert client.get(f"/api/v1/reviews/{world.pk}/practice-suggestions/").status_code == 403
    assert client.get("/api/v1/reviews/999999/practice-suggestions/").status_code == 404
