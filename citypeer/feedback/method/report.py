"""Feedback (step 7) as plain rules: the written report's sections and what they are
prefilled with, the corroboration guard on recommendations, the agreement of headline
findings, the peers' approval and the release to the host city.

Plain Python, no Django. Messages and titles are English templates marked with
`gettext_noop` so that `makemessages` finds them; the Django layer translates them when it
stores or shows them. The corroboration itself is decided by `citypeer.assessment.method`
(a proposal's `may_recommend`); this module only reads it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from citypeer.assessment.method import Corroboration, Proposal
from citypeer.core.messages import gettext_noop

# --- sections ------------------------------------------------------------------------------

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
FIGURE_MATRIX = "matrix"
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


# --- what the prefill reads ----------------------------------------------------------------

@dataclass(frozen=True)
class Background:
    title: str
    text: str


@dataclass(frozen=True)
class IndicatorColour:
    code: str
    text: str
    colour: str  # a core.assessment.Colour value
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
class Visit:
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


def prefill(key: str, *, context: Sequence[Background] = (), visit: Visit | None = None,
            pillars: Mapping[str, PillarAssessment] | None = None,
            findings: Sequence[FindingText] = (),
            recommendations: Sequence[RecommendationText] = (),
            practices: Sequence[PracticeText] = (), t=gettext_noop) -> str:
    """The first text of a section, from the data; `t` translates the sentences."""
    if key == CONTEXT:
        parts = [f"## {b.title}\n\n{b.text.strip()}" for b in context if b.text.strip()]
        return "\n\n".join(parts) or t("The initial report gives no background yet.")
    if key == METHOD and visit is not None:
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
    if key.startswith(PILLAR) and pillars is not None:
        pillar = pillars.get(key[len(PILLAR):])
        if pillar is None:
            return ""
        lines = []
        for ind in pillar.indicators:
            line = f"{ind.code} – {t(COLOUR_WORDS.get(ind.colour, ind.colour))}"
            if ind.rationale.strip():
                line += f": {ind.rationale.strip()}"
            lines.append(line)
        return _bullets(lines)
    if key == STRENGTHS:
        lines = [_finding_line(f) for f in findings if f.kind == "strength"]
        return _bullets(lines) if lines else t("No strengths recorded yet.")
    if key == WEAKNESSES:
        lines = []
        for f in findings:
            if f.kind != "weakness":
                continue
            line = _finding_line(f)
            if f.barriers.strip():
                line += " " + t("Barriers: %(barriers)s") % {"barriers": f.barriers.strip()}
            lines.append(line)
        return _bullets(lines) if lines else t("No weaknesses recorded yet.")
    if key == RECOMMENDATIONS:
        if not recommendations:
            return t("No recommendations yet.")
        return t("The peers make %(n)s recommendations; the table lists them with the "
                 "indicators they answer.") % {"n": len(recommendations)}
    if key == PRACTICES:
        lines = []
        for p in practices:
            line = f"{p.title}: {p.description.strip()}"
            if p.transferable:
                line += " " + t("(transferable to other cities)")
            lines.append(line)
        return _bullets(lines) if lines else t("No good practices recorded yet.")
    if key == ANNEX:
        return t("Each recommendation is traced to the findings it answers, the indicators "
                 "behind them, their corroboration and the evidence references.")
    return ""


def _finding_line(f: FindingText) -> str:
    codes = f" ({', '.join(f.indicators)})" if f.indicators else ""
    return f"{f.text.strip()}{codes}"


# --- reading the text people write -----------------------------------------------------------

@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    items: tuple[str, ...] = ()


def blocks(text: str) -> tuple[Block, ...]:
    """A section's text as blocks: `## ` starts a heading, lines starting with `- ` make a
    list, blank lines separate paragraphs. Enough structure for a Word heading and a list
    without asking peers to learn a markup language."""
    out: list[Block] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        paragraph: list[str] = []
        items: list[str] = []
        for line in (line.strip() for line in chunk.split("\n")):
            if not line:
                continue
            is_item = line.startswith("- ")
            if line.startswith("## ") or (is_item and paragraph) or (not is_item and items):
                _flush(out, paragraph, items)
            if line.startswith("## "):
                out.append(Block("heading", line[3:].strip()))
            elif line.startswith("- "):
                items.append(line[2:].strip())
            else:
                paragraph.append(line)
        _flush(out, paragraph, items)
    return tuple(out)


def _flush(out: list[Block], paragraph: list[str], items: list[str]) -> None:
    if paragraph:
        out.append(Block("paragraph", " ".join(paragraph)))
        paragraph.clear()
    if items:
        out.append(Block("list", items=tuple(items)))
        items.clear()


def diff_lines(old: str, new: str, *, old_label: str, new_label: str) -> list[str]:
    """A unified diff of two versions of a section."""
    return list(difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=old_label,
                                     tofile=new_label, lineterm=""))


# --- the corroboration guard ---------------------------------------------------------------

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


@dataclass(frozen=True)
class FindingBasis:
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


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def recommendation_problems(*, indicators: Sequence[str], findings: Sequence[FindingBasis],
                            proposals: Mapping[str, Proposal]) -> list[GuardProblem]:
    """What keeps a recommendation from resting only on corroborated, uncontested findings
    (seed 002, "inti-cities reporting"): every indicator of every finding it answers, and
    every indicator it names itself, must have a proposal that may carry a recommendation.
    An empty list means the recommendation may be made."""
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
        message = gettext_noop("finding “%(finding)s”: ") + message
        args["finding"] = _short(finding.text)
    return GuardProblem(field_name, message, args, finding=finding_id, indicator=code)


# --- headline findings ---------------------------------------------------------------------

AGREED = "agreed"
OBJECTED = "objected"
OPEN = "open"


@dataclass(frozen=True)
class HeadlineState:
    state: str  # agreed, objected or open
    agreed: frozenset[int]
    objected: frozenset[int]
    waiting: frozenset[int]


def headline_state(*, members: Iterable[int], votes: Mapping[int, bool]) -> HeadlineState:
    """A headline finding is final when every member of the team agrees; one objection keeps
    it open for redrafting. Votes of people no longer in the team do not count."""
    members = frozenset(members)
    agreed = frozenset(p for p in members if votes.get(p) is True)
    objected = frozenset(p for p in members if votes.get(p) is False)
    waiting = members - agreed - objected
    if objected:
        state = OBJECTED
    elif members and not waiting:
        state = AGREED
    else:
        state = OPEN
    return HeadlineState(state, agreed, objected, waiting)


# --- approval and release ------------------------------------------------------------------

DRAFT = "draft"
RELEASED = "released"

NOT_LEADER = gettext_noop("only the team leader releases the report")
NOT_ALL_APPROVED = gettext_noop("%(n)s peer(s) have not approved the final draft yet: "
                                "%(names)s")
NO_PEERS = gettext_noop("the team has no peers to approve the report")
ALREADY_RELEASED = gettext_noop("the report has been released already")
NOT_A_PEER = gettext_noop("only the team's peers approve the report")


@dataclass(frozen=True)
class Approval:
    required: frozenset[int]
    approved: frozenset[int]

    @property
    def missing(self) -> frozenset[int]:
        return self.required - self.approved

    @property
    def complete(self) -> bool:
        return bool(self.required) and not self.missing


def approval(*, peers: Iterable[int], approvals: Iterable[int]) -> Approval:
    """Every peer of the team approves the final draft (seed 002: the report is "developed
    and agreed by all of the peers"); approvals of people no longer peers of the team do
    not count. Any change to the report after an approval clears all approvals, so that
    each approval is of the text released."""
    peers = frozenset(peers)
    return Approval(peers, frozenset(approvals) & peers)


def approve_refusal(*, state: str, is_peer: bool) -> str | None:
    if state == RELEASED:
        return ALREADY_RELEASED
    if not is_peer:
        return NOT_A_PEER
    return None


def release_refusal(*, state: str, is_leader: bool, approval_state: Approval,
                    names: Mapping[int, str]) -> tuple[str, Mapping[str, object]] | None:
    """Why the report may not be released now, as a template and its arguments."""
    if state == RELEASED:
        return ALREADY_RELEASED, {}
    if not is_leader:
        return NOT_LEADER, {}
    if not approval_state.required:
        return NO_PEERS, {}
    if approval_state.missing:
        missing = sorted(names.get(p, str(p)) for p in approval_state.missing)
        return NOT_ALL_APPROVED, {"n": len(missing), "names": ", ".join(missing)}
    return None
