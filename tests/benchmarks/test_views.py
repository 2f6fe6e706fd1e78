"""The benchmark pages as members of the network see them."""

import dataclasses
import re

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.benchmarks.models import Benchmark, Indicator
from citypeer.core.benchmark import load_document
from tests.conftest import INTI_FILE, TOOLKIT_FILE


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_pages_need_a_login(client, shipped_benchmarks):
    response = client.get(reverse("benchmarks:detail", args=["inti-cities-2009"]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_index_lists_each_benchmark_with_its_versions(peer_client, shipped_benchmarks):
    import_benchmark(document=dataclasses.replace(load_document(INTI_FILE), version=2))

    html = peer_client.get(reverse("benchmarks:index")).content.decode()

    assert "73 indicators" in html
    assert "8 key factors, 7 context factors" in html
    assert re.findall(r'href="/benchmarks/inti-cities-2009/v(\d)/"', html) == ["2", "1"]


def test_inti_page_shows_the_matrix_and_all_73_indicators(peer_client, inti):
    html = peer_client.get(reverse("benchmarks:detail", args=["inti-cities-2009"])).content.decode()

    indicator_codes = re.findall(r'<li class="indicator" id="[^"]+"><code>([^<]+)</code>', html)
    assert indicator_codes == list(
        Indicator.objects.filter(benchmark=inti).order_by("position").values_list("code", flat=True)
    )
    assert len(indicator_codes) == 73
    assert '<td data-testid="indicator-total">73</td>' in html
    row = re.search(r'href="#pillar-GG">General Governance</a></th>(.*?)</tr>', html, re.S)[1]
    assert re.findall(r"<td>(\d+)</td>", row) == ["6", "3", "5", "4", "6", "24"]


def test_toolkit_page_shows_key_factors_with_guide_questions(peer_client, toolkit):
    html = peer_client.get(
        reverse("benchmarks:detail", args=["integrating-cities-participation-2014"])
    ).content.decode()

    assert len(re.findall(r'<article class="key-factor"', html)) == 8
    assert len(re.findall(r"<ul class=\"guide-questions\">", html)) == 8
    assert "8 key factors" in html
    assert "7 context factors" in html
    assert "Who leads work within the city to establish and support this?" in html


def test_old_version_stays_readable(peer_client, inti):
    import_benchmark(document=dataclasses.replace(load_document(INTI_FILE), version=2,
                                                  title="Revised"))

    old = peer_client.get(reverse("benchmarks:version", args=["inti-cities-2009", 1]))
    newest = peer_client.get(reverse("benchmarks:detail", args=["inti-cities-2009"]))

    assert old.context["benchmark"].version == 1
    assert newest.context["benchmark"].title == "Revised"


def test_unknown_benchmark_is_404(peer_client, inti):
    response = peer_client.get(reverse("benchmarks:version", args=["inti-cities-2009", 7]))

    assert response.status_code == 404


def test_index_query_count_does_not_grow_with_benchmarks(peer_client, db):
    import_benchmark(document=load_document(INTI_FILE))
    one = queries_for(peer_client, reverse("benchmarks:index"))
    base = load_document(TOOLKIT_FILE)
    for version in (1, 2, 3):
        import_benchmark(document=dataclasses.replace(base, version=version))

    several = queries_for(peer_client, reverse("benchmarks:index"))

    assert Benchmark.objects.count() == 4
    assert several == one


def test_detail_query_count_does_not_grow_with_indicators(peer_client, db):
    full = load_document(INTI_FILE)
    small = dataclasses.replace(full, slug="small", pillars=full.pillars[:1])
    import_benchmark(document=small)
    import_benchmark(document=full)

    small_count = queries_for(peer_client, reverse("benchmarks:detail", args=["small"]))
    full_count = queries_for(peer_client, reverse("benchmarks:detail", args=["inti-cities-2009"]))

    assert full_count == small_count


def test_toolkit_detail_query_count_does_not_grow_with_key_factors(peer_client, db):
    full = load_document(TOOLKIT_FILE)
    import_benchmark(document=dataclasses.replace(full, slug="one-kf",
                                                  key_factors=full.key_factors[:1]))
    import_benchmark(document=full)

    one = queries_for(peer_client, reverse("benchmarks:detail", args=["one-kf"]))
    eight = queries_for(
        peer_client, reverse("benchmarks:detail", args=["integrating-cities-participation-2014"])
    )

    assert eight == one


def upload(name, text):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="application/yaml")


def test_coordinator_imports_a_new_version_from_the_page(coordinator_client, inti):
    data = yaml.safe_load(INTI_FILE.read_text(encoding="utf-8"))
    data["version"] = 2

    response = coordinator_client.post(
        reverse("benchmarks:import"), {"file": upload("v2.yaml", yaml.safe_dump(data))}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("benchmarks:version", args=["inti-cities-2009", 2])
    assert Benchmark.objects.get(slug="inti-cities-2009", version=2).indicators.count() == 73


def test_bad_upload_lists_every_problem_and_writes_nothing(coordinator_client, inti):
    data = yaml.safe_load(INTI_FILE.read_text(encoding="utf-8"))
    data["version"] = 2
    data["pillars"][1]["values"][0]["indicators"][0]["code"] = "IE-A-1"
    data["values"][0]["name"] = ""
    before = Indicator.objects.count()

    response = coordinator_client.post(
        reverse("benchmarks:import"), {"file": upload("v2.yaml", yaml.safe_dump(data))}
    )

    assert response.status_code == 200
    assert [(p.location, p.message) for p in response.context["problems"]] == [
        ("pillars[1].values[0].indicators[0].code",
         "'IE-A-1' must be of the form PILLAR/VALUE/N (for example GG/I/3)"),
        ("values[0].name", "must not be empty"),
    ]
    assert Indicator.objects.count() == before
    assert "Nothing was imported: the file has 2 problems." in response.content.decode()


def test_upload_of_existing_version_is_refused_on_the_form(coordinator_client, inti):
    response = coordinator_client.post(
        reverse("benchmarks:import"), {"file": upload("v1.yaml", INTI_FILE.read_text())}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "benchmark inti-cities-2009 version 1 exists already; import a new version, or "
        "replace it with --replace"
    ]


def test_upload_of_other_file_types_is_refused(coordinator_client, db):
    response = coordinator_client.post(
        reverse("benchmarks:import"), {"file": upload("benchmark.exe", "MZ")}
    )

    assert response.context["form"].errors["file"] == ["Upload a .yaml, .yml or .json file."]


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("host_officer", 403), ("peer", 403), ("expert", 403),
     ("nobody", 403)],
)
def test_only_the_coordinator_may_open_the_import_page(client, people, role, status):
    client.force_login(people[role])

    assert client.get(reverse("benchmarks:import")).status_code == status


def test_key_factor_standard_bullets_are_a_list(peer_client, toolkit):
    html = peer_client.get(
        reverse("benchmarks:detail", args=["integrating-cities-participation-2014"])
    ).content.decode()

    kf1 = html[html.index('id="kf1"'):html.index('id="kf2"')]
    assert re.findall(r"<li>(to [^<]+)</li>", kf1) == [
        "to make this a two way process of communication",
        "to respond through formal decision making processes to the voice of residents through "
        "participatory activity, provided this activity offers equality of access",
        "to promote democratic variety, giving a voice to informal, time limited or smaller scale "
        "participatory actions as well as longer term structures like specific consultative "
        "bodies and committees.",
    ]
