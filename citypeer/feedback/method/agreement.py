"""Headline findings are agreed before the team leaves the host city: final when every
member of the team agrees, open for redrafting while anyone objects."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

AGREED = "agreed"
OBJECTED = "objected"
OPEN = "open"


@dataclass(frozen=True)
class HeadlineState:
    state: str  # agreed, objected or open
    agreed: frozenset[int]
    objected: frozenset[int]
    waiting: frozenset[int]


def headline_state(*, members: Iterable[int], votes: Mapping[int, bool]) -> HeadlineState:
    """A headline finding is final when every member of the team agrees; one objection keeps
    it open for redrafting. Votes of people no longer in the team do not count."""
    members = frozenset(members)
    agreed = frozenset(p for p in members if votes.get(p) is True)
    objected = frozenset(p for p in members if votes.get(p) is False)
    waiting = members - agreed - objected
    if objected:
        state = OBJECTED
    elif members and not waiting:
        state = AGREED
    else:
        state = OPEN
    return HeadlineState(state, agreed, objected, waiting)


def all_agreed(states: Iterable[str]) -> bool:
    """Whether there are headline findings and every one of them is agreed."""
    states = list(states)
    return bool(states) and all(s == AGREED for s in states)
