"""Compiling the peers' desk reviews (step 4 of the method).

Each peer judges each indicator of the host city's initial report on its own; the team then
reads the desk reviews side by side before the visit. This module decides, in plain Python,
what the compiled desk review says:

Per indicator
    every peer's judgement side by side (one column per peer, in the order given, a blank
    judgement where a peer gave none), and the **team status**:

    1. ``NEEDS_INFORMATION`` when at least one peer judged "needs more information", or when
       no peer gave any performance at all;
    2. otherwise ``AGREES`` when every peer who gave a performance gave the same one (one
       peer alone agrees with themself: the compiled view also says how many judged);
    3. otherwise ``SPLIT``: two or more different performances among falls short, matches
       and surpasses.

    "Needs more information" comes first because the visit must ask about that indicator
    whatever the others think; the visit planner treats split and needs information alike.
    Blank judgements (a peer who has not judged the indicator) are left out of the rule.

    The **spread** is max - min of the judgements on the ordinal scale falls short (0) <
    matches (1) < surpasses (2); ``None`` when no peer judged on that scale.

    The **questions** of all peers, merged: two questions are the same when they are equal
    once case is folded and runs of white space are made one space. The first wording
    met (peers in order, then each peer's questions in order) is kept, with every peer who
    asked it.

    The **people to meet**, merged by their stable key, with the peers who asked for each
    (a peer naming someone twice counts once), most asked for first, then in the order
    first met.

Per pillar, and for the whole benchmark
    the team's **agreement**: Krippendorff's alpha for ordinal data (the ``krippendorff``
    package), indicators as units and peers as coders, on the scale above. "Needs more
    information" and blank judgements are missing values. ``pairable`` is how many
    judgements alpha rests on: those in indicators that at least two peers judged on the
    scale (a lone judgement cannot be compared with anything). Alpha is undefined
    (``None``) and the ``reason`` says why when

    - ``TOO_FEW_JUDGEMENTS``: no indicator has two judgements on the scale, or
    - ``NO_VARIATION``: every pairable judgement is the same value; the expected
      disagreement is then zero and alpha is 0/0. This is not a sign of disagreement:
      the status per indicator still says "agrees".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import krippendorff
import numpy as np


class Performance(StrEnum):
    FALLS_SHORT = "falls_short"
    MATCHES = "matches"
    SURPASSES = "surpasses"
    NEEDS_INFORMATION = "needs_information"


# The ordinal scale alpha and the spread use; NEEDS_INFORMATION is not on it.
SCALE: tuple[Performance, ...] = (Performance.FALLS_SHORT, Performance.MATCHES,
                                  Performance.SURPASSES)
RANK: dict[Performance, int] = {p: i for i, p in enumerate(SCALE)}


class TeamStatus(StrEnum):
    AGREES = "agrees"
    SPLIT = "split"
    NEEDS_INFORMATION = "needs_information"


class AlphaUndefined(StrEnum):
    TOO_FEW_JUDGEMENTS = "too_few_judgements"
    NO_VARIATION = "no_variation"


@dataclass(frozen=True)
class PeerJudgement:
    """One peer's judgement of one indicator. `to_meet` holds stable keys of people."""

    peer: str
    performance: Performance | None = None
    known: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    suspected: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    to_meet: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorJudgements:
    """What the peers said about one indicator (at most one judgement per peer)."""

    indicator: str
    pillar: str
    judgements: tuple[PeerJudgement, ...] = ()


@dataclass(frozen=True)
class MergedQuestion:
    text: str
    asked_by: tuple[str, ...]


@dataclass(frozen=True)
class PersonToMeet:
    key: str
    asked_by: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.asked_by)


@dataclass(frozen=True)
class Agreement:
    alpha: float | None
    pairable: int
    reason: AlphaUndefined | None = None


@dataclass(frozen=True)
class CompiledIndicator:
    indicator: str
    pillar: str
    judgements: tuple[PeerJudgement, ...]
    status: TeamStatus
    judged: int
    spread: int | None
    questions: tuple[MergedQuestion, ...]
    to_meet: tuple[PersonToMeet, ...]


@dataclass(frozen=True)
class CompiledPillar:
    pillar: str
    indicators: tuple[str, ...]
    agreement: Agreement
    max_spread: int | None


@dataclass(frozen=True)
class CompiledDeskReview:
    peers: tuple[str, ...]
    indicators: tuple[CompiledIndicator, ...]
    pillars: tuple[CompiledPillar, ...]
    agreement: Agreement


def team_status(performances: Iterable[Performance | None]) -> TeamStatus:
    given = [p for p in performances if p is not None]
    if not given or Performance.NEEDS_INFORMATION in given:
        return TeamStatus.NEEDS_INFORMATION
    return TeamStatus.AGREES if len(set(given)) == 1 else TeamStatus.SPLIT


def spread(performances: Iterable[Performance | None]) -> int | None:
    ranks = [RANK[p] for p in performances if p in RANK]
    return max(ranks) - min(ranks) if ranks else None


def normalise_text(text: str) -> str:
    """The form two texts are compared in: case folded, white space made single spaces."""
    return " ".join(text.split()).casefold()


def new_person_key(name: str, organisation: str = "") -> str:
    """A stable key for someone a peer wants to meet who is not in the initial report."""
    return f"new:{normalise_text(name)}|{normalise_text(organisation)}"


def merge_questions(judgements: Iterable[PeerJudgement]) -> tuple[MergedQuestion, ...]:
    merged: dict[str, tuple[str, list[str]]] = {}
    for judgement in judgements:
        for question in judgement.questions:
            key = normalise_text(question)
            if not key:
                continue
            text, askers = merged.setdefault(key, (" ".join(question.split()), []))
            if judgement.peer not in askers:
                askers.append(judgement.peer)
    return tuple(MergedQuestion(text, tuple(askers)) for text, askers in merged.values())


def merge_people(judgements: Iterable[PeerJudgement]) -> tuple[PersonToMeet, ...]:
    askers: dict[str, list[str]] = {}
    for judgement in judgements:
        for key in judgement.to_meet:
            peers = askers.setdefault(key, [])
            if judgement.peer not in peers:
                peers.append(judgement.peer)
    people = [PersonToMeet(key, tuple(peers)) for key, peers in askers.items()]
    # sorted() is stable: equal counts stay in the order first met.
    return tuple(sorted(people, key=lambda p: -p.count))


def ordinal_alpha(units: Sequence[Sequence[int | None]], *, levels: int) -> Agreement:
    """Krippendorff's alpha for ordinal data.

    `units` holds, per unit (indicator), the value each coder (peer) gave: an integer rank
    in ``range(levels)``, or None when missing. Coders need not be the same in every unit.
    """
    counts = []
    for unit in units:
        row = [0] * levels
        for value in unit:
            if value is None:
                continue
            if not 0 <= value < levels:
                raise ValueError(f"value {value!r} is outside the scale 0..{levels - 1}")
            row[value] += 1
        if sum(row) >= 2:
            counts.append(row)
    pairable = sum(sum(row) for row in counts)
    if not counts:
        # krippendorff.alpha raises ValueError here ("at least one unit with values
        # assigned by at least two coders").
        return Agreement(None, 0, AlphaUndefined.TOO_FEW_JUDGEMENTS)
    if sum(1 for level in range(levels) if any(row[level] for row in counts)) < 2:
        # Expected disagreement is zero: krippendorff.alpha would divide 0 by 0 (nan).
        return Agreement(None, pairable, AlphaUndefined.NO_VARIATION)
    value = float(krippendorff.alpha(
        value_counts=np.array(counts), value_domain=list(range(levels)),
        level_of_measurement="ordinal",
    ))
    if not math.isfinite(value):  # cannot happen after the checks above; never show nan
        return Agreement(None, pairable, AlphaUndefined.NO_VARIATION)
    return Agreement(value, pairable)


def performance_alpha(rows: Iterable[Sequence[Performance | None]]) -> Agreement:
    """Alpha over indicators (rows of the peers' performances) on falls short < matches <
    surpasses; "needs more information" and blanks are missing."""
    return ordinal_alpha([[RANK.get(p) for p in row] for row in rows], levels=len(SCALE))


def compile_desk_reviews(
    *, peers: Sequence[str], indicators: Sequence[IndicatorJudgements]
) -> CompiledDeskReview:
    """The compiled desk review of a team: see the module's documentation for the rules."""
    peers = tuple(peers)
    if len(set(peers)) != len(peers):
        raise ValueError("each peer must be listed once")
    compiled = []
    for item in indicators:
        by_peer: dict[str, PeerJudgement] = {}
        for judgement in item.judgements:
            if judgement.peer not in peers:
                raise ValueError(f"{item.indicator}: {judgement.peer!r} is not one of the peers")
            if judgement.peer in by_peer:
                raise ValueError(f"{item.indicator}: two judgements by {judgement.peer!r}")
            by_peer[judgement.peer] = judgement
        side_by_side = tuple(by_peer.get(peer, PeerJudgement(peer)) for peer in peers)
        performances = [j.performance for j in side_by_side]
        compiled.append(CompiledIndicator(
            indicator=item.indicator,
            pillar=item.pillar,
            judgements=side_by_side,
            status=team_status(performances),
            judged=sum(1 for p in performances if p is not None),
            spread=spread(performances),
            questions=merge_questions(side_by_side),
            to_meet=merge_people(side_by_side),
        ))

    pillars: dict[str, list[CompiledIndicator]] = {}
    for item in compiled:
        pillars.setdefault(item.pillar, []).append(item)
    return CompiledDeskReview(
        peers=peers,
        indicators=tuple(compiled),
        pillars=tuple(
            CompiledPillar(
                pillar=code,
                indicators=tuple(i.indicator for i in items),
                agreement=_agreement(items),
                max_spread=max((i.spread for i in items if i.spread is not None),
                               default=None),
            )
            for code, items in pillars.items()
        ),
        agreement=_agreement(compiled),
    )


def _agreement(items: Sequence[CompiledIndicator]) -> Agreement:
    return performance_alpha([j.performance for j in item.judgements] for item in items)
