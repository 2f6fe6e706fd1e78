"""`citypeer benchmark …` as a coordinator types it."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from citypeer.benchmarks.models import Benchmark, Indicator, KeyFactor
from tests.conftest import INTI_FILE, REPO


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("benchmark", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_list_shows_both_shipped_benchmarks(shipped_benchmarks):
    code, out, _ = run("list", "--format", "json")

    assert code == 0
    assert [(b["slug"], b["version"], b["indicators"], b["key_factors"], b["context_factors"])
            for b in json.loads(out)] == [
        ("integrating-cities-participation-2014", 1, 0, 8, 7),
        ("inti-cities-2009", 1, 73, 0, 0),
    ]


def test_show_json_lists_73_indicators(shipped_benchmarks):
    code, out, _ = run("show", "inti-cities-2009", "--format", "json")

    texts = [i["text"] for p in json.loads(out)["pillars"] for c in p["values"]
             for i in c["indicators"]]

    assert code == 0
    assert len(texts) == 73
    assert texts[0] == ("The municipality adopts a strategic plan for the integration of migrants, "
                        "based on a needs assessment, and which serves as a blueprint for policy "
                        "measures.")


def test_show_table_has_the_matrix_counts(shipped_benchmarks):
    _, out, _ = run("show", "inti-cities-2009")

    lines = out.splitlines()

    assert lines[4].split() == ["GG", "6", "3", "5", "4", "6", "24"]
    assert lines[8] == "73 indicators"


def test_show_toolkit_counts_key_and_context_factors(shipped_benchmarks):
    _, out, _ = run("show", "integrating-cities-participation-2014")

    assert out.splitlines()[-1] == "8 key factors, 29 guide questions, 7 context factors"


def test_show_unknown_benchmark_says_so(shipped_benchmarks):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as caught:
        call_command("benchmark", "show", "nope", stdout=io.StringIO())

    assert str(caught.value) == "There is no benchmark 'nope'. See `citypeer benchmark list`."


def test_export_then_import_as_new_version_is_identical(shipped_benchmarks, tmp_path):
    exported = tmp_path / "inti.yaml"
    run("export", "inti-cities-2009", "-o", str(exported))
    data = yaml.safe_load(exported.read_text(encoding="utf-8"))
    data["version"] = 2
    exported.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    code, out, _ = run("import", str(exported))
    _, v2, _ = run("export", "inti-cities-2009", "--version", "2", "--format", "json")

    assert code == 0
    assert out.strip() == "Imported inti-cities-2009 version 2: 73 indicators."
    assert json.loads(v2) == data


def test_bad_file_is_refused_with_locations_and_writes_nothing(shipped_benchmarks, tmp_path):
    data = yaml.safe_load(INTI_FILE.read_text(encoding="utf-8"))
    data["version"] = 2
    data["pillars"][2]["values"][1]["indicators"][0]["code"] = "AC/L/one"
    del data["pillars"][0]["values"][0]["indicators"][3]["text"]
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    before = (Benchmark.objects.count(), Indicator.objects.count(), KeyFactor.objects.count())

    code, out, err = run("import", str(bad))

    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        f"{bad}: pillars[0].values[0].indicators[3].text: is required but missing",
        f"{bad}: pillars[2].values[1].indicators[0].code: 'AC/L/one' must be of the form "
        "PILLAR/VALUE/N (for example GG/I/3)",
        "Nothing was imported: 2 problem(s).",
    ]
    assert (Benchmark.objects.count(), Indicator.objects.count(),
            KeyFactor.objects.count()) == before


def test_existing_version_is_refused_without_replace(shipped_benchmarks):
    code, _, err = run("import", str(INTI_FILE))

    assert code == 1
    assert err.strip() == (
        f"{INTI_FILE}: benchmark inti-cities-2009 version 1 exists already; import a new "
        "version, or replace it with --replace. Nothing was imported."
    )
    assert Benchmark.objects.filter(slug="inti-cities-2009").count() == 1


def test_existing_version_is_replaced_with_replace(shipped_benchmarks):
    old_pk = shipped_benchmarks["inti-cities-2009"].pk

    code, _, _ = run("import", str(INTI_FILE), "--replace")

    new = Benchmark.objects.get(slug="inti-cities-2009", version=1)
    assert code == 0
    assert new.pk != old_pk
    assert new.indicators.count() == 73


def test_the_installed_command_works_on_a_fresh_database(tmp_path):
    """The real `citypeer` executable, as `make run` uses it, on its own SQLite file."""
    env = {**os.environ, "CITYPEER_VAR": str(tmp_path), "DATABASE_URL": ""}
    exe = Path(sys.executable).parent / "citypeer"

    def citypeer(*args):
        return subprocess.run([str(exe), *args], env=env, cwd=REPO, capture_output=True,
                              text=True, check=True).stdout

    citypeer("migrate", "--noinput", "-v0")
    setup_out = citypeer("setup")
    shown = json.loads(citypeer("benchmark", "show", "inti-cities-2009", "--format", "json"))

    assert setup_out.splitlines() == [
        "benchmark integrating-cities-participation-2014 v1: imported",
        "benchmark inti-cities-2009 v1: imported",
        "good practices: 40 added, 0 already there",
    ]
    assert sum(len(c["indicators"]) for p in shown["pillars"] for c in p["values"]) == 73
    assert (tmp_path / "citypeer.sqlite3").exists()
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
