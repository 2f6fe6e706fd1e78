"""What each section of the written report is first filled with, from the data: the
initial report's background, a summary of the visit, the assessment's colours, the
findings, the recommendations and the good practices. The team then rewrites the text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from citypeer.core.messages import gettext_noop
from citypeer.feedback.method.sections import (
    ANNEX,
    CONTEXT,
    METHOD,
    PRACTICES,
    RECOMMENDATIONS,
    STRENGTHS,
    WEAKNESSES,
    pillar_of,
)


@dataclass(frozen=True)
class Background:
    title: str
    text: str


@dataclass(frozen=True)
class IndicatorColour:
    code: str
    text: str
    colour: str  # a citypeer.assessment.method Colour value
    rationale: str = ""


@dataclass(frozen=True)
class PillarAssessment:
    code: str
    name: str
    indicators: tuple[IndicatorColour, ...]


@dataclass(frozen=True)
class FindingText:
    id: int
    kind: str  # "strength" or "weakness"
    text: str
    barriers: str = ""
    indicators: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecommendationText:
    number: int
    text: str
    indicators: tuple[str, ...]
    timescale: str = ""


@dataclass(frozen=True)
class PracticeText:
    title: str
    description: str
    transferable: bool = False


@dataclass(frozen=True)
class VisitSummary:
    """What the report says of the visit: counts, never who was met."""

    interviews: int
    by_category: tuple[tuple[str, int], ...]  # (category label, interviews), largest first
    workshops: int = 0
    days: int = 0
    team: tuple[str, ...] = ()  # "Name (peer)"
    min_interviews: int = 2


COLOUR_WORDS = {
    "meets": gettext_noop("meets or surpasses"),
    "falls_short": gettext_noop("falls short"),
    "inconclusive": gettext_noop("inconclusive"),
    "not_assessed": gettext_noop("not assessed"),
}
COLOUR_LETTERS = {"meets": "G", "falls_short": "R", "inconclusive": "A", "not_assessed": "–"}


def count_by_category(categories: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Interviews per interviewee category, the most frequent first (then by name): the
    method section names categories and counts, never people."""
    counts: dict[str, int] = {}
    for category in categories:
        counts[category] = counts.get(category, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def prefill(key: str, *, context: Sequence[Background] = (),
            visit: VisitSummary | None = None,
            pillars: Mapping[str, PillarAssessment] | None = None,
            findings: Sequence[FindingText] = (),
            recommendations: Sequence[RecommendationText] = (),
            practices: Sequence[PracticeText] = (), t=gettext_noop) -> str:
    """The first text of a section, from the data; `t` translates the sentences."""
    if key == CONTEXT:
        parts = [f"## {b.title}\n\n{b.text.strip()}" for b in context if b.text.strip()]
        return "\n\n".join(parts) or t("The initial report gives no background yet.")
    if key == METHOD and visit is not None:
        return _method(visit, t)
    if pillar_of(key) and pillars is not None:
        pillar = pillars.get(pillar_of(key))
        return _pillar(pillar, t) if pillar is not None else ""
    if key == STRENGTHS:
        lines = [_finding_line(f) for f in findings if f.kind == "strength"]
        return _bullets(lines) if lines else t("No strengths recorded yet.")
    if key == WEAKNESSES:
        return _weaknesses(findings, t)
    if key == RECOMMENDATIONS:
        if not recommendations:
            return t("No recommendations yet.")
        return t("The peers make %(n)s recommendations; the table lists them with the "
                 "indicators they answer.") % {"n": len(recommendations)}
    if key == PRACTICES:
        return _practices(practices, t)
    if key == ANNEX:
        return t("Each recommendation is traced to the findings it answers, the indicators "
                 "behind them, their corroboration and the evidence references.")
    return ""


def _method(visit: VisitSummary, t) -> str:
    lines = [t("The peers held %(n)s interviews during the visit, with:") % {
        "n": visit.interviews}]
    lines.append(_bullets(f"{label}: {n}" for label, n in visit.by_category))
    if visit.workshops:
        lines.append(t("They also held %(n)s workshops.") % {"n": visit.workshops})
    if visit.team:
        lines.append(t("The peer review team:") + "\n" + _bullets(visit.team))
    lines.append(t("A finding was used only when it was corroborated by facts from at "
                   "least %(n)s interviews with different interviewees; opinions never "
                   "counted. Interviewees are named by reference only.")
                 % {"n": visit.min_interviews})
    return "\n\n".join(lines)


def _pillar(pillar: PillarAssessment, t) -> str:
    lines = []
    for ind in pillar.indicators:
        line = f"{ind.code} – {t(COLOUR_WORDS.get(ind.colour, ind.colour))}"
        if ind.rationale.strip():
            line += f": {ind.rationale.strip()}"
        lines.append(line)
    return _bullets(lines)


def _weaknesses(findings: Sequence[FindingText], t) -> str:
    lines = []
    for f in findings:
        if f.kind != "weakness":
            continue
        line = _finding_line(f)
        if f.barriers.strip():
            line += " " + t("Barriers: %(barriers)s") % {"barriers": f.barriers.strip()}
        lines.append(line)
    return _bullets(lines) if lines else t("No weaknesses recorded yet.")


def _practices(practices: Sequence[PracticeText], t) -> str:
    lines = []
    for p in practices:
        line = f"{p.title}: {p.description.strip()}"
        if p.transferable:
            line += " " + t("(transferable to other cities)")
        lines.append(line)
    return _bullets(lines) if lines else t("No good practices recorded yet.")


def _finding_line(f: FindingText) -> str:
    codes = f" ({', '.join(f.indicators)})" if f.indicators else ""
    return f"{f.text.strip()}{codes}"
