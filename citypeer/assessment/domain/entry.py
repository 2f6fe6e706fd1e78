"""Fast entry during the visit: the page opens on the interview the peer is writing up (the
one under way, else the last one held, else the next one) with its interviewee's indicators
chosen and every indicator's proposal beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from citypeer.assessment.domain.assessments import proposals_for
from citypeer.assessment.domain.queries import indicators_of, interviews_of, recorded_in
from citypeer.assessment.method import Proposal
from citypeer.assessment.models import EvidenceItem
from citypeer.benchmarks.models import Indicator
from citypeer.visits.models import Interview


@dataclass(frozen=True)
class EntryIndicator:
    indicator: Indicator
    chosen: bool  # the interviewee was named for it
    proposal: Proposal


@dataclass(frozen=True)
class EvidenceEntry:
    """What the entry page shows for one interview."""

    interviews: list[Interview]
    interview: Interview | None
    indicators: list[EntryIndicator]  # in benchmark order
    recorded_here: list[EvidenceItem]  # newest first


def evidence_entry(review, *, peer, interview_id: int | None = None) -> EvidenceEntry:
    """The entry page for `peer`: on the interview `interview_id` when it is one of the
    visit's, else on the peer's current one."""
    interviews = list(interviews_of(review))
    chosen = next((i for i in interviews if i.pk == interview_id), None)
    if chosen is None:
        chosen = current_interview(interviews=interviews, peer=peer)
    named = {i.code for i in chosen.interviewee.indicators.all()} if chosen else set()
    indicators = list(indicators_of(review))
    proposals = proposals_for(review, indicators=indicators)
    return EvidenceEntry(
        interviews=interviews, interview=chosen,
        indicators=[EntryIndicator(indicator=i, chosen=i.code in named,
                                   proposal=proposals[i.code]) for i in indicators],
        recorded_here=list(recorded_in(review, chosen)) if chosen else [],
    )


def interview_window(interview: Interview) -> tuple[dt.datetime, dt.datetime] | None:
    """When the interview takes place, in the server's time zone; None while the visit has
    no dates."""
    visit = interview.visit
    date = None
    days = visit.days or []
    if 1 <= interview.day <= len(days) and isinstance(days[interview.day - 1], dict):
        raw = days[interview.day - 1].get("date")
        if raw:
            try:
                date = dt.date.fromisoformat(raw)
            except ValueError:
                date = None
    if date is None and visit.starts_on is not None:
        date = visit.starts_on + dt.timedelta(days=interview.day - 1)
    if date is None or interview.start is None:
        return None
    start = timezone.make_aware(dt.datetime.combine(date, interview.start))
    return start, start + dt.timedelta(minutes=visit.slot_minutes * max(interview.slots, 1))


def current_interview(*, interviews: Iterable[Interview], peer, now=None) -> Interview | None:
    """The interview the peer is holding now; else the one they held last (notes are
    written just after); else their next one; else the first of the visit."""
    now = now or timezone.now()
    interviews = [i for i in interviews if not i.cancelled]
    mine = [i for i in interviews if peer is not None and peer.pk in (i.peer_a_id, i.peer_b_id)]
    timed = [(w, i) for i in mine if (w := interview_window(i)) is not None]
    for (start, end), interview in timed:
        if start <= now < end:
            return interview
    past = [(end, i) for (start, end), i in timed if end <= now]
    if past:
        return max(past, key=lambda pair: (pair[0], pair[1].number))[1]
    future = [(start, i) for (start, end), i in timed if start > now]
    if future:
        return min(future, key=lambda pair: (pair[0], pair[1].number))[1]
    return (mine or interviews or [None])[0]
