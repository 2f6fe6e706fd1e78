"""Headline agreement, without a database."""

from citypeer.feedback.method.agreement import (
    AGREED,
    OBJECTED,
    OPEN,
    all_agreed,
    headline_state,
)


def test_headline_is_agreed_only_when_every_member_agrees():
    assert headline_state(members={1, 2, 3}, votes={1: True, 2: True}).state == OPEN
    assert headline_state(members={1, 2, 3}, votes={1: True, 2: True, 3: True}).state == AGREED
    objected = headline_state(members={1, 2, 3}, votes={1: True, 2: False, 9: True})
    assert (objected.state, objected.objected, objected.waiting) == (OBJECTED, {2}, {3})


def test_all_agreed_needs_headlines_and_every_one_agreed():
    assert [all_agreed([]), all_agreed([AGREED, OPEN]), all_agreed([AGREED, AGREED])] == [
        False, False, True]
