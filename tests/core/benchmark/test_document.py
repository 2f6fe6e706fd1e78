"""The shipped benchmarks, checked against the seeds they come from."""

import re

import yaml

from citypeer.core.benchmark import document_from_dict, document_to_dict, load_document
from tests.conftest import INTI_FILE, TOOLKIT_FILE


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_inti_benchmark_has_73_indicators_in_4_pillars_and_5_values():
    doc = load_document(INTI_FILE)

    per_cell = {
        p.code: [len(inds) for _, inds in p.cells] for p in doc.pillars
    }

    assert len(doc.indicators) == 73
    assert [v.name for v in doc.values] == [
        "Ambition", "Leadership", "Resources", "Implementation", "Evaluation"
    ]
    assert per_cell == {
        "GG": [6, 3, 5, 4, 6],
        "IE": [2, 1, 3, 6, 2],
        "AC": [5, 1, 3, 2, 2],
        "WP": [2, 2, 5, 9, 4],
    }


def test_inti_indicator_codes_follow_the_seed_form():
    doc = load_document(INTI_FILE)

    codes = [i.code for i in doc.indicators]

    assert codes[:3] == ["GG/A/1", "GG/A/2", "GG/A/3"]
    assert "GG/I/3" in codes
    assert "WP/I/9" in codes
    assert all(re.fullmatch(r"(GG|IE|AC|WP)/[ALRIE]/[1-9]", c) for c in codes)
    assert len(set(codes)) == 73




def test_gg_i_3_is_the_permanent_consultative_committee():
    doc = load_document(INTI_FILE)

    gg_i_3 = next(i for i in doc.indicators if i.code == "GG/I/3")

    assert gg_i_3.text.startswith("The municipality has a permanent consultative committee")


def test_toolkit_has_8_key_factors_and_7_context_factors():
    doc = load_document(TOOLKIT_FILE)

    assert [k.title for k in doc.key_factors] == [
        "City strategy for participation",
        "Leadership, communication and coordination",
        "Equal access",
        "Institutional links and responsiveness",
        "Appreciating and supporting community self-organisation",
        "Improving quality through reflection",
        "Resources for participation",
        "Commitment to full political rights for all residents",
    ]
    assert [c.name for c in doc.context_factors] == [
        "National legislation and policy",
        "Data availability",
        "Migrant population",
        "Labour market and other economic conditions",
        "City resources",
        "City's political situation",
        "Civil society in the city",
    ]
    assert doc.standard == (
        "The city has structures in place that encourage and ensure engagement from migrant "
        "communities in policy making processes and remove barriers to political participation."
    )


def test_toolkit_has_29_guide_questions():
    doc = load_document(TOOLKIT_FILE)

    assert [len(k.guide_questions) for k in doc.key_factors] == [5, 5, 5, 3, 4, 2, 3, 2]


def test_toolkit_city_examples_name_their_city_and_year_where_given():
    doc = load_document(TOOLKIT_FILE)

    first = doc.key_factors[0].examples[0]

    assert (first.city, first.year) == ("Genoa", 2013)
    assert sum(len(k.examples) for k in doc.key_factors) == 17


def test_document_survives_dict_round_trip():
    for path in (INTI_FILE, TOOLKIT_FILE):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        assert document_to_dict(document_from_dict(data)) == data
