"""Interview briefs: for each interview, what the pair needs on one page: who, when, whether
an interpreter comes, and for each indicator the person can speak to, the team's status, the
desk review's hypotheses (what the peers know, don't know and suspect) and the questions."""

from __future__ import annotations

from dataclasses import dataclass

from citypeer.visits.domain.instance import VisitData, clock_minutes
from citypeer.visits.method.model import hhmm


@dataclass(frozen=True)
class BriefIndicator:
    code: str
    text: str
    status: str  # the compiled desk review's team status, "" when it has none
    known: tuple[str, ...]
    unknown: tuple[str, ...]
    suspected: tuple[str, ...]
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Brief:
    number: int
    interviewee: object  # visits.Interviewee
    day: int
    day_label: str
    date: str | None
    start: str
    end: str
    peers: tuple  # Users
    pair: str
    interpreter: bool
    language: str
    locked: bool
    indicators: tuple[BriefIndicator, ...]


def _merged(lists) -> tuple[str, ...]:
    """Every peer's items, each once (first wording kept), in the peers' order."""
    seen: dict[str, str] = {}
    for items in lists:
        for item in items:
            seen.setdefault(" ".join(item.casefold().split()), item)
    return tuple(seen.values())


def interview_briefs(data: VisitData, numbers=None) -> list[Brief]:
    """Briefs for the interviews numbered `numbers` (all when None), in number order."""
    compiled = {}
    texts = {}
    if data.compiled is not None:
        compiled = {i.indicator: i for i in data.compiled.compiled.indicators}
        texts = {code: i.text for code, i in data.compiled.indicators.items()}
    visit = data.instance.visit
    out = []
    for interview in sorted(data.interviews.values(), key=lambda i: i.number):
        if numbers is not None and interview.number not in numbers:
            continue
        person = interview.interviewee
        items = []
        for indicator in person.indicators.all():
            item = compiled.get(indicator.code)
            judgements = item.judgements if item else ()
            items.append(BriefIndicator(
                code=indicator.code,
                text=texts.get(indicator.code, indicator.text),
                status=str(item.status) if item else "",
                known=_merged(j.known for j in judgements),
                unknown=_merged(j.unknown for j in judgements),
                suspected=_merged(j.suspected for j in judgements),
                questions=tuple(q.text for q in item.questions) if item else (),
            ))
        start = clock_minutes(interview.start)
        day = visit.days[interview.day - 1] if 1 <= interview.day <= len(visit.days) else None
        out.append(Brief(
            number=interview.number, interviewee=person, day=interview.day,
            day_label=visit.day_label(interview.day), date=day.date if day else None,
            start=hhmm(start), end=hhmm(start + interview.slots * visit.slot_minutes),
            peers=(interview.peer_a, interview.peer_b),
            pair=f"{interview.peer_a.initials} & {interview.peer_b.initials}",
            interpreter=person.interpreter, language=person.language,
            locked=interview.locked, indicators=tuple(items),
        ))
    return out
