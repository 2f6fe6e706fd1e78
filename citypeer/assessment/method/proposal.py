"""The proposal for each indicator: corroboration, colour and whether it may carry a
recommendation (steps 6 and 7 of the method).

The seed: "Findings should only be used when information is corroborated in two or more
interviews"; peers "distinguish between the opinion of interviewees and facts supported with
real evidence, and should only take note of the latter"; they "cross-check what they hear
with other available information including the host city's initial report"; findings are
colour coded: meets or surpasses, falls short, inconclusive.

The rules, for one indicator, with N the programme's ``min_corroborating_interviews``
(2 by default):

1. Only **fact** evidence counts. Opinions are kept in the bank but never change a proposal.
2. The **interview facts** are the fact evidence from interviews that points a way (meets or
   surpasses, or falls short). For each way, count the distinct interviewees behind them:
   two interviews with the same interviewee count once.
3. The **direction** is the way with more interviewees; none when both ways have as many
   (including none at all).
4. **Corroborated**: the direction has at least N interviewees.
5. **Contested**: interview facts point both ways, whatever their number.
6. Evidence from documents, the initial report, workshops and observations **cross-checks**
   (``CrossCheck``: confirms, contradicts, mixed or none, against the direction) but never
   counts towards N and never makes a finding contested; workshops are group sessions and
   observations the peers' own, not the interviews the seed asks for.
7. Status: ``CORROBORATED`` (corroborated and not contested), ``CONTESTED``,
   ``UNCORROBORATED`` (fact evidence, but neither of those), ``NO_FACT_EVIDENCE``.
8. Colour:

   - ``MEETS`` (green): corroborated, not contested, direction meets or surpasses;
   - ``FALLS_SHORT`` (red): corroborated, not contested, direction falls short;
   - ``INCONCLUSIVE`` (amber): any other fact evidence: contested, fewer than N
     interviewees, only documents or the initial report, or facts pointing neither way;
   - ``NOT_ASSESSED`` (grey): no fact evidence at all.

9. **May carry a recommendation** only when corroborated and not contested (status
   ``CORROBORATED``).

The proposal depends on the set of fact evidence only: the order of the evidence and any
opinion leave it unchanged (tested with Hypothesis). The team sets the final colour; this is
what the domain proposes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from citypeer.assessment.method.evidence import Direction, EvidenceInput, InterviewInput, Source
from citypeer.core.benchmark import KIND_MATRIX, BenchmarkDocument

DEFAULT_MIN_CORROBORATING_INTERVIEWS = 2


class Colour(StrEnum):
    MEETS = "meets"
    FALLS_SHORT = "falls_short"
    INCONCLUSIVE = "inconclusive"
    NOT_ASSESSED = "not_assessed"

    @property
    def label(self) -> str:
        return _COLOUR_LABELS[self]

    @property
    def rgb(self) -> str:
        return _COLOUR_RGB[self]


_COLOUR_LABELS = {
    Colour.MEETS: "meets or surpasses (green)",
    Colour.FALLS_SHORT: "falls short (red)",
    Colour.INCONCLUSIVE: "inconclusive (amber)",
    Colour.NOT_ASSESSED: "not assessed (grey)",
}
_COLOUR_RGB = {
    Colour.MEETS: "#2E7D32",
    Colour.FALLS_SHORT: "#C62828",
    Colour.INCONCLUSIVE: "#F9A825",
    Colour.NOT_ASSESSED: "#9E9E9E",
}


class Corroboration(StrEnum):
    CORROBORATED = "corroborated"
    CONTESTED = "contested"
    UNCORROBORATED = "uncorroborated"
    NO_FACT_EVIDENCE = "no_fact_evidence"


class CrossCheck(StrEnum):
    """What the facts from other sources than interviews say about the direction."""

    CONFIRMS = "confirms"
    CONTRADICTS = "contradicts"
    MIXED = "mixed"
    NONE = "none"


@dataclass(frozen=True)
class Proposal:
    """The domain's proposal for one indicator. Interviews are ids, in interview number order;
    ``evidence`` is the fact evidence it rests on (ids, sorted): its audit trail."""

    indicator: str
    colour: Colour
    status: Corroboration
    direction: Direction | None
    corroborated: bool
    contested: bool
    may_recommend: bool
    required: int
    interviewees: int  # distinct interviewees behind the direction
    counted: tuple[str, ...]  # one interview per interviewee behind the direction
    meets_interviews: tuple[str, ...]
    falls_short_interviews: tuple[str, ...]
    cross_check: CrossCheck
    evidence: tuple[str, ...]


def propose(
    *, indicator: str, evidence: Iterable[EvidenceInput],
    min_interviews: int = DEFAULT_MIN_CORROBORATING_INTERVIEWS,
) -> Proposal:
    """The proposal for ``indicator`` from the evidence (items of other indicators are
    ignored). See the module's documentation for the rules."""
    if min_interviews < 1:
        raise ValueError("min_interviews must be at least 1")
    facts = [item for item in evidence if item.is_fact and indicator in item.indicators]
    by_way = {
        way: _interviews(item.interview for item in facts
                         if item.source == Source.INTERVIEW and item.direction == way)
        for way in (Direction.MEETS, Direction.FALLS_SHORT)
    }
    people = {way: _interviewees(interviews) for way, interviews in by_way.items()}
    meets, falls_short = len(people[Direction.MEETS]), len(people[Direction.FALLS_SHORT])
    direction = (Direction.MEETS if meets > falls_short
                 else Direction.FALLS_SHORT if falls_short > meets else None)
    corroborated = direction is not None and len(people[direction]) >= min_interviews
    contested = bool(meets and falls_short)

    if corroborated and not contested:
        status = Corroboration.CORROBORATED
        colour = Colour.MEETS if direction == Direction.MEETS else Colour.FALLS_SHORT
    elif facts:
        status = Corroboration.CONTESTED if contested else Corroboration.UNCORROBORATED
        colour = Colour.INCONCLUSIVE
    else:
        status, colour = Corroboration.NO_FACT_EVIDENCE, Colour.NOT_ASSESSED

    return Proposal(
        indicator=indicator,
        colour=colour,
        status=status,
        direction=direction,
        corroborated=corroborated,
        contested=contested,
        may_recommend=status == Corroboration.CORROBORATED,
        required=min_interviews,
        interviewees=len(people[direction]) if direction else 0,
        counted=tuple(i.id for i in _interviews(people[direction].values())) if direction
        else (),
        meets_interviews=tuple(i.id for i in by_way[Direction.MEETS]),
        falls_short_interviews=tuple(i.id for i in by_way[Direction.FALLS_SHORT]),
        cross_check=_cross_check(direction, [i for i in facts if i.source != Source.INTERVIEW]),
        evidence=tuple(sorted({item.id for item in facts})),
    )


def assess(
    *, indicators: Sequence[str], evidence: Iterable[EvidenceInput],
    min_interviews: int = DEFAULT_MIN_CORROBORATING_INTERVIEWS,
) -> tuple[Proposal, ...]:
    """One proposal per indicator, in the order given (the benchmark's)."""
    evidence = tuple(evidence)
    return tuple(propose(indicator=code, evidence=evidence, min_interviews=min_interviews)
                 for code in indicators)


def assessable_codes(benchmark: BenchmarkDocument) -> tuple[str, ...]:
    """What evidence is related to: a matrix benchmark's indicators, a toolkit's key
    factors."""
    if benchmark.kind == KIND_MATRIX:
        return tuple(ind.code for ind in benchmark.indicators)
    return tuple(kf.code for kf in benchmark.key_factors)


def _interviews(interviews: Iterable[InterviewInput]) -> tuple[InterviewInput, ...]:
    return tuple(sorted(set(interviews), key=lambda i: (i.number, i.id)))


def _interviewees(interviews: tuple[InterviewInput, ...]) -> dict[str, InterviewInput]:
    """Each interviewee with their first interview: the one that is counted."""
    first: dict[str, InterviewInput] = {}
    for interview in interviews:  # in number order, so the first met is the earliest
        first.setdefault(interview.interviewee, interview)
    return first


def _cross_check(direction: Direction | None, other_facts: list[EvidenceInput]) -> CrossCheck:
    if direction is None:
        return CrossCheck.NONE
    ways = {item.direction for item in other_facts}
    agrees, disagrees = direction in ways, direction.opposite in ways
    if agrees and disagrees:
        return CrossCheck.MIXED
    if agrees:
        return CrossCheck.CONFIRMS
    return CrossCheck.CONTRADICTS if disagrees else CrossCheck.NONE


# --- the pillar x value matrix ---------------------------------------------------------------

@dataclass(frozen=True)
class MatrixCell:
    pillar: str
    value: str
    colours: tuple[tuple[str, Colour], ...]  # (indicator, colour) in the benchmark's order

    def count(self, colour: Colour) -> int:
        return sum(1 for _, c in self.colours if c == colour)


@dataclass(frozen=True)
class AssessmentMatrix:
    values: tuple[str, ...]
    rows: tuple[tuple[str, tuple[MatrixCell, ...]], ...]  # (pillar, one cell per value)

    def cell(self, pillar: str, value: str) -> MatrixCell:
        for code, cells in self.rows:
            if code == pillar:
                return cells[self.values.index(value)]
        raise KeyError(pillar)


def colour_matrix(
    *, benchmark: BenchmarkDocument, proposals: Iterable[Proposal]
) -> AssessmentMatrix:
    """Pillars x transversal values of a matrix benchmark with the proposed colour of each
    indicator; an indicator without a proposal is not assessed."""
    colours = {p.indicator: p.colour for p in proposals}
    values = tuple(v.code for v in benchmark.values)
    rows = []
    for pillar in benchmark.pillars:
        cells = dict(pillar.cells)
        rows.append((pillar.code, tuple(
            MatrixCell(
                pillar=pillar.code, value=value,
                colours=tuple((ind.code, colours.get(ind.code, Colour.NOT_ASSESSED))
                              for ind in cells.get(value, ())),
            )
            for value in values
        )))
    return AssessmentMatrix(values=values, rows=tuple(rows))
