"""Every problem a benchmark file can have is reported with its location."""

import copy

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from citypeer.core.benchmark import (
    BenchmarkDocumentError,
    Problem,
    document_from_dict,
    document_to_dict,
    load_document,
    validate_document,
)
from tests.conftest import INTI_FILE, TOOLKIT_FILE


def inti() -> dict:
    return yaml.safe_load(INTI_FILE.read_text(encoding="utf-8"))


def toolkit() -> dict:
    return yaml.safe_load(TOOLKIT_FILE.read_text(encoding="utf-8"))


def test_shipped_files_have_no_problem():
    assert validate_document(inti()) == []
    assert validate_document(toolkit()) == []


def test_missing_field_names_its_location():
    data = inti()
    del data["pillars"][2]["values"][1]["indicators"][0]["text"]

    assert validate_document(data) == [
        Problem("pillars[2].values[1].indicators[0].text", "is required but missing")
    ]


def test_bad_indicator_code_names_its_location():
    data = inti()
    data["pillars"][2]["values"][1]["indicators"][0]["code"] = "AC-L-1"

    assert validate_document(data) == [
        Problem(
            "pillars[2].values[1].indicators[0].code",
            "'AC-L-1' must be of the form PILLAR/VALUE/N (for example GG/I/3)",
        )
    ]


def test_indicator_code_must_match_its_pillar_and_value():
    data = inti()
    data["pillars"][2]["values"][0]["indicators"][4]["code"] = "GG/A/9"

    assert validate_document(data) == [
        Problem(
            "pillars[2].values[0].indicators[4].code",
            "'GG/A/9' does not match its place: expected AC/A/N",
        )
    ]


def test_duplicate_indicator_code_points_at_the_first():
    data = inti()
    data["pillars"][0]["values"][0]["indicators"][1]["code"] = "GG/A/1"

    assert validate_document(data) == [
        Problem(
            "pillars[0].values[0].indicators[1].code",
            "'GG/A/1' is used twice (first at pillars[0].values[0].indicators[0].code)",
        )
    ]


def test_value_that_is_not_declared():
    data = inti()
    data["pillars"][1]["values"][0]["value"] = "X"
    for ind in data["pillars"][1]["values"][0]["indicators"]:
        ind["code"] = ind["code"].replace("/A/", "/X/")

    assert validate_document(data) == [
        Problem(
            "pillars[1].values[0].value",
            "'X' is not one of the benchmark's values (A, E, I, L, R)",
        )
    ]


def test_value_twice_in_one_pillar():
    data = inti()
    data["pillars"][3]["values"][1] = copy.deepcopy(data["pillars"][3]["values"][0])
    data["pillars"][3]["values"][1]["indicators"] = []

    assert validate_document(data) == [
        Problem("pillars[3].values[1].value", "value 'A' appears twice in pillar 'WP'")
    ]


def test_duplicate_pillar_code():
    data = inti()
    data["pillars"][3]["code"] = "GG"
    for cell in data["pillars"][3]["values"]:
        for ind in cell["indicators"]:
            ind["code"] = "GG/" + ind["code"].split("/", 1)[1].replace("/", "/9", 1)

    problems = validate_document(data)

    assert problems[0] == Problem("pillars[3].code", "'GG' is used twice (first at pillars[0])")


def test_unknown_field():
    data = toolkit()
    data["key_factors"][3]["guidance"] = "x"

    assert validate_document(data) == [
        Problem("key_factors[3]", "unknown field(s): 'guidance'")
    ]


def test_wrong_type():
    data = inti()
    data["version"] = "one"

    assert validate_document(data) == [
        Problem("version", "must be of type integer, not str 'one'")
    ]


def test_version_below_one():
    data = inti()
    data["version"] = 0

    assert validate_document(data) == [Problem("version", "0 must be at least 1")]


def test_unknown_kind():
    data = inti()
    data["kind"] = "grid"

    assert validate_document(data) == [
        Problem("kind", "'grid' is not one of 'matrix', 'toolkit'")
    ]


def test_unknown_language():
    data = inti()
    data["language"] = "sv"

    assert validate_document(data) == [
        Problem("language", "'sv' is not one of 'en', 'fr', 'de', 'fi', 'nl', 'it'")
    ]


def test_empty_text():
    data = toolkit()
    data["key_factors"][0]["guide_questions"][2] = ""

    assert validate_document(data) == [
        Problem("key_factors[0].guide_questions[2]", "must not be empty")
    ]


def test_matrix_without_pillars():
    data = inti()
    data["pillars"] = []

    assert validate_document(data) == [Problem("pillars", "must have at least 1 item(s)")]


def test_toolkit_without_key_factors():
    data = toolkit()
    del data["key_factors"]

    assert validate_document(data) == [Problem("key_factors", "is required but missing")]


def test_bad_slug():
    data = inti()
    data["slug"] = "INTI Cities"

    assert validate_document(data) == [
        Problem(
            "slug",
            "'INTI Cities' must be lower-case letters, digits and single hyphens "
            "(for example inti-cities-2009)",
        )
    ]


def test_several_problems_are_all_reported():
    data = inti()
    del data["title"]
    data["pillars"][0]["values"][0]["indicators"][0]["code"] = "bad"
    data["context_factors"] = [{"code": "CF1", "name": "x"}]

    assert [p.location for p in validate_document(data)] == [
        "context_factors[0].examples",
        "pillars[0].values[0].indicators[0].code",
        "title",
    ]


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("slug: x\nversion: 1\ntitle: [unclosed\n", encoding="utf-8")

    with pytest.raises(BenchmarkDocumentError) as caught:
        load_document(path)

    assert caught.value.source_name == str(path)
    assert [p.location for p in caught.value.problems] == ["line 4, column 1"]
    assert caught.value.problems[0].message.startswith("not valid YAML or JSON")


def test_document_that_is_not_a_mapping(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")

    with pytest.raises(BenchmarkDocumentError) as caught:
        load_document(path)

    assert caught.value.problems == [
        Problem("(document)", "must be a mapping with slug, version, title…")
    ]


def test_error_message_names_file_and_location(tmp_path):
    data = inti()
    data["pillars"][2]["values"][1]["indicators"][0]["code"] = "AC/L/x"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")

    with pytest.raises(BenchmarkDocumentError) as caught:
        load_document(path)

    assert str(caught.value) == (
        f"{path}: pillars[2].values[1].indicators[0].code: 'AC/L/x' must be of the form "
        "PILLAR/VALUE/N (for example GG/I/3)"
    )


codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=4)
texts = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() == s and s)


@st.composite
def matrix_documents(draw):
    value_codes = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    pillar_codes = draw(st.lists(codes, min_size=1, max_size=4, unique=True))
    pillars = []
    for p in pillar_codes:
        cells = []
        for v in draw(st.lists(st.sampled_from(value_codes), unique=True, max_size=5)):
            n = draw(st.integers(0, 4))
            cells.append({
                "value": v,
                "indicators": [{"code": f"{p}/{v}/{i + 1}", "text": draw(texts)} for i in range(n)],
            })
        pillars.append({"code": p, "name": draw(texts), "values": cells})
    return {
        "slug": "generated",
        "version": draw(st.integers(1, 50)),
        "title": draw(texts),
        "kind": "matrix",
        "language": "en",
        "values": [{"code": v, "name": draw(texts)} for v in value_codes],
        "pillars": pillars,
    }


@given(matrix_documents())
def test_any_valid_matrix_document_round_trips(data):
    assert validate_document(data) == []
    assert document_to_dict(document_from_dict(data)) == data

