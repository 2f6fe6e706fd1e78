"""Fast entry: the interview a peer is writing up."""

import datetime as dt

from django.utils import timezone

from citypeer.assessment.domain.entry import current_interview
from citypeer.assessment.domain.queries import interviews_of


def test_the_current_interview_is_the_one_under_way_for_that_peer(world):
    s = world
    interviews = list(interviews_of(s.review))

    def at(day, hour, minute=0):
        return timezone.make_aware(dt.datetime(2008, 3, 9 + day, hour, minute))

    assert current_interview(interviews=interviews, peer=s.people.jb, now=at(1, 10, 30)) == (
        s.interviews.i18)
    assert current_interview(interviews=interviews, peer=s.people.fc, now=at(1, 11, 5)) == (
        s.interviews.i19)
    # jb holds no interview at 11:05: the last one held, to write it up
    assert current_interview(interviews=interviews, peer=s.people.jb, now=at(1, 11, 5)) == (
        s.interviews.i18)
    # before the visit: the first one coming
    assert current_interview(interviews=interviews, peer=s.people.ex, now=at(0, 8)) == (
        s.interviews.i19)
