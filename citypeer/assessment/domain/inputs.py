"""The evidence bank's rows as the corroboration rules read them: the one place where
`EvidenceItem` and `visits.Interview` rows become the method's `EvidenceInput` and
`InterviewInput`. Interviewees become references (P-12), the peers their initials, a page a
number, a workshop its label."""

from __future__ import annotations

import re
from collections.abc import Iterable

from citypeer.assessment.method import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
)
from citypeer.assessment.models import EvidenceItem
from citypeer.visits.models import Interview

PAGED = (EvidenceItem.Source.DOCUMENT, EvidenceItem.Source.INITIAL_REPORT)


def person_initials(user) -> str:
    """The initials a person signs evidence with (`JB`); derived from the name if unset."""
    if user is None:
        return ""
    if user.initials:
        return user.initials
    words = (user.name or user.username).replace("_", " ").split()
    return "".join(w[0] for w in words).upper()[:4]


def split_initials(text: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\s*(?:&|,|\band\b)\s*", text.strip()) if p)


def interview_initials(interview: Interview) -> tuple[str, ...]:
    return tuple(i for i in (person_initials(interview.peer_a),
                             person_initials(interview.peer_b)) if i)


def interviewee_reference(interviewee_id: int | None) -> str:
    """What stands for an interviewee outside the team: `P-12`, never the name."""
    return f"P-{interviewee_id}" if interviewee_id else ""


def interview_input(interview: Interview) -> InterviewInput:
    return InterviewInput(
        id=str(interview.pk), number=interview.number,
        interviewee=interviewee_reference(interview.interviewee_id),
        interviewers=interview_initials(interview), day=interview.day,
        time=interview.start.strftime("%H:%M") if interview.start else None,
    )


def evidence_input(item: EvidenceItem, *, interviews: dict | None = None) -> EvidenceInput:
    """The row as the rules read it. `interviews` shares one InterviewInput per interview
    (the rules count interviews by identity); the item's indicators are prefetched in
    benchmark order (`queries.evidence_in_full`)."""
    interview = None
    if item.source == EvidenceItem.Source.INTERVIEW:
        interviews = interviews if interviews is not None else {}
        interview = interviews.get(item.interview_id)
        if interview is None:
            interview = interviews[item.interview_id] = interview_input(item.interview)
    return EvidenceInput(
        id=str(item.pk),
        indicators=tuple(i.code for i in item.indicators.all()),
        source=Source(item.source),
        kind=EvidenceKind(item.kind),
        direction=Direction(item.direction),
        text=item.text,
        interview=interview,
        workshop=item.workshop.label if item.workshop_id else "",
        document=item.document,
        page=int(item.page) if item.page and item.source in PAGED else None,
        recorded_by=() if interview else split_initials(item.interviewers),
    )


def evidence_inputs(items: Iterable[EvidenceItem]) -> list[EvidenceInput]:
    interviews: dict = {}
    return [evidence_input(item, interviews=interviews) for item in items]
