"""Review bundles: the documented example loads, every problem is reported with its place,
the JSON Schema in docs/ is the one the code reads."""

import json
import re
from pathlib import Path

import jsonschema
import pytest

from citypeer.assessment.method import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    ReviewBundle,
    ReviewBundleError,
    Source,
    benchmark_from_file,
    load_bundle,
    shipped_benchmark,
    validate_bundle,
)
from citypeer.assessment.method.bundle import bundle_schema

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
INTI = shipped_benchmark("inti-cities-2009", 1)


def documented_example() -> dict:
    """The example bundle in docs/assessment-rules.md, so the documentation stays true."""
    text = (DOCS / "assessment-rules.md").read_text(encoding="utf-8")
    return json.loads(re.search(r"```json\n(.*?)```", text, re.DOTALL).group(1))


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_documented_example_loads_into_a_bundle(tmp_path):
    bundle = load_bundle(write(tmp_path, documented_example()))

    i17 = InterviewInput(id="i17", number=17, interviewee="P-12", interviewers=("JB", "FC"), day=3,
                    time="10:00")
    i21 = InterviewInput(id="i21", number=21, interviewee="P-07", interviewers=("AK", "MR"), day=3,
                    time="12:00")
    assert bundle == ReviewBundle(
        benchmark=INTI,
        interviews=(i17, i21),
        evidence=(
            EvidenceInput(id="e1", indicators=("AC/I/1",), source=Source.INTERVIEW,
                         kind=EvidenceKind.FACT, direction=Direction.FALLS_SHORT,
                         text="The committee has been asked for an opinion once since the "
                              "beginning of the year.", interview=i17),
            EvidenceInput(id="e2", indicators=("AC/I/1", "AC/I/2"), source=Source.INTERVIEW,
                         kind=EvidenceKind.FACT, direction=Direction.FALLS_SHORT,
                         text="The minutes show a single consultation in 2008.",
                         interview=i21),
            EvidenceInput(id="e3", indicators=("GG/A/1",), source=Source.DOCUMENT,
                         kind=EvidenceKind.FACT, direction=Direction.MEETS,
                         text="The plan rests on a needs assessment carried out in 2007.",
                         document="Integration strategy 2008", page=12, recorded_by=("JB",)),
        ),
        min_interviews=2,
        title="Peer review of Rotterdam, 2008",
    )


def test_the_minimum_defaults_to_two(tmp_path):
    data = documented_example()
    del data["settings"]

    assert load_bundle(write(tmp_path, data)).min_interviews == 2


def test_every_problem_is_reported_with_its_place():
    data = {
        "bundle_version": 1,
        "benchmark": {"slug": "inti-cities-2009", "version": 1},
        "settings": {"min_corroborating_interviews": 0},
        "interviews": [
            {"id": "i17", "number": 17, "interviewee": "P-12", "interviewers": ["JB", "fc"],
             "time": "25:00"},
            {"id": "i17", "number": 17, "interviewee": "P-07", "interviewers": []},
            {"id": "i3", "interviewee": "P-01", "interviewers": ["JB"], "room": "B12"},
        ],
        "evidence": [
            {"id": "e1", "indicators": ["AC/I/1"], "source": "interview", "interview": "i99",
             "kind": "fact", "direction": "falls_short", "text": "x"},
            {"id": "e2", "indicators": ["AC/I/1"], "source": "interview", "kind": "fact",
             "direction": "falls_short", "text": "x", "recorded_by": ["JB"]},
            {"id": "e3", "indicators": ["GG/A/1"], "source": "document", "kind": "fact",
             "direction": "meets", "text": "x", "interview": "i3"},
            {"id": "e4", "indicators": ["GG/A/1"], "source": "observation", "kind": "belief",
             "direction": "up", "text": "", "page": 3},
            {"id": "e4", "indicators": ["AC/I/3", "GG/A/1", "GG/A/1"], "source": "workshop",
             "kind": "fact", "direction": "meets", "text": "x"},
            {"id": "e6", "indicators": [], "source": "initial_report", "page": 0,
             "kind": "opinion", "direction": "neither", "text": "x"},
        ],
    }

    problems = [str(p) for p in validate_bundle(data, benchmark=INTI)]

    assert problems == [
        "evidence[0].interview: 'i99' is not one of the bundle's interviews",
        "evidence[1].interview: is required but missing",
        "evidence[1].recorded_by: evidence from an interview has the interview's interviewers; "
        "leave recorded_by out",
        "evidence[2].document: is required but missing",
        "evidence[2].interview: only evidence from an interview names an interview",
        "evidence[3].direction: 'up' is not one of 'meets', 'falls_short', 'neither'",
        "evidence[3].kind: 'belief' is not one of 'fact', 'opinion'",
        "evidence[3].page: only a document or the initial report has pages",
        "evidence[3].text: must not be empty",
        "evidence[4].id: 'e4' is used twice (first at evidence[3])",
        "evidence[4].indicators[0]: 'AC/I/3' is not an indicator of inti-cities-2009 version 1",
        "evidence[4].indicators[2]: 'GG/A/1' is given twice (first at evidence[4].indicators[1])",
        "evidence[4].workshop: is required but missing",
        "evidence[5].indicators: must have at least 1 item(s)",
        "evidence[5].page: 0 must be at least 1",
        "interviews[0].interviewers[1]: 'fc' must be initials: two to four capital letters "
        "(for example JB)",
        "interviews[0].time: '25:00' must be a time HH:MM (for example 09:00)",
        "interviews[1].id: 'i17' is used twice (first at interviews[0])",
        "interviews[1].interviewers: must have at least 1 item(s)",
        "interviews[1].number: 17 is used twice (first at interviews[0])",
        "interviews[2]: unknown field(s): 'room'",
        "interviews[2].number: is required but missing",
        "settings.min_corroborating_interviews: 0 must be at least 1",
    ]


def test_problems_in_the_tenth_item_come_after_the_second():
    item = {"id": "e", "indicators": ["XX/Y/1"], "source": "observation", "kind": "fact",
            "direction": "meets", "text": "x"}
    data = {"bundle_version": 1, "benchmark": {"slug": "inti-cities-2009", "version": 1},
            "interviews": [], "evidence": [{**item, "id": f"e{n}"} for n in range(11)]}

    locations = [p.location for p in validate_bundle(data, benchmark=INTI)]

    assert locations == [f"evidence[{n}].indicators[0]" for n in range(11)]


def test_an_unknown_benchmark_is_refused_with_the_file_name(tmp_path):
    data = {**documented_example(), "benchmark": {"slug": "inti-cities-2008", "version": 1}}
    path = write(tmp_path, data)

    with pytest.raises(ReviewBundleError) as caught:
        load_bundle(path)

    assert str(caught.value) == f"{path}: benchmark: no benchmark 'inti-cities-2008' version 1 " \
                                "is known"


def test_a_benchmark_file_that_is_not_the_one_named_is_refused(tmp_path):
    toolkit = ROOT / "citypeer/benchmarks/data/shipped/integrating-cities-participation-2014.yaml"

    with pytest.raises(ReviewBundleError) as caught:
        load_bundle(write(tmp_path, documented_example()),
                    benchmark_for=benchmark_from_file(toolkit))

    assert [str(p) for p in caught.value.problems] == [
        "benchmark.slug: 'inti-cities-2009' is not the benchmark given "
        "('integrating-cities-participation-2014')",
        "evidence[0].indicators[0]: 'AC/I/1' is not an indicator of "
        "integrating-cities-participation-2014 version 1",
        "evidence[1].indicators[0]: 'AC/I/1' is not an indicator of "
        "integrating-cities-participation-2014 version 1",
        "evidence[1].indicators[1]: 'AC/I/2' is not an indicator of "
        "integrating-cities-participation-2014 version 1",
        "evidence[2].indicators[0]: 'GG/A/1' is not an indicator of "
        "integrating-cities-participation-2014 version 1",
    ]


def test_a_toolkit_bundle_relates_evidence_to_key_factors(tmp_path):
    data = {
        "bundle_version": 1,
        "benchmark": {"slug": "integrating-cities-participation-2014", "version": 1},
        "interviews": [{"id": "a", "number": 1, "interviewee": "P-1", "interviewers": ["JB"]}],
        "evidence": [{"id": "e1", "indicators": ["KF3"], "source": "interview",
                      "interview": "a", "kind": "fact", "direction": "meets", "text": "x"}],
    }

    bundle = load_bundle(write(tmp_path, data))

    assert [p.indicator for p in bundle.proposals()] == [f"KF{n}" for n in range(1, 9)]


def test_invalid_json_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bundle.json"
    path.write_text('{\n  "bundle_version": 1,\n  "benchmark": \n}', encoding="utf-8")

    with pytest.raises(ReviewBundleError) as caught:
        load_bundle(path)

    assert [str(p) for p in caught.value.problems] == [
        "line 4, column 1: not valid JSON: Expecting value"]


def test_a_bundle_that_is_not_an_object_is_refused(tmp_path):
    with pytest.raises(ReviewBundleError) as caught:
        load_bundle(write(tmp_path, [1, 2]))

    assert [str(p) for p in caught.value.problems] == [
        "(document): must be an object with bundle_version, benchmark, interviews and evidence"]


def test_the_schema_in_docs_is_the_one_the_code_reads_and_is_a_valid_schema():
    documented = json.loads((DOCS / "review-bundle.schema.json").read_text(encoding="utf-8"))

    jsonschema.Draft202012Validator.check_schema(documented)
    assert documented == bundle_schema()
