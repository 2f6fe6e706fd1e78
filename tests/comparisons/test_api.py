"""/api/v1/comparisons/: the document as the pages compute it, its files, publishing, the
published document for anyone, and who may do what."""

from citypeer.comparisons.domain.comparisons import comparison_data


def test_api_gives_the_document_and_publishes(coordinator_client, world, client):
    base = f"/api/v1/comparisons/{world.programme.slug}/"

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


def test_api_refuses_people_outside_the_programme(client, people, world):
    client.force_login(people["nobody"])

    assert client.get(f"/api/v1/comparisons/{world.programme.slug}/").status_code == 403
    assert client.post(f"/api/v1/comparisons/{world.programme.slug}/publication/"
                       ).status_code == 403


def test_the_api_gives_the_document_as_it_is(coordinator_client, world):
    document = coordinator_client.get(f"/api/v1/comparisons/{world.programme.slug}/").json()

    assert document == comparison_data(programme=world.programme)


def test_a_toolkit_programme_has_no_comparison_and_says_why(coordinator_client, toolkit):
    from citypeer.programmes.models import Programme

    Programme.objects.create(slug="toolkit-round", name="T", benchmark=toolkit)

    api = coordinator_client.get("/api/v1/comparisons/toolkit-round/")
    page = coordinator_client.get("/comparisons/programmes/toolkit-round/")

    assert api.status_code == 404
    assert "toolkit" in api.json()["detail"]
    assert page.status_code == 404
    assert "only a pillars × values benchmark has scores to compare" in page.content.decode()


def test_an_unknown_programme_is_404(coordinator_client, db):
    assert coordinator_client.get("/api/v1/comparisons/nowhere/").status_code == 404
    assert coordinator_client.delete("/api/v1/comparisons/nowhere/publication/"
                                     ).status_code == 404
