"""The host city's initial report (step 3) as plain rules: its states, what makes it complete
enough to submit, and how the text people type is tidied before it is kept.

Plain Python, no Django. Messages are English templates marked with `gettext_noop` so that
`makemessages` finds them; the pages translate them when they show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citypeer.core.messages import gettext_noop

# States (the values InitialReport.State stores).
DRAFT = "draft"
SUBMITTED = "submitted"
RETURNED = "returned"
RESUBMITTED = "resubmitted"
STATES = (DRAFT, SUBMITTED, RETURNED, RESUBMITTED)

# Actions that move a report from one state to another.
SUBMIT = "submit"
RETURN = "return"
RESUBMIT = "resubmit"
ACTIONS = (SUBMIT, RETURN, RESUBMIT)

TRANSITIONS: dict[tuple[str, str], str] = {
    (DRAFT, SUBMIT): SUBMITTED,
    (SUBMITTED, RETURN): RETURNED,
    (RETURNED, RESUBMIT): RESUBMITTED,
    (RESUBMITTED, RETURN): RETURNED,
}

# The host city writes while the report is a draft or back with it for clarification; once
# sent, it is locked so that the peers desk-review a text that does not move under them.
EDITABLE_STATES = frozenset({DRAFT, RETURNED})
AWAITING_COORDINATOR = frozenset({SUBMITTED, RESUBMITTED})

# Self-assessment statuses (the values SelfAssessment.Status stores), with their English labels.
ACHIEVED = "achieved"
IN_PROGRESS = "in_progress"
ASPIRATION = "aspiration"
NOT_APPLICABLE = "not_applicable"
STATUS_LABELS = {
    ACHIEVED: "achieved",
    IN_PROGRESS: "in progress",
    ASPIRATION: "aspiration only",
    NOT_APPLICABLE: "not applicable",
}

BACKGROUND_SECTION_KINDS = (1, 2, 3, 4, 5, 6, 7)

# What the host city writes besides the sections: who drafted the report and how, and the
# budgets by source (fields of InitialReport); and the texts of a self-assessment entry.
BUDGET_FIELDS = ("budget_local", "budget_regional", "budget_national", "budget_eu")
PROVENANCE_TEXT_FIELDS = ("drafted_by", "partners", "political_involvement_note")
PROVENANCE_FIELDS = (
    "drafted_by", "partners", "political_involvement", "political_involvement_note",
    *BUDGET_FIELDS,
)
ENTRY_TEXT_FIELDS = ("not_applicable_reason", "evidence", "how", "why", "who")
STRUCTURE_SECTION = 2  # the section the structure diagram belongs to

# A spreadsheet cell holds at most 32,767 characters; every text of the report must fit one,
# since cities fill the report in Excel and the export must give back what was there.
MAX_TEXT_LENGTH = 32_767
MAX_PERSON_FIELD_LENGTH = 200

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SPACES = re.compile(r"\s+")


class TransitionRefused(ValueError):
    def __init__(self, state: str, action: str):
        self.state, self.action = state, action
        super().__init__(f"a report in state {state!r} cannot be moved by {action!r}")


def next_state(state: str, action: str) -> str:
    """The state `action` moves a report in `state` to, or TransitionRefused."""
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise TransitionRefused(state, action) from None


def allowed_actions(state: str) -> list[str]:
    return [action for (s, action) in TRANSITIONS if s == state]


def host_may_edit(state: str) -> bool:
    return state in EDITABLE_STATES


def clean_text(value: str | None) -> str:
    """Text as kept: Windows line ends made plain, control characters that no spreadsheet
    cell can hold removed, and surrounding blanks stripped."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL.sub("", text).strip()


def clean_line(value: str | None) -> str:
    """A one-line value (a name, a role): blanks collapsed."""
    return _SPACES.sub(" ", clean_text(value))


def person_key(name: str, organisation: str) -> tuple[str, str]:
    """Two mentions are the same person when name and organisation match, whatever the case
    and spacing: the report lists each candidate interviewee once."""
    return (clean_line(name).casefold(), clean_line(organisation).casefold())


@dataclass(frozen=True)
class PersonIn:
    """A responsible person as the host city names them (a form, an API call, a workbook
    row), before they are looked up among the report's responsible people."""

    name: str
    role: str
    organisation: str

    @property
    def key(self) -> tuple[str, str]:
        return person_key(self.name, self.organisation)

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)


def clean_person(person: PersonIn | None) -> PersonIn | None:
    """The person tidied as kept; None when no name is given."""
    if person is None or not clean_line(person.name):
        return None
    return PersonIn(name=clean_line(person.name), role=clean_line(person.role),
                    organisation=clean_line(person.organisation))


@dataclass(frozen=True)
class EntryValues:
    """What a host city says about one indicator: the editable values of a self-assessment
    entry, wherever they come from."""

    status: str = ""
    not_applicable_reason: str = ""
    evidence: str = ""
    how: str = ""
    why: str = ""
    who: str = ""
    politically_responsible: PersonIn | None = None
    operationally_responsible: PersonIn | None = None

    def cleaned(self) -> EntryValues:
        texts = {f: clean_text(getattr(self, f)) for f in ENTRY_TEXT_FIELDS}
        return EntryValues(
            status=self.status or "", **texts,
            politically_responsible=clean_person(self.politically_responsible),
            operationally_responsible=clean_person(self.operationally_responsible),
        )


# -- Completeness -------------------------------------------------------------------------

AREA_BACKGROUND = "background"
AREA_PROVENANCE = "provenance"
AREA_SELF_ASSESSMENT = "self-assessment"

EMPTY_SECTION = gettext_noop("the section is empty")
NO_STRUCTURE_DIAGRAM = gettext_noop("no structure diagram of the municipality is uploaded")
NO_DRAFTERS = gettext_noop("who drafted the report is not said")
NO_POLITICAL_INVOLVEMENT = gettext_noop("the degree of political involvement is not given")
NO_STATUS = gettext_noop("no status")
NO_REASON = gettext_noop("'not applicable' without a reason")
NO_EVIDENCE = gettext_noop("no evidence")
NO_RESPONSIBLE_PERSON = gettext_noop("no politically or operationally responsible person")


@dataclass(frozen=True)
class SectionContent:
    """What completeness needs to know of one background section."""

    kind: int
    text: str


@dataclass(frozen=True)
class EntryContent:
    """What completeness needs to know of one self-assessment entry."""

    code: str
    status: str = ""
    not_applicable_reason: str = ""
    evidence: str = ""
    has_responsible_person: bool = False


@dataclass(frozen=True)
class ReportContent:
    sections: tuple[SectionContent, ...]
    entries: tuple[EntryContent, ...]
    drafted_by: str = ""
    political_involvement: str = ""
    has_structure_diagram: bool = False


@dataclass(frozen=True)
class Gap:
    """One thing missing before submission. `place` is a section number (background), a field
    name (provenance) or an indicator code (self-assessment)."""

    area: str
    place: int | str
    problem: str


@dataclass(frozen=True)
class Completeness:
    checks: int
    gaps: tuple[Gap, ...] = field(default_factory=tuple)

    @property
    def satisfied(self) -> int:
        return self.checks - len(self.gaps)

    @property
    def percent(self) -> int:
        """Rounded down, so that 100 means nothing is missing."""
        return 100 if not self.checks else self.satisfied * 100 // self.checks

    @property
    def complete(self) -> bool:
        return not self.gaps

    def gaps_in(self, area: str) -> list[Gap]:
        return [g for g in self.gaps if g.area == area]

    def gaps_by_place(self, area: str) -> dict[int | str, list[str]]:
        out: dict[int | str, list[str]] = {}
        for gap in self.gaps_in(area):
            out.setdefault(gap.place, []).append(gap.problem)
        return out


def completeness(content: ReportContent) -> Completeness:
    """What is missing before the report may be submitted, section by section and indicator
    by indicator. Each entry counts three checks (status; evidence, or the reason when not
    applicable; a responsible person, which 'not applicable' does not need)."""
    gaps: list[Gap] = []
    checks = 0
    texts = {s.kind: s.text for s in content.sections}
    for kind in BACKGROUND_SECTION_KINDS:
        checks += 1
        if not clean_text(texts.get(kind)):
            gaps.append(Gap(AREA_BACKGROUND, kind, EMPTY_SECTION))
    checks += 1
    if not content.has_structure_diagram:
        gaps.append(Gap(AREA_BACKGROUND, STRUCTURE_SECTION, NO_STRUCTURE_DIAGRAM))
    checks += 2
    if not clean_text(content.drafted_by):
        gaps.append(Gap(AREA_PROVENANCE, "drafted_by", NO_DRAFTERS))
    if not content.political_involvement:
        gaps.append(Gap(AREA_PROVENANCE, "political_involvement", NO_POLITICAL_INVOLVEMENT))
    for entry in content.entries:
        checks += 3
        gaps.extend(Gap(AREA_SELF_ASSESSMENT, entry.code, p) for p in _entry_gaps(entry))
    return Completeness(checks=checks, gaps=tuple(gaps))


def _entry_gaps(entry: EntryContent) -> list[str]:
    if entry.status not in STATUS_LABELS:
        out = [NO_STATUS]
        if not clean_text(entry.evidence):
            out.append(NO_EVIDENCE)
        if not entry.has_responsible_person:
            out.append(NO_RESPONSIBLE_PERSON)
        return out
    if entry.status == NOT_APPLICABLE:
        return [] if clean_text(entry.not_applicable_reason) else [NO_REASON]
    out = []
    if not clean_text(entry.evidence):
        out.append(NO_EVIDENCE)
    if not entry.has_responsible_person:
        out.append(NO_RESPONSIBLE_PERSON)
    return out
