"""Comparing cities on one benchmark: scores, distributions, standing and change over time.

Plain Python, no Django. The aggregation is the one MIPEX documents, applied to the
INTI-CITIES matrix:

1. **Indicator.** The team's colour becomes a score: meets or surpasses = 100,
   inconclusive = 50, falls short = 0. *Not assessed* (or no colour at all) has no score and
   is left out of every mean above it; it is never counted as 0.
2. **Cell** (one pillar × one transversal value): the arithmetic mean of the scores of its
   assessed indicators. A cell with nothing assessed has no score (``None``).
3. **Pillar**: the mean of its cells' scores, each cell weighing the same whatever its number
   of indicators (a mean of means). Cells without a score are left out; a pillar none of
   whose cells has a score has none itself.
4. **Value** (a column of the matrix, across pillars): likewise the mean of its cells' scores.
5. **City overall**: the mean of its pillar scores, pillars without a score left out.

So an empty cell never pulls a city down: it narrows what the score rests on, and the
``assessed`` counts say how much that is. Programme medians are the medians of the cities'
scores that exist, per cell, pillar, value and overall. Rank is competition ranking on the
overall score (two cities tied for first are both 1, the next is 3); cities without an overall
score are not ranked.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MEETS = "meets"
INCONCLUSIVE = "inconclusive"
FALLS_SHORT = "falls_short"
NOT_ASSESSED = "not_assessed"
COLOURS = (MEETS, INCONCLUSIVE, FALLS_SHORT, NOT_ASSESSED)
SCORES: Mapping[str, float] = {MEETS: 100.0, INCONCLUSIVE: 50.0, FALLS_SHORT: 0.0}


class ComparisonError(ValueError):
    """Input that cannot be compared; the message names the field."""


@dataclass(frozen=True)
class IndicatorRef:
    """Where an indicator sits in the matrix."""

    code: str
    pillar: str
    value: str


def indicator_score(colour: str | None) -> float | None:
    if colour is None or colour == NOT_ASSESSED:
        return None
    if colour not in SCORES:
        raise ComparisonError(f"colour: {colour!r} is not one of {', '.join(COLOURS)}")
    return SCORES[colour]


def mean_or_none(scores: Iterable[float | None]) -> float | None:
    present = [s for s in scores if s is not None]
    return statistics.fmean(present) if present else None


def median_or_none(scores: Iterable[float | None]) -> float | None:
    present = [s for s in scores if s is not None]
    return float(statistics.median(present)) if present else None


@dataclass(frozen=True)
class CellScore:
    pillar: str
    value: str
    score: float | None
    assessed: int  # indicators with a score
    total: int  # indicators in the cell
    counts: Mapping[str, int]  # colour -> indicators of that colour (not assessed included)


@dataclass(frozen=True)
class CityScores:
    city: str
    indicators: Mapping[str, float | None]  # code -> score
    cells: Mapping[tuple[str, str], CellScore]
    pillars: Mapping[str, float | None]
    values: Mapping[str, float | None]
    overall: float | None
    assessed: int
    total: int


def _structure(indicators: Sequence[IndicatorRef]):
    """Pillars, values and cells in the order the benchmark gives them."""
    pillars: dict[str, None] = {}
    values: dict[str, None] = {}
    cells: dict[tuple[str, str], list[str]] = {}
    seen: set[str] = set()
    for position, ind in enumerate(indicators):
        if ind.code in seen:
            raise ComparisonError(f"indicators[{position}].code: {ind.code!r} appears twice")
        seen.add(ind.code)
        pillars.setdefault(ind.pillar)
        values.setdefault(ind.value)
        cells.setdefault((ind.pillar, ind.value), []).append(ind.code)
    return list(pillars), list(values), cells


def city_scores(
    *, city: str, indicators: Sequence[IndicatorRef], colours: Mapping[str, str]
) -> CityScores:
    """One city's scores at every level. ``colours`` maps indicator code to colour; codes
    missing from it count as not assessed. A code not in ``indicators`` is refused."""
    known = {i.code for i in indicators}
    for code, colour in colours.items():
        if code not in known:
            raise ComparisonError(f"colours[{city!r}][{code!r}]: no such indicator")
        indicator_score(colour)  # refuses unknown colours
    pillars, values, cells = _structure(indicators)
    per_indicator = {i.code: indicator_score(colours.get(i.code)) for i in indicators}
    cell_scores: dict[tuple[str, str], CellScore] = {}
    for key, codes in cells.items():
        counts = dict.fromkeys(COLOURS, 0)
        for code in codes:
            counts[colours.get(code) or NOT_ASSESSED] += 1
        scores = [per_indicator[c] for c in codes]
        cell_scores[key] = CellScore(
            pillar=key[0], value=key[1], score=mean_or_none(scores),
            assessed=sum(s is not None for s in scores), total=len(codes), counts=counts,
        )
    pillar_scores = {
        p: mean_or_none(c.score for k, c in cell_scores.items() if k[0] == p) for p in pillars
    }
    value_scores = {
        v: mean_or_none(c.score for k, c in cell_scores.items() if k[1] == v) for v in values
    }
    return CityScores(
        city=city,
        indicators=per_indicator,
        cells=cell_scores,
        pillars=pillar_scores,
        values=value_scores,
        overall=mean_or_none(pillar_scores.values()),
        assessed=sum(s is not None for s in per_indicator.values()),
        total=len(indicators),
    )


@dataclass(frozen=True)
class Distribution:
    """How the cities' colours spread on one indicator."""

    code: str
    counts: Mapping[str, int]
    mean: float | None  # mean score of the cities that were assessed on it

    @property
    def assessed(self) -> int:
        return sum(n for colour, n in self.counts.items() if colour != NOT_ASSESSED)


@dataclass(frozen=True)
class Standing:
    """Where a city stands relative to the others in its programme."""

    city: str
    rank: int | None  # competition ranking on the overall score; None without one
    ranked: int  # cities with an overall score
    above_median_cells: int  # cells where the city scores above the programme median
    below_median_cells: int


@dataclass(frozen=True)
class ProgrammeComparison:
    indicators: tuple[IndicatorRef, ...]
    pillars: tuple[str, ...]
    values: tuple[str, ...]
    cities: Mapping[str, CityScores]  # in the order given
    median_cells: Mapping[tuple[str, str], float | None]
    median_pillars: Mapping[str, float | None]
    median_values: Mapping[str, float | None]
    median_overall: float | None
    distributions: Mapping[str, Distribution]
    standings: Mapping[str, Standing] = field(default_factory=dict)

    @property
    def cells(self) -> tuple[tuple[str, str], ...]:
        return tuple(self.median_cells)


def competition_ranks(scores: Mapping[str, float | None]) -> dict[str, int | None]:
    """1 for the highest score; ties share a rank and the next rank skips ("1224")."""
    present = sorted((s for s in scores.values() if s is not None), reverse=True)
    first_position = {}
    for position, score in enumerate(present, start=1):
        first_position.setdefault(score, position)
    return {city: (first_position[s] if s is not None else None) for city, s in scores.items()}


def compare_cities(
    *, indicators: Sequence[IndicatorRef], colours: Mapping[str, Mapping[str, str]]
) -> ProgrammeComparison:
    """Every city of a programme on the programme's benchmark. ``colours`` maps a city key
    (any unique string: a slug) to that city's colours by indicator code."""
    indicators = tuple(indicators)
    pillars, values, cells = _structure(indicators)
    cities = {
        city: city_scores(city=city, indicators=indicators, colours=by_code)
        for city, by_code in colours.items()
    }
    median_cells = {
        key: median_or_none(c.cells[key].score for c in cities.values()) for key in cells
    }
    median_pillars = {p: median_or_none(c.pillars[p] for c in cities.values()) for p in pillars}
    median_values = {v: median_or_none(c.values[v] for c in cities.values()) for v in values}
    distributions = {}
    for ind in indicators:
        counts = dict.fromkeys(COLOURS, 0)
        for by_code in colours.values():
            counts[by_code.get(ind.code) or NOT_ASSESSED] += 1
        distributions[ind.code] = Distribution(
            code=ind.code, counts=counts,
            mean=mean_or_none(c.indicators[ind.code] for c in cities.values()),
        )
    ranks = competition_ranks({city: c.overall for city, c in cities.items()})
    ranked = sum(r is not None for r in ranks.values())
    standings = {}
    for city, c in cities.items():
        above = below = 0
        for key, cell in c.cells.items():
            median = median_cells[key]
            if cell.score is None or median is None:
                continue
            above += cell.score > median
            below += cell.score < median
        standings[city] = Standing(city=city, rank=ranks[city], ranked=ranked,
                                   above_median_cells=above, below_median_cells=below)
    return ProgrammeComparison(
        indicators=indicators, pillars=tuple(pillars), values=tuple(values), cities=cities,
        median_cells=median_cells, median_pillars=median_pillars, median_values=median_values,
        median_overall=median_or_none(c.overall for c in cities.values()),
        distributions=distributions, standings=standings,
    )


# --- change over time ----------------------------------------------------------------------

@dataclass(frozen=True)
class IndicatorChange:
    earlier_code: str
    later_code: str
    earlier: float | None
    later: float | None

    @property
    def change(self) -> float | None:
        if self.earlier is None or self.later is None:
            return None
        return self.later - self.earlier


@dataclass(frozen=True)
class PillarChange:
    pillar: str
    earlier: float | None
    later: float | None
    indicators: int  # indicators the comparison rests on (mapped, in this pillar)

    @property
    def change(self) -> float | None:
        if self.earlier is None or self.later is None:
            return None
        return self.later - self.earlier


@dataclass(frozen=True)
class ChangeOverTime:
    indicators: tuple[IndicatorChange, ...]
    pillars: tuple[PillarChange, ...]
    overall_earlier: float | None
    overall_later: float | None
    not_mapped_earlier: tuple[str, ...]  # earlier indicators with no successor
    not_mapped_later: tuple[str, ...]  # later indicators with no predecessor (new ones)

    @property
    def overall_change(self) -> float | None:
        if self.overall_earlier is None or self.overall_later is None:
            return None
        return self.overall_later - self.overall_earlier


def change_over_time(
    *,
    earlier_indicators: Sequence[IndicatorRef],
    earlier_colours: Mapping[str, str],
    later_indicators: Sequence[IndicatorRef],
    later_colours: Mapping[str, str],
    mapping: Mapping[str, str] | None = None,
) -> ChangeOverTime:
    """A city reviewed again: what changed, per indicator and per pillar.

    ``mapping`` leads earlier indicator codes to later ones when the two reviews used
    different benchmark versions (``None``: the same version, codes map to themselves).
    Only indicators present in both reviews are compared, and both sides are aggregated the
    same way on the later version's matrix, so that a pillar's change is not an artefact of
    indicators added or removed between versions.
    """
    later_by_code = {i.code: i for i in later_indicators}
    earlier_codes = [i.code for i in earlier_indicators]
    if mapping is None:
        mapping = {c: c for c in earlier_codes if c in later_by_code}
    for old, new in mapping.items():
        if new not in later_by_code:
            raise ComparisonError(f"mapping[{old!r}]: {new!r} is not in the later benchmark")
    pairs = [(old, mapping[old]) for old in earlier_codes if old in mapping]
    common = [later_by_code[new] for _, new in pairs]
    # Earlier colours re-keyed to later codes: both sides then share one matrix.
    earlier_on_later = {new: earlier_colours[old] for old, new in pairs if old in earlier_colours}
    later_common = {new: later_colours[new] for _, new in pairs if new in later_colours}
    before = city_scores(city="earlier", indicators=common, colours=earlier_on_later)
    after = city_scores(city="later", indicators=common, colours=later_common)
    indicator_changes = tuple(
        IndicatorChange(earlier_code=old, later_code=new,
                        earlier=indicator_score(earlier_colours.get(old)),
                        later=indicator_score(later_colours.get(new)))
        for old, new in pairs
    )
    pillar_order = list(dict.fromkeys(i.pillar for i in later_indicators))
    pillar_changes = tuple(
        PillarChange(pillar=p, earlier=before.pillars.get(p), later=after.pillars.get(p),
                     indicators=sum(1 for i in common if i.pillar == p))
        for p in pillar_order
    )
    mapped_later = set(mapping.values())
    return ChangeOverTime(
        indicators=indicator_changes,
        pillars=pillar_changes,
        overall_earlier=before.overall,
        overall_later=after.overall,
        not_mapped_earlier=tuple(c for c in earlier_codes if c not in mapping),
        not_mapped_later=tuple(i.code for i in later_indicators if i.code not in mapped_later),
    )
