"""The written report's sections: their keys, their order, their titles and the figure
each shows beside its text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from citypeer.core.messages import gettext_noop

CONTEXT = "context"
METHOD = "method"
PILLAR = "pillar:"  # followed by the pillar's code
STRENGTHS = "strengths"
WEAKNESSES = "weaknesses"
RECOMMENDATIONS = "recommendations"
PRACTICES = "practices"
ANNEX = "annex"

# What each section shows beside its text, made from the data whenever the report is shown,
# so that an edited text can never drop a recommendation, the matrix or the evidence trail.
FIGURE_INTERVIEWS = "interviews"
FIGURE_PILLAR = "pillar"
FIGURE_RECOMMENDATIONS = "recommendations"
FIGURE_ANNEX = "annex"

TITLES = {
    CONTEXT: gettext_noop("The host city's context"),
    METHOD: gettext_noop("Method and the peer review visit"),
    PILLAR: gettext_noop("Assessment: %(pillar)s"),
    STRENGTHS: gettext_noop("Strengths and praise"),
    WEAKNESSES: gettext_noop("Weaknesses and the barriers behind them"),
    RECOMMENDATIONS: gettext_noop("Recommendations"),
    PRACTICES: gettext_noop("Good practices"),
    ANNEX: gettext_noop("Annex: method notes and the evidence behind each recommendation"),
}


@dataclass(frozen=True)
class SectionPlan:
    key: str
    title: str  # an English template; `title_args` fill it
    position: int
    figure: str | None = None
    title_args: Mapping[str, str] = field(default_factory=dict)


def section_plan(pillars: Sequence[tuple[str, str]]) -> tuple[SectionPlan, ...]:
    """The report's sections in order; `pillars` are (code, name) in the benchmark's order,
    one assessment section each (none for a benchmark without pillars)."""
    plan = [SectionPlan(CONTEXT, TITLES[CONTEXT], 1),
            SectionPlan(METHOD, TITLES[METHOD], 2, FIGURE_INTERVIEWS)]
    for code, name in pillars:
        plan.append(SectionPlan(PILLAR + code, TITLES[PILLAR], len(plan) + 1, FIGURE_PILLAR,
                                {"pillar": name}))
    for key, figure in ((STRENGTHS, None), (WEAKNESSES, None),
                        (RECOMMENDATIONS, FIGURE_RECOMMENDATIONS), (PRACTICES, None),
                        (ANNEX, FIGURE_ANNEX)):
        plan.append(SectionPlan(key, TITLES[key], len(plan) + 1, figure))
    return tuple(plan)


def figure_of(key: str) -> str | None:
    if key.startswith(PILLAR):
        return FIGURE_PILLAR
    return {METHOD: FIGURE_INTERVIEWS, RECOMMENDATIONS: FIGURE_RECOMMENDATIONS,
            ANNEX: FIGURE_ANNEX}.get(key)


def pillar_of(key: str) -> str:
    """The pillar code of an assessment section's key, or "" for any other section."""
    return key[len(PILLAR):] if key.startswith(PILLAR) else ""
