"""Small visits written out by hand for the method's tests: people, interviews and
instances in a line each."""

from citypeer.visits.method import (
    IntervieweeToMeet,
    Interviewer,
    PlannedInterview,
    VisitFrame,
    VisitInstance,
    Window,
    check_timetable,
    errors,
    solve_timetable,
)

H = 60
TIME_LIMIT = 5.0


def peers(*initials, languages=("en",)):
    return tuple(Interviewer(i, languages=languages) for i in initials)


def person(id, name=None, *, windows=None, **fields):
    availability = None if windows is None else tuple(Window(*w) for w in windows)
    return IntervieweeToMeet(id, name or id.capitalize(), fields.pop("category", "politician"),
                             availability=availability, **fields)


def interview(who, day, hour, pair, *, hours=1, locked=False, number=0):
    return PlannedInterview(who, day, hour * H, (hour + hours) * H, tuple(pair.split()), locked,
                            number)


def visit_of(people, *, team=("JB", "FC", "AB", "CD"), **fields):
    return VisitInstance(VisitFrame(**fields.pop("visit", {})), peers(*team), tuple(people),
                         **fields)


def solved(instance, **options):
    result = solve_timetable(instance, time_limit=TIME_LIMIT, **options)
    assert result.found
    return result


def broken(instance, timetable):
    return [(w.code, w.interviewee, w.peer, w.workshop, w.day, w.start)
            for w in errors(check_timetable(instance, timetable))]
