"""The corroboration guard: a recommendation rests only on corroborated, uncontested
findings (seed 002, "inti-cities reporting"). Whether an indicator is corroborated is
decided by `citypeer.assessment.method` (a proposal's `may_recommend`); the guard only
reads it and says, for each finding and indicator, what is wrong."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from citypeer.assessment.method import Corroboration, Proposal
from citypeer.core.messages import gettext_noop

NO_FINDING = gettext_noop("a recommendation must answer at least one finding")
NO_INDICATOR = gettext_noop("a recommendation must name at least one indicator")
FINDING_WITHOUT_INDICATOR = gettext_noop(
    "finding “%(finding)s” names no indicator, so its corroboration cannot be checked")
REASONS = {
    Corroboration.CONTESTED: gettext_noop(
        "%(indicator)s is contested: facts from interviews point both ways"),
    Corroboration.UNCORROBORATED: gettext_noop(
        "%(indicator)s is not corroborated: facts from %(n)s interviewee(s), %(required)s "
        "needed"),
    Corroboration.NO_FACT_EVIDENCE: gettext_noop(
        "%(indicator)s has no fact evidence"),
}
UNKNOWN_INDICATOR = gettext_noop("%(indicator)s has no proposal in this review")
OF_FINDING = gettext_noop("finding “%(finding)s”: ")
# Problems no justification overrides: the recommendation is not yet one.
STRUCTURAL = (NO_FINDING, NO_INDICATOR)


@dataclass(frozen=True)
class FindingBasis:
    """A finding as the guard reads it: what it says and the indicators it names."""

    id: int
    text: str
    indicators: tuple[str, ...]


@dataclass(frozen=True)
class GuardProblem:
    """Why a recommendation may not rest on what it names. `message` is an English template
    and `args` fill it."""

    field: str  # "findings" or "indicators"
    message: str
    args: Mapping[str, object]
    finding: int | None = None
    indicator: str | None = None

    def text(self, t=gettext_noop) -> str:
        return t(self.message) % dict(self.args)

    @property
    def structural(self) -> bool:
        return self.message in STRUCTURAL


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def recommendation_problems(*, indicators: Sequence[str], findings: Sequence[FindingBasis],
                            proposals: Mapping[str, Proposal]) -> list[GuardProblem]:
    """What keeps a recommendation from resting only on corroborated, uncontested findings:
    every indicator of every finding it answers, and every indicator it names itself, must
    have a proposal that may carry a recommendation. An empty list means the recommendation
    may be made."""
    problems: list[GuardProblem] = []
    if not indicators:
        problems.append(GuardProblem("indicators", NO_INDICATOR, {}))
    if not findings:
        problems.append(GuardProblem("findings", NO_FINDING, {}))
    for finding in findings:
        if not finding.indicators:
            problems.append(GuardProblem("findings", FINDING_WITHOUT_INDICATOR,
                                         {"finding": _short(finding.text)}, finding=finding.id))
        for code in finding.indicators:
            problem = _indicator_problem(code, proposals, "findings", finding)
            if problem:
                problems.append(problem)
    for code in indicators:
        problem = _indicator_problem(code, proposals, "indicators", None)
        if problem:
            problems.append(problem)
    return problems


def _indicator_problem(code, proposals, field_name, finding) -> GuardProblem | None:
    proposal = proposals.get(code)
    finding_id = finding.id if finding else None
    if proposal is None:
        return GuardProblem(field_name, UNKNOWN_INDICATOR, {"indicator": code},
                            finding=finding_id, indicator=code)
    if proposal.may_recommend:
        return None
    message = REASONS[proposal.status]
    args = {"indicator": code, "n": proposal.interviewees, "required": proposal.required}
    if finding is not None:
        message = OF_FINDING + message
        args["finding"] = _short(finding.text)
    return GuardProblem(field_name, message, args, finding=finding_id, indicator=code)
