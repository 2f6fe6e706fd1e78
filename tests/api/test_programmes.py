"""/api/v1/programmes/ and /api/v1/reviews/ with the same permissions as the pages."""

from citypeer.network.models import City
from citypeer.programmes.models import Programme, ReviewStep
from tests.conftest import make_person


def post_programme(client, **overrides):
    for slug in ("helsinki", "lyon", "milan"):
        City.objects.get_or_create(slug=slug, defaults={"name": slug.title(), "country": "EU"})
    data = {
        "name": "INTI-CITIES 2008", "benchmark": "inti-cities-2009", "benchmark_version": 1,
        "cities": ["helsinki", "lyon", "milan"], "host_cities": ["helsinki", "lyon"],
        "phases": [{"kind": "visits", "starts_on": "2008-02-11", "ends_on": "2008-06-20"}],
        **overrides,
    }
    return client.post("/api/v1/programmes/", data, content_type="application/json")


def test_coordinator_creates_a_programme_through_the_api(coordinator_client, inti):
    response = post_programme(coordinator_client)

    assert response.status_code == 201
    assert response.json()["slug"] == "inti-cities-2008"
    assert ReviewStep.objects.filter(review__programme__slug="inti-cities-2008").count() == 14


def test_peer_cannot_create_a_programme(peer_client, inti):
    assert post_programme(peer_client).status_code == 403
    assert Programme.objects.count() == 0


def test_bad_programme_names_the_field(coordinator_client, inti):
    response = post_programme(coordinator_client, host_cities=["nowhere"])

    assert response.status_code == 400
    assert list(response.json()) == ["host_cities"]


def test_reviews_are_filtered_by_who_may_see_them(client, coordinator_client, inti):
    post_programme(coordinator_client)
    officer = make_person("officer", roles=["host_officer"], city=City.objects.get(slug="lyon"))
    client.force_login(officer)

    response = client.get("/api/v1/programmes/inti-cities-2008/reviews/")

    assert [r["city"] for r in response.json()["results"]] == ["lyon"]


def test_host_officer_cannot_read_another_citys_review(client, coordinator_client, inti):
    post_programme(coordinator_client)
    officer = make_person("officer", roles=["host_officer"], city=City.objects.get(slug="lyon"))
    helsinki = Programme.objects.get().reviews.get(city__slug="helsinki")
    client.force_login(officer)

    assert client.get(f"/api/v1/reviews/{helsinki.pk}/").status_code == 404


def test_coordinator_updates_a_step(coordinator_client, people, inti):
    post_programme(coordinator_client)
    step = ReviewStep.objects.filter(review__city__slug="lyon", step=3).get()

    response = coordinator_client.patch(
        f"/api/v1/reviews/{step.review_id}/steps/{step.pk}/",
        {"status": "done", "responsible": "host_officer"}, content_type="application/json",
    )

    step.refresh_from_db()
    assert response.status_code == 200
    assert (step.status, step.responsible) == ("done", people["host_officer"])


def test_a_step_is_found_only_under_its_own_review(coordinator_client, inti):
    post_programme(coordinator_client)
    lyon = ReviewStep.objects.get(review__city__slug="lyon", step=3)
    helsinki = ReviewStep.objects.get(review__city__slug="helsinki", step=3)

    wrong_review = coordinator_client.get(f"/api/v1/reviews/{helsinki.review_id}/steps/{lyon.pk}/")
    too_large = coordinator_client.get(f"/api/v1/reviews/{2**70}/steps/{lyon.pk}/")
    right = coordinator_client.get(f"/api/v1/reviews/{lyon.review_id}/steps/{lyon.pk}/")

    assert (wrong_review.status_code, too_large.status_code) == (404, 404)
    assert (right.status_code, right.json()["step"]) == (200, 3)


def test_an_officer_sees_their_citys_steps_but_does_not_change_them(client, coordinator_client,
                                                                   inti):
    post_programme(coordinator_client)
    officer = make_person("officer", roles=["host_officer"], city=City.objects.get(slug="lyon"))
    step = ReviewStep.objects.get(review__city__slug="lyon", step=3)
    client.force_login(officer)
    path = f"/api/v1/reviews/{step.review_id}/steps/{step.pk}/"

    assert client.get(path).status_code == 200
    assert client.patch(path, {"status": "done"}, content_type="application/json"
                        ).status_code == 403
    step.refresh_from_db()
    assert step.status == "not_started"
