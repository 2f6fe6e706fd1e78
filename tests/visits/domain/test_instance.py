"""The visit as the method sees it, built from the rows: dated days, and interviewers who
need initials."""

import datetime as dt

import pytest

from citypeer.visits.domain.instance import visit_data
from citypeer.visits.domain.plan import (
    solve_visit,
)
from citypeer.visits.domain.visits import VisitError
from tests.visits.conftest import TIME_LIMIT


def test_interviewers_need_initials(world):
    peer = world.peers["DM"]
    peer.initials = ""
    peer.save()

    with pytest.raises(VisitError) as refused:
        solve_visit(visit=world.visit, review=world.review, time_limit=TIME_LIMIT,
                    edit_count=0)

    assert str(peer) in str(refused.value)


def test_calendar_dates_follow_the_first_day(world):
    data = visit_data(visit=world.visit, review=world.review)

    assert [d.date for d in data.instance.visit.days] == [
        (dt.date(2008, 3, 10) + dt.timedelta(days=n)).isoformat() for n in range(4)]
