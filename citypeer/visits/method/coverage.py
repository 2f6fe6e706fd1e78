"""What a timetable covers of what the desk review asks of the visit: per indicator, who
speaks to it and in which interviews."""

from __future__ import annotations

from collections import defaultdict

from citypeer.visits.method.model import (
    IndicatorCoverage,
    PlannedInterview,
    Timetable,
    VisitInstance,
)


def coverage(instance: VisitInstance, timetable: Timetable) -> tuple[IndicatorCoverage, ...]:
    """Per indicator the desk review asks about (target 1 or 2), who speaks to it."""
    speaks: dict[str, list[PlannedInterview]] = defaultdict(list)
    known = {i.id: i for i in instance.interviewees}
    for interview in sorted(timetable.interviews, key=lambda i: (i.number, i.day, i.start)):
        person = known.get(interview.interviewee)
        if person is None:
            continue
        for code in dict.fromkeys(person.indicators):
            speaks[code].append(interview)
    out = []
    for need in instance.desk_review:
        if need.target == 0:
            continue
        interviews = speaks.get(need.indicator, [])
        people = tuple(dict.fromkeys(i.interviewee for i in interviews))
        numbers = tuple(i.number for i in interviews)
        out.append(IndicatorCoverage(need.indicator, need.status, need.target, people, numbers))
    return tuple(out)
