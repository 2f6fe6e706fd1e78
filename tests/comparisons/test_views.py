"""Comparison pages: who sees them, publishing, the public pages, PDF, and the number of
queries of a programme with 130 cities."""

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
def test_the_unpublished_comparison_is_for_those_taking_part(client, people, world,
                                                             role, status):
    client.force_login(people[role])

    assert client.get(url("programme", slug=world.programme.slug)).status_code == status


def test_peers_of_the_pool_and_officers_of_reviewed_cities_see_it(client, world):
    peer = make_person("pooled", roles=["peer"])
    world.programme.peer_pool.add(peer)
    officer = make_person("officer", roles=["host_officer"],
                          city=City.objects.get(slug="ypres"))

    for person in (peer, officer):
        client.force_login(person)
        assert client.get(url("programme", slug=world.programme.slug)).status_code == 200


def test_anonymous_visitors_are_sent_to_log_in_for_the_unpublished_pages(client,
                                                                         world):
    for name in ("programme", "pdf"):
        response = client.get(url(name, slug=world.programme.slug))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert client.get(url("public", slug=world.programme.slug)).status_code == 404
    assert client.get(url("public-download", slug=world.programme.slug, fmt="csv")
                      ).status_code == 404


def test_the_page_shows_matrix_heat_map_and_distributions(coordinator_client, world):
    response = coordinator_client.get(url("programme", slug=world.programme.slug))

    html = response.content.decode()
    assert 'data-testid="heat-map"><svg' in html
    assert 'data-testid="distributions"><svg' in html
    assert 'data-testid="overall">62.5<' in html
    assert "<td style=\"background:#d7af2f\">56.3</td>" in html


def test_the_city_page_has_its_radar_against_the_median(coordinator_client, world):
    response = coordinator_client.get(url("city", slug=world.programme.slug, city="xanten"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="radar"><svg' in html
    assert "Programme median" in html
    assert 'data-testid="rank">1 of 2' in html


def test_the_coordinator_publishes_and_anyone_then_reads_the_public_page(
        client, people, world):
    client.force_login(people["peer"])
    assert client.post(url("publish", slug=world.programme.slug)).status_code == 403
    client.force_login(people["coordinator"])
    client.post(url("publish", slug=world.programme.slug))
    client.logout()

    page = client.get(url("public", slug=world.programme.slug))
    city = client.get(url("public-city", slug=world.programme.slug, city="ypres"))
    csv = client.get(url("public-download", slug=world.programme.slug, fmt="csv"))

    assert page.status_code == 200
    assert "Xanten" in page.content.decode()
    assert city.status_code == 200
    assert csv["Content-Type"].startswith("text/csv")
    assert people["coordinator"].name not in page.content.decode()


def test_the_pdf_is_a_pdf(coordinator_client, world, client):
    response = coordinator_client.get(url("pdf", slug=world.programme.slug))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


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
