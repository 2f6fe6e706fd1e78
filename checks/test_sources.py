"""The shipped benchmarks, practices, demo and default visit, against the seeds."""

import io
import json

import yaml
from django.core.management import call_command

from checks.conftest import INTI_FILE, TOOLKIT_FILE, seed_text, squash
from citypeer.core.benchmark import load_document
from citypeer.demo import data
from citypeer.practices.domain.catalogue import shipped_practice_files
from citypeer.visits.method.model import seed_days

SIX = {"Helsinki", "Rotterdam", "Malmö", "Genoa", "Düsseldorf", "Lyon"}


def test_inti_indicator_texts_are_verbatim_from_seed_002():
    seed = squash(seed_text("002"))
    doc = load_document(INTI_FILE)

    missing = [i.code for i in doc.indicators if f"{i.number} {squash(i.text)}" not in seed]

    assert missing == []


def test_inti_pillar_standards_are_verbatim_from_seed_002():
    seed = squash(seed_text("002"))
    doc = load_document(INTI_FILE)

    assert [p.code for p in doc.pillars if squash(p.standard) not in seed] == []


def test_toolkit_texts_are_verbatim_from_seed_004():
    seed = squash(seed_text("004"))
    doc = load_document(TOOLKIT_FILE)

    pieces = [q for k in doc.key_factors for q in k.guide_questions]
    pieces += [para for k in doc.key_factors for e in k.examples for para in e.text.split("\n\n")]
    pieces += [c.examples for c in doc.context_factors]
    pieces += [line.removeprefix("- ") for k in doc.key_factors for line in k.standard.split("\n")]

    assert [p for p in pieces if squash(p) not in seed] == []


def test_benchmark_show_json_prints_the_73_indicators_verbatim(shipped_benchmarks):
    out = io.StringIO()
    call_command("benchmark", "show", "inti-cities-2009", "--format", "json", stdout=out)
    seed = " ".join(seed_text("002").split())

    texts = [i["text"] for p in json.loads(out.getvalue())["pillars"] for c in p["values"]
             for i in c["indicators"]]

    assert [t for t in texts if " ".join(t.split()) not in seed] == []


def section_c_entries():
    return yaml.safe_load(shipped_practice_files()[0].read_text(encoding="utf-8"))["practices"]


def test_section_c_practices_are_verbatim_from_seed_002():
    seed = squash(seed_text("002"))

    not_found = [e["key"] for e in section_c_entries() if squash(e["description"]) not in seed]

    assert not_found == []


def test_each_practice_has_the_title_and_city_of_its_box_in_seed_002():
    headings = {squash(line).casefold() for line in seed_text("002").splitlines()}

    missing = []
    for e in section_c_entries():
        cities = e["city"].split(" & ")
        box = f"{e['title']}: {' & '.join(cities)}".casefold()
        spaced = f"{e['title']} : {e['city']}".casefold()
        numbered = f"1 {box}"
        if not {box, spaced, numbered} & headings:
            missing.append(e["key"])

    assert missing == []
    assert {c for e in section_c_entries() for c in e["city"].split(" & ")} == SIX


def test_demo_people_have_invented_names_not_those_in_the_seeds():
    seeds = seed_text("002") + seed_text("004")
    names = [p[1] for p in data.PEOPLE] + [data.COORDINATOR["name"]]

    assert [n for n in names if n in seeds] == []
    assert [n.split()[-1] for n in names if n.split()[-1] in seeds.split()] == []


def test_the_default_visit_blocks_are_titled_as_in_the_seed_timetable():
    seed = seed_text("002")

    titles = [b.title for d in seed_days() for b in d.blocks if b.title != "Lunch"]

    assert [t for t in titles if t not in seed] == []
