"""Pieces of evidence as the corroboration rules read them (step 6 of the method), and their
reference form.

`EvidenceInput` and `InterviewInput` are what `proposal.propose`, a review bundle and the
REFI-QDA export take: plain data, without the database. The server's rows
(`assessment.models.EvidenceItem`, `visits.models.Interview`) become them in one place,
`assessment.domain.inputs`.

Every piece of evidence is related back to one or more indicators and carries where it came
from. The seed records it in the form ``AC/I/3 – Interview 17 – JB & FC`` (indicator,
interview number, initials of the interviewers); ``references`` gives that form once per
indicator, and a comparable form for the other sources.

An interviewee is a reference (``P-12``), never a name: who the person is stays personal
data that only the review team and the coordinator see.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DASH = " – "  # the seed's separator: an en dash between spaces


class Source(StrEnum):
    INTERVIEW = "interview"
    WORKSHOP = "workshop"
    DOCUMENT = "document"
    INITIAL_REPORT = "initial_report"
    OBSERVATION = "observation"


class EvidenceKind(StrEnum):
    """The seed: peers "distinguish between the opinion of interviewees and facts supported
    with real evidence, and should only take note of the latter"."""

    FACT = "fact"
    OPINION = "opinion"


class Direction(StrEnum):
    MEETS = "meets"  # meets or even surpasses the indicator
    FALLS_SHORT = "falls_short"
    NEITHER = "neither"

    @property
    def opposite(self) -> Direction | None:
        return _OPPOSITE.get(self)


_OPPOSITE = {Direction.MEETS: Direction.FALLS_SHORT, Direction.FALLS_SHORT: Direction.MEETS}

# Sources whose pages are worth citing; the others have none.
PAGED_SOURCES = frozenset({Source.DOCUMENT, Source.INITIAL_REPORT})


@dataclass(frozen=True)
class InterviewInput:
    """One interview of the visit as the rules count it: ``number`` is the timetable's
    (Interview 17), ``interviewee`` a reference (P-12); two interviews with the same
    interviewee count once."""

    id: str
    number: int
    interviewee: str
    interviewers: tuple[str, ...]
    day: int | None = None
    time: str | None = None


@dataclass(frozen=True)
class EvidenceInput:
    """One piece of evidence as the rules read it.

    For an interview, ``interview`` is set and the interviewers and interviewee are the
    interview's; for the other sources ``recorded_by`` holds the initials of the peers who
    noted it. ``workshop`` is a workshop's label (Workshop A), ``document`` a document's
    title, ``page`` a page of a document or of the initial report.
    """

    id: str
    indicators: tuple[str, ...]
    source: Source
    kind: EvidenceKind
    direction: Direction
    text: str = ""
    interview: InterviewInput | None = None
    workshop: str = ""
    document: str = ""
    page: int | None = None
    recorded_by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # The web forms and the bundle loader report these with locations first; this
        # guards the rules against an item that no one checked.
        if not self.indicators:
            raise ValueError(f"evidence {self.id!r}: at least one indicator is needed")
        if len(set(self.indicators)) != len(self.indicators):
            raise ValueError(f"evidence {self.id!r}: an indicator is given twice")
        if (self.source == Source.INTERVIEW) != (self.interview is not None):
            raise ValueError(
                f"evidence {self.id!r}: an interview is given exactly when the source is an "
                "interview"
            )
        if self.page is not None and self.source not in PAGED_SOURCES:
            raise ValueError(f"evidence {self.id!r}: only documents and the initial report "
                             "have pages")

    @property
    def interviewers(self) -> tuple[str, ...]:
        return self.interview.interviewers if self.interview else self.recorded_by

    @property
    def interviewee(self) -> str | None:
        return self.interview.interviewee if self.interview else None

    @property
    def is_fact(self) -> bool:
        return self.kind == EvidenceKind.FACT


def join_initials(initials: tuple[str, ...]) -> str:
    """``JB & FC`` as in the seed; three or more read ``JB, FC & AK``."""
    if len(initials) <= 2:
        return " & ".join(initials)
    return ", ".join(initials[:-1]) + " & " + initials[-1]


def source_label(item: EvidenceInput) -> str:
    """Where the evidence came from, without indicator or initials: ``Interview 17``."""
    if item.source == Source.INTERVIEW:
        return f"Interview {item.interview.number}"
    if item.source == Source.WORKSHOP:
        return f"Workshop {item.workshop}".rstrip()
    if item.source == Source.DOCUMENT:
        label = f"Document “{item.document}”" if item.document else "Document"
    elif item.source == Source.INITIAL_REPORT:
        label = "Initial report"
    else:
        label = "Observation"
    if item.page is not None:
        label += f", p. {item.page}"
    return label


def reference(item: EvidenceInput, indicator: str) -> str:
    """The seed's reference form for one indicator: ``AC/I/3 – Interview 17 – JB & FC``."""
    parts = [indicator, source_label(item)]
    if item.interviewers:
        parts.append(join_initials(item.interviewers))
    return DASH.join(parts)


def references(item: EvidenceInput) -> tuple[str, ...]:
    """One reference per indicator the item is related to, in the item's order."""
    return tuple(reference(item, code) for code in item.indicators)
