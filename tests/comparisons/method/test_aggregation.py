"""The aggregation across cities, checked against values computed by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from citypeer.comparisons.method.aggregation import (
    COLOURS,
    NOT_ASSESSED,
    ComparisonError,
    IndicatorRef,
    change_over_time,
    city_scores,
    compare_cities,
    competition_ranks,
)

SMALL = [
    IndicatorRef("GG/A/1", "GG", "A"),
    IndicatorRef("GG/A/2", "GG", "A"),
    IndicatorRef("GG/L/1", "GG", "L"),
    IndicatorRef("IE/A/1", "IE", "A"),
    IndicatorRef("IE/L/1", "IE", "L"),
    IndicatorRef("IE/L/2", "IE", "L"),
]
COLOURS_BY_CITY = {
    # GG/A = (100 + 50) / 2 = 75; GG/L nothing assessed; GG = 75 (not (75 + 0) / 2).
    # IE/A = 0; IE/L = 100 (IE/L/2 has no colour); IE = 50; overall = (75 + 50) / 2 = 62.5.
    "x": {"GG/A/1": "meets", "GG/A/2": "inconclusive", "GG/L/1": "not_assessed",
          "IE/A/1": "falls_short", "IE/L/1": "meets"},
    # GG/A = 0; GG/L = 100; GG = 50; IE nothing assessed; overall = 50.
    "y": {"GG/A/1": "falls_short", "GG/A/2": "falls_short", "GG/L/1": "meets"},
    # nothing assessed at all
    "z": {},
}


def test_cell_pillar_value_and_overall_scores_by_hand():
    x = city_scores(city="x", indicators=SMALL, colours=COLOURS_BY_CITY["x"])

    assert {k: c.score for k, c in x.cells.items()} == {
        ("GG", "A"): 75.0, ("GG", "L"): None, ("IE", "A"): 0.0, ("IE", "L"): 100.0,
    }
    assert x.pillars == {"GG": 75.0, "IE": 50.0}
    assert x.values == {"A": 37.5, "L": 100.0}
    assert x.overall == 62.5
    assert (x.assessed, x.total) == (4, 6)
    assert x.cells[("IE", "L")].assessed == 1
    assert x.cells[("GG", "L")].counts["not_assessed"] == 1


def test_a_city_with_nothing_assessed_has_no_scores():
    z = city_scores(city="z", indicators=SMALL, colours={})

    assert z.overall is None
    assert set(z.pillars.values()) == {None}
    assert z.assessed == 0


def test_programme_medians_ranks_and_standing_by_hand():
    comparison = compare_cities(indicators=SMALL, colours=COLOURS_BY_CITY)

    assert comparison.median_cells == {
        ("GG", "A"): 37.5, ("GG", "L"): 100.0, ("IE", "A"): 0.0, ("IE", "L"): 100.0,
    }
    assert comparison.median_pillars == {"GG": 62.5, "IE": 50.0}
    assert comparison.median_overall == 56.25
    assert [comparison.standings[c].rank for c in "xyz"] == [1, 2, None]
    assert comparison.standings["x"].ranked == 2
    assert (comparison.standings["x"].above_median_cells,
            comparison.standings["x"].below_median_cells) == (1, 0)
    assert (comparison.standings["y"].above_median_cells,
            comparison.standings["y"].below_median_cells) == (0, 1)


def test_distribution_per_indicator_counts_every_city():
    comparison = compare_cities(indicators=SMALL, colours=COLOURS_BY_CITY)

    gg_a_1 = comparison.distributions["GG/A/1"]
    assert gg_a_1.counts == {"meets": 1, "inconclusive": 0, "falls_short": 1,
                             "not_assessed": 1}
    assert gg_a_1.assessed == 2
    assert gg_a_1.mean == 50.0
    assert comparison.distributions["IE/L/2"].mean is None


def test_ties_share_a_rank_and_the_next_skips():
    assert competition_ranks({"a": 80, "b": 80, "c": 60, "d": None}) == {
        "a": 1, "b": 1, "c": 3, "d": None,
    }


def test_unknown_colour_and_unknown_code_are_refused_by_name():
    with pytest.raises(ComparisonError, match=r"colour: 'green'"):
        city_scores(city="x", indicators=SMALL, colours={"GG/A/1": "green"})
    with pytest.raises(ComparisonError, match=r"colours\['x'\]\['WP/A/9'\]"):
        city_scores(city="x", indicators=SMALL, colours={"WP/A/9": "meets"})


def test_change_over_time_across_versions_follows_the_mapping():
    earlier = [IndicatorRef("GG/A/1", "GG", "A"), IndicatorRef("GG/A/2", "GG", "A"),
               IndicatorRef("GG/A/3", "GG", "A"), IndicatorRef("IE/A/1", "IE", "A")]
    later = [IndicatorRef("GG/A/1", "GG", "A"), IndicatorRef("GG/A/2", "GG", "A"),
             IndicatorRef("GG/A/3", "GG", "A"), IndicatorRef("IE/A/1", "IE", "A")]
    # GG/A/2 was removed, GG/A/3 renumbered to GG/A/2, GG/A/3 in the later version is new.
    mapping = {"GG/A/1": "GG/A/1", "GG/A/3": "GG/A/2", "IE/A/1": "IE/A/1"}

    change = change_over_time(
        earlier_indicators=earlier,
        earlier_colours={"GG/A/1": "falls_short", "GG/A/2": "meets", "GG/A/3": "inconclusive",
                         "IE/A/1": "meets"},
        later_indicators=later,
        later_colours={"GG/A/1": "meets", "GG/A/2": "meets", "GG/A/3": "falls_short",
                       "IE/A/1": "meets"},
        mapping=mapping,
    )

    by_code = {c.earlier_code: (c.later_code, c.change) for c in change.indicators}
    assert by_code == {"GG/A/1": ("GG/A/1", 100.0), "GG/A/3": ("GG/A/2", 50.0),
                       "IE/A/1": ("IE/A/1", 0.0)}
    # GG on the common indicators: before (0 + 50) / 2 = 25, after (100 + 100) / 2 = 100.
    gg = change.pillars[0]
    assert (gg.pillar, gg.earlier, gg.later, gg.change, gg.indicators) == (
        "GG", 25.0, 100.0, 75.0, 2)
    assert change.overall_earlier == 62.5
    assert change.overall_later == 100.0
    assert change.not_mapped_earlier == ("GG/A/2",)
    assert change.not_mapped_later == ("GG/A/3",)


def test_change_over_time_on_the_same_version_maps_codes_to_themselves():
    change = change_over_time(
        earlier_indicators=SMALL, earlier_colours={"IE/A/1": "falls_short"},
        later_indicators=SMALL, later_colours={"IE/A/1": "inconclusive"},
    )

    assert [c.change for c in change.indicators if c.change is not None] == [50.0]
    assert {p.pillar: p.change for p in change.pillars} == {"GG": None, "IE": 50.0}


def test_a_mapping_to_an_unknown_code_is_refused():
    with pytest.raises(ComparisonError, match=r"mapping\['GG/A/1'\]"):
        change_over_time(earlier_indicators=SMALL, earlier_colours={},
                         later_indicators=SMALL, later_colours={},
                         mapping={"GG/A/1": "XX/A/1"})


# --- properties -----------------------------------------------------------------------------

indicator_sets = st.lists(
    st.tuples(st.sampled_from(["GG", "IE", "AC", "WP"]), st.sampled_from("ALRIE")),
    min_size=1, max_size=25,
).map(lambda cells: [IndicatorRef(f"{p}/{v}/{n}", p, v) for n, (p, v) in enumerate(cells, 1)])


@st.composite
def programmes(draw):
    indicators = draw(indicator_sets)
    cities = draw(st.integers(min_value=1, max_value=6))
    colours = {
        f"city{c}": {i.code: draw(st.sampled_from(COLOURS)) for i in indicators
                     if draw(st.booleans())}
        for c in range(cities)
    }
    return indicators, colours


def _all_scores(comparison):
    for c in comparison.cities.values():
        yield c.overall
        yield from c.pillars.values()
        yield from c.values.values()
        yield from (cell.score for cell in c.cells.values())
        yield from c.indicators.values()
    yield comparison.median_overall
    yield from comparison.median_cells.values()
    yield from comparison.median_pillars.values()


@given(programmes())
def test_every_score_lies_between_0_and_100(programme):
    indicators, colours = programme

    comparison = compare_cities(indicators=indicators, colours=colours)

    assert all(0 <= s <= 100 for s in _all_scores(comparison) if s is not None)


@given(programmes(), st.sampled_from(["GG", "IE", "AC", "WP"]), st.sampled_from("ALRIE"),
       st.booleans())
def test_adding_a_not_assessed_indicator_changes_no_score(programme, pillar, value, explicit):
    indicators, colours = programme
    extra = IndicatorRef(f"{pillar}/{value}/99", pillar, value)
    with_extra = {city: ({**c, extra.code: NOT_ASSESSED} if explicit else c)
                  for city, c in colours.items()}

    before = compare_cities(indicators=indicators, colours=colours)
    after = compare_cities(indicators=[*indicators, extra], colours=with_extra)

    for city, scores in before.cities.items():
        assert after.cities[city].overall == scores.overall
        assert {p: s for p, s in after.cities[city].pillars.items() if p in scores.pillars} \
            == dict(scores.pillars)
        for key, cell in scores.cells.items():
            assert after.cities[city].cells[key].score == cell.score
    assert after.median_overall == before.median_overall
    assert [s.rank for s in after.standings.values()] == \
        [s.rank for s in before.standings.values()]
