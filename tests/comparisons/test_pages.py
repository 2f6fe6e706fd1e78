"""Comparison pages: who sees them, publishing, the public pages, PDF, API, and the number
of queries of a programme with 130 cities."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.assessment.models import Assessment
from citypeer.benchmarks.models import Indicator
from citypeer.comparisons.domain.comparisons import publish_comparison
from citypeer.network.models import City
from citypeer.programmes.models import Programme, Review
from tests.conftest import make_person


def url(name, **kwargs):
    return reverse(f"comparisons:{name}", kwargs=kwargs)


@pytest.mark.parametrize(("role", "status"), [
    ("coordinator", 200), ("peer", 403), ("host_officer", 403), ("nobody", 403)])
def test_the_unpublished_comparison_is_for_those_taking_part(client, people, small_programme,
                                                             role, status):
    client.force_login(people[role])

    assert client.get(url("programme", slug=small_programme.slug)).status_code == status


def test_peers_of_the_pool_and_officers_of_reviewed_cities_see_it(client, small_programme):
    peer = make_person("pooled", roles=["peer"])
    small_programme.peer_pool.add(peer)
    officer = make_person("officer", roles=["host_officer"],
                          city=City.objects.get(slug="ypres"))

    for person in (peer, officer):
        client.force_login(person)
        assert client.get(url("programme", slug=small_programme.slug)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in_for_the_unpublished_pages(client,
                                                                         small_programme):
    for name in ("programme", "pdf"):
        response = client.get(url(name, slug=small_programme.slug))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert client.get(url("public", slug=small_programme.slug)).status_code == 404
    assert client.get(url("public-download", slug=small_programme.slug, fmt="csv")
                      ).status_code == 404


def test_the_page_shows_matrix_heat_map_and_distributions(coordinator_client, small_programme):
    response = coordinator_client.get(url("programme", slug=small_programme.slug))

    html = response.content.decode()
    assert 'data-testid="heat-map"><svg' in html
    assert 'data-testid="distributions"><svg' in html
    assert 'data-testid="overall">62.5<' in html
    assert "<td style=\"background:#d7af2f\">56.3</td>" in html


def test_the_city_page_has_its_radar_against_the_median(coordinator_client, small_programme):
    response = coordinator_client.get(url("city", slug=small_programme.slug, city="xanten"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="radar"><svg' in html
    assert "Programme median" in html
    assert 'data-testid="rank">1 of 2' in html


def test_the_coordinator_publishes_and_anyone_then_reads_the_public_page(
        client, people, small_programme):
    client.force_login(people["peer"])
    assert client.post(url("publish", slug=small_programme.slug)).status_code == 403
    client.force_login(people["coordinator"])
    client.post(url("publish", slug=small_programme.slug))
    client.logout()

    page = client.get(url("public", slug=small_programme.slug))
    city = client.get(url("public-city", slug=small_programme.slug, city="ypres"))
    csv = client.get(url("public-download", slug=small_programme.slug, fmt="csv"))

    assert page.status_code == 200
    assert "Xanten" in page.content.decode()
    assert city.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    assert people["coordinator"].name not in page.content.decode()


def test_the_pdf_is_a_pdf(coordinator_client, small_programme, client):
    response = coordinator_client.get(url("pdf", slug=small_programme.slug))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_api_gives_the_document_and_publishes(coordinator_client, small_programme, client):
    base = f"/api/v1/comparisons/{small_programme.slug}/"

    document = coordinator_client.get(base).json()
    xlsx = coordinator_client.get(base + "data/xlsx/")
    published = coordinator_client.post(base + "publication/")
    client.logout()
    anonymous = client.get(base + "published/")

    assert next(c for c in document["cities"] if c["slug"] == "xanten")["overall"] == 62.5
    assert xlsx.content[:2] == b"PK"
    assert published.status_code == 201
    assert anonymous.status_code == 200
    assert client.get(base).status_code in (401, 403)


def test_api_refuses_people_outside_the_programme(client, people, small_programme):
    client.force_login(people["nobody"])

    assert client.get(f"/api/v1/comparisons/{small_programme.slug}/").status_code == 403
    assert client.post(f"/api/v1/comparisons/{small_programme.slug}/publication/"
                       ).status_code == 403


def generated_programme(benchmark, n_cities, *, slug):
    """n cities reviewed on every indicator of the benchmark, colours drawn at random."""
    rng = random.Random(n_cities)
    programme = Programme.objects.create(slug=slug, name=slug, benchmark=benchmark)
    cities = City.objects.bulk_create(
        City(slug=f"{slug}-{n}", name=f"City {n:03d}", country="EU") for n in range(n_cities))
    reviews = Review.objects.bulk_create(Review(programme=programme, city=c) for c in cities)
    indicators = list(Indicator.objects.filter(benchmark=benchmark))
    Assessment.objects.bulk_create(
        Assessment(review=r, indicator=i, colour=rng.choice(
            ["meets", "inconclusive", "falls_short", "not_assessed"]))
        for r in reviews for i in indicators)
    return programme


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_comparison_of_130_cities_and_73_indicators_takes_a_fixed_number_of_queries(
        coordinator_client, inti):
    small = generated_programme(inti, 2, slug="two")
    large = generated_programme(inti, 130, slug="many")
    publish_comparison(programme=large, user=None)
    publish_comparison(programme=small, user=None)

    assert inti.indicators.count() == 73
    small_count = queries_for(coordinator_client, url("programme", slug="two"))
    large_count = queries_for(coordinator_client, url("programme", slug="many"))
    public_count = queries_for(coordinator_client, url("public", slug="many"))

    assert large_count == small_count
    assert large_count <= 12
    assert public_count <= 4
