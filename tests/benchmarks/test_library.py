"""Importing, exporting and versioning benchmarks in the database."""

import dataclasses

import pytest

from citypeer.benchmarks.domain.library import (
    BenchmarkExists,
    BenchmarkInUse,
    benchmark_document,
    import_benchmark,
    load_shipped_benchmarks,
)
from citypeer.benchmarks.domain.queries.benchmarks import benchmark_version
from citypeer.benchmarks.models import Benchmark, GuideQuestion, Indicator
from citypeer.core.benchmark import load_document
from citypeer.network.models import City
from citypeer.programmes.models import Programme
from tests.conftest import INTI_FILE, TOOLKIT_FILE


def test_shipped_benchmarks_are_stored_whole(shipped_benchmarks):
    inti = shipped_benchmarks["inti-cities-2009"]
    toolkit = shipped_benchmarks["integrating-cities-participation-2014"]

    assert inti.indicators.count() == 73
    assert inti.pillars.count() == 4
    assert inti.values.count() == 5
    assert toolkit.key_factors.count() == 8
    assert toolkit.context_factors.count() == 7
    assert GuideQuestion.objects.filter(key_factor__benchmark=toolkit).count() == 29


def test_stored_indicator_knows_pillar_value_and_number(inti):
    indicator = Indicator.objects.get(benchmark=inti, code="WP/I/9")

    assert (indicator.pillar.code, indicator.value.code, indicator.number) == ("WP", "I", 9)


@pytest.mark.django_db
@pytest.mark.parametrize("path", [INTI_FILE, TOOLKIT_FILE], ids=["inti", "toolkit"])
def test_export_gives_back_exactly_what_was_imported(path):
    document = load_document(path)

    stored = import_benchmark(document=document)

    assert benchmark_document(stored) == document


@pytest.mark.django_db
def test_loading_shipped_benchmarks_twice_changes_nothing():
    first = load_shipped_benchmarks()
    ids = sorted(Benchmark.objects.values_list("pk", flat=True))

    second = load_shipped_benchmarks()

    assert [o.status for o in first] == ["imported", "imported"]
    assert [o.status for o in second] == ["unchanged", "unchanged"]
    assert sorted(Benchmark.objects.values_list("pk", flat=True)) == ids
    assert Indicator.objects.count() == 73


def test_existing_version_is_refused_and_nothing_is_written(inti):
    before = Indicator.objects.count()

    with pytest.raises(BenchmarkExists):
        import_benchmark(document=load_document(INTI_FILE))

    assert Indicator.objects.count() == before
    assert Benchmark.objects.filter(slug="inti-cities-2009").count() == 1


def test_replace_rewrites_an_unused_version(inti):
    document = dataclasses.replace(load_document(INTI_FILE), title="Renamed")

    replaced = import_benchmark(document=document, replace=True)

    assert Benchmark.objects.get(slug="inti-cities-2009", version=1).title == "Renamed"
    assert replaced.indicators.count() == 73


def test_replace_is_refused_while_a_programme_uses_the_version(inti):
    Programme.objects.create(slug="p", name="INTI-CITIES 2008", benchmark=inti)
    document = dataclasses.replace(load_document(INTI_FILE), title="Renamed")

    with pytest.raises(BenchmarkInUse) as caught:
        import_benchmark(document=document, replace=True)

    assert str(caught.value) == (
        "benchmark inti-cities-2009 version 1 is used by INTI-CITIES 2008; "
        "import the change as a new version instead"
    )
    assert Benchmark.objects.get(pk=inti.pk).title != "Renamed"


def test_a_new_version_leaves_the_old_one_to_those_who_use_it(inti):
    city = City.objects.create(slug="lyon", name="Lyon", country="FR")
    programme = Programme.objects.create(slug="p", name="P", benchmark=inti)
    programme.cities.add(city)
    old = load_document(INTI_FILE)
    new = dataclasses.replace(old, version=2, pillars=old.pillars[:3])

    import_benchmark(document=new)

    programme.refresh_from_db()
    assert programme.benchmark.version == 1
    assert programme.benchmark.indicators.count() == 73
    assert benchmark_version(slug="inti-cities-2009").version == 2
    assert benchmark_version(slug="inti-cities-2009").indicators.count() == 51
    assert benchmark_version(slug="inti-cities-2009", version=1).pk == inti.pk
