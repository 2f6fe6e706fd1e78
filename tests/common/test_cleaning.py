"""Checking what people type: texts within their limits, indicator codes of a benchmark."""

import pytest

from citypeer.common.cleaning import clean_indicators, clean_text
from tests.factories import indicators_of, make_benchmark


def test_a_text_is_stripped_and_checked_against_its_limit():
    errors = {}

    cleaned = [clean_text("  Fine.  ", field="a", errors=errors),
               clean_text(None, field="b", errors=errors, required=True),
               clean_text("x" * 6, field="c", errors=errors, limit=5)]

    assert cleaned == ["Fine.", "", "xxxxxx"]
    assert errors == {"b": ["This field is required."],
                      "c": ["At most 5 characters (this has 6)."]}


@pytest.mark.django_db
def test_indicators_keep_the_order_given_each_once_and_name_the_unknown():
    benchmark = make_benchmark(("AC/A/1", "AC/A/2", "AC/I/3"))
    rows = indicators_of(benchmark)
    errors = {}

    chosen = clean_indicators([" AC/I/3", rows["AC/A/1"], "XX/Y/9", "AC/I/3", "", "ZZ/Z/1"],
                              benchmark_id=benchmark.pk, field="indicators", errors=errors)

    assert [i.code for i in chosen] == ["AC/I/3", "AC/A/1"]
    assert errors == {"indicators": [
        "Not indicators of this review's benchmark: XX/Y/9, ZZ/Z/1"]}
