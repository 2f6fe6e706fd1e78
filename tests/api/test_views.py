"""/api/v1/: the benchmarks, read-only, and the OpenAPI schema."""

import dataclasses

from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.core.benchmark import document_to_dict, load_document
from tests.conftest import INTI_FILE, TOOLKIT_FILE


def test_anonymous_gets_nothing(client, shipped_benchmarks):
    assert client.get("/api/v1/benchmarks/").status_code == 403
    assert client.get("/api/v1/benchmarks/inti-cities-2009/1/").status_code == 403


def test_list_of_benchmarks(peer_client, shipped_benchmarks):
    data = peer_client.get("/api/v1/benchmarks/").json()

    assert data["count"] == 2
    assert [(b["slug"], b["version"], b["indicator_count"], b["key_factor_count"])
            for b in data["results"]] == [
        ("integrating-cities-participation-2014", 1, 0, 8),
        ("inti-cities-2009", 1, 73, 0),
    ]
    assert data["results"][1]["url"] == "http://testserver/api/v1/benchmarks/inti-cities-2009/1/"


def test_benchmark_document_is_the_export_format(peer_client, shipped_benchmarks):
    data = peer_client.get("/api/v1/benchmarks/inti-cities-2009/1/").json()

    assert data == document_to_dict(load_document(INTI_FILE))


def test_newest_version_without_a_number(peer_client, shipped_benchmarks):
    import_benchmark(document=dataclasses.replace(load_document(INTI_FILE), version=2))

    assert peer_client.get("/api/v1/benchmarks/inti-cities-2009/").json()["version"] == 2


def test_unknown_benchmark_is_404(peer_client, shipped_benchmarks):
    assert peer_client.get("/api/v1/benchmarks/nope/").status_code == 404


def test_benchmarks_are_read_only(peer_client, coordinator_client, shipped_benchmarks):
    assert coordinator_client.post("/api/v1/benchmarks/", {}).status_code == 405
    assert coordinator_client.delete("/api/v1/benchmarks/inti-cities-2009/1/").status_code == 405


def test_token_authentication(client, people, shipped_benchmarks):
    token = Token.objects.create(user=people["expert"])

    response = client.get("/api/v1/benchmarks/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200


def test_list_query_count_does_not_grow(peer_client, db):
    import_benchmark(document=load_document(INTI_FILE))
    with CaptureQueriesContext(connection) as one:
        peer_client.get("/api/v1/benchmarks/")
    base = load_document(TOOLKIT_FILE)
    for version in (1, 2, 3):
        import_benchmark(document=dataclasses.replace(base, version=version))

    with CaptureQueriesContext(connection) as several:
        data = peer_client.get("/api/v1/benchmarks/").json()

    assert data["count"] == 4
    assert len(several.captured_queries) == len(one.captured_queries)


def test_openapi_schema_describes_the_benchmark_endpoints(peer_client):
    response = peer_client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()

    assert schema["openapi"].startswith("3.")
    assert [p for p in sorted(schema["paths"]) if p.startswith("/api/v1/benchmarks/")] == [
        "/api/v1/benchmarks/",
        "/api/v1/benchmarks/{slug}/",
        "/api/v1/benchmarks/{slug}/{version}/",
    ]
    assert "BenchmarkDocument" in schema["components"]["schemas"]


def test_api_docs_page_is_served_from_our_own_static_files(peer_client):
    html = peer_client.get("/api/v1/docs/").content.decode()

    assert "swagger-ui" in html
    assert "cdn.jsdelivr.net" not in html


def test_openapi_schema_is_valid_and_has_no_warning():
    import io

    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out, stderr=err)

    assert err.getvalue() == ""
