"""Diff and mapping between two versions of a benchmark."""

import dataclasses

import pytest

from citypeer.core.benchmark import DocumentIndicator, load_document
from citypeer.revisions.method.diff import (
    ADDED,
    MOVED,
    REMOVED,
    RENUMBERED,
    REWORDED,
    UNCHANGED,
    RevisionError,
    check_successor,
    compose_mappings,
    diff_benchmarks,
)
from tests.conftest import INTI_FILE

NEW_TEXT = ("The municipality publishes, every year, an accessible summary of its integration "
            "strategy in the languages most spoken in the city.")


def _replace_cell(doc, pillar_code, value_code, indicators):
    pillars = []
    for p in doc.pillars:
        if p.code == pillar_code:
            cells = tuple((v, tuple(indicators) if v == value_code else inds)
                          for v, inds in p.cells)
            p = dataclasses.replace(p, cells=cells)
        pillars.append(p)
    return dataclasses.replace(doc, pillars=tuple(pillars))


def revised(old):
    """GG/A/2 reworded, GG/A/3 removed (GG/A/4–6 renumbered to 3–5), GG/A/6 added."""
    cell = dict(old.pillars[0].cells)["A"]
    gg_a = [
        cell[0],
        dataclasses.replace(cell[1], text=cell[1].text.replace(
            "all relevant policy portfolios", "all relevant municipal policy portfolios")),
        *[dataclasses.replace(ind, code=f"GG/A/{n}") for n, ind in enumerate(cell[3:], 3)],
        DocumentIndicator(code="GG/A/6", text=NEW_TEXT, pillar="GG", value="A"),
    ]
    return dataclasses.replace(_replace_cell(old, "GG", "A", gg_a), version=old.version + 1)


def test_reworded_removed_added_and_renumbered_with_the_right_mapping():
    old = load_document(INTI_FILE)
    new = revised(old)

    revision = diff_benchmarks(old, new)

    assert [c.old_code for c in revision.of_kind(REMOVED)] == ["GG/A/3"]
    assert [c.new_code for c in revision.of_kind(ADDED)] == ["GG/A/6"]
    assert [(c.old_code, c.new_code) for c in revision.of_kind(REWORDED)] == [
        ("GG/A/2", "GG/A/2")]
    assert [(c.old_code, c.new_code) for c in revision.of_kind(RENUMBERED)] == [
        ("GG/A/4", "GG/A/3"), ("GG/A/5", "GG/A/4"), ("GG/A/6", "GG/A/5")]
    assert revision.of_kind(MOVED) == ()
    assert revision.counts[UNCHANGED] == 73 - 5
    assert revision.mapping["GG/A/1"] == "GG/A/1"
    assert revision.mapping["GG/A/6"] == "GG/A/5"
    assert "GG/A/3" not in revision.mapping
    assert len(revision.mapping) == 72


def test_the_reworded_text_shows_the_inserted_word():
    old = load_document(INTI_FILE)

    change = diff_benchmarks(old, revised(old)).of_kind(REWORDED)[0]

    assert ("insert", "municipal") in change.word_diff()


def test_an_indicator_moved_to_another_value_is_moved_not_removed():
    old = load_document(INTI_FILE)
    ie = old.pillars[1]
    ie_a = dict(ie.cells)["A"]
    ie_l = dict(ie.cells)["L"]
    moving = ie_a[1]
    new = _replace_cell(old, "IE", "A", ie_a[:1])
    new = _replace_cell(new, "IE", "L", [*ie_l, dataclasses.replace(
        moving, code="IE/L/2", value="L")])

    revision = diff_benchmarks(old, new)

    assert [(c.old_code, c.new_code) for c in revision.of_kind(MOVED)] == [("IE/A/2", "IE/L/2")]
    assert revision.of_kind(ADDED) == ()
    assert revision.of_kind(REMOVED) == ()


def test_the_coordinators_corrections_win_over_the_matching():
    old = load_document(INTI_FILE)
    new = revised(old)

    revision = diff_benchmarks(old, new, overrides={"GG/A/2": None, "GG/A/3": "GG/A/6"})

    assert "GG/A/2" not in revision.mapping
    assert revision.mapping["GG/A/3"] == "GG/A/6"
    assert [c.new_code for c in revision.of_kind(ADDED)] == ["GG/A/2"]


def test_corrections_naming_unknown_codes_are_refused_with_their_place():
    old = load_document(INTI_FILE)

    with pytest.raises(RevisionError) as err:
        diff_benchmarks(old, revised(old), overrides={"XX/A/1": "GG/A/1", "GG/A/1": "ZZ/Z/9"})

    assert [p.location for p in err.value.problems] == [
        "overrides['XX/A/1']", "overrides['GG/A/1']"]


def test_a_successor_keeps_slug_and_kind_and_raises_the_version():
    old = load_document(INTI_FILE)

    assert check_successor(old, revised(old)) == []
    bad = dataclasses.replace(old, slug="other")
    assert [p.location for p in check_successor(old, bad)] == ["slug", "version"]


def test_mappings_compose_through_versions():
    assert compose_mappings({"a": "b", "c": "d", "x": "y"}, {"b": "B", "d": "D"}) == {
        "a": "B", "c": "D"}
