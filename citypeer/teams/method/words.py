"""The words of the team suggestion's messages: names joined for reading and the rules as
sentences, through the ``gettext``/``ngettext`` callables given (English by default), so the
web pages can show them in the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from citypeer.teams.method.problem import (
    CONFLICTS,
    CURRENT_MEMBERS,
    DIFFERENT_CITIES,
    HOST_LANGUAGE,
    OWN_CITY,
    REVIEWS_PER_PEER,
    SHARED_LANGUAGE,
    TeamProblem,
)

Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]


def english(message: str) -> str:
    return message


def english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


class Words:
    """Names and translated phrases for the messages about one problem."""

    def __init__(self, problem: TeamProblem, gettext: Gettext = english,
                 ngettext: Ngettext = english_plural):
        self.problem = problem
        self.gettext = gettext
        self.ngettext = ngettext
        self.peer = {p.id: p for p in problem.peers}
        self.host = {h.id: h for h in problem.hosts}

    def names(self, items: Iterable[str]) -> str:
        return ", ".join(items)

    def host_names(self, host_ids: Iterable[int]) -> str:
        return self.names(self.host[h].name for h in host_ids)

    def kind(self, kind: str) -> str:
        """Why someone may not review a city: own city, or the declared conflict's kind."""
        return self.gettext("own city") if kind == OWN_CITY else kind

    def rule(self, rule: str) -> str:
        _ = self.gettext
        p = self.problem
        return {
            CURRENT_MEMBERS: _("the peers already on the teams stay"),
            OWN_CITY: _("no peer reviews their own city"),
            CONFLICTS: _("no peer reviews a city they have a conflict of interest with"),
            DIFFERENT_CITIES: _("the peers of a team come from different cities"),
            REVIEWS_PER_PEER: self.ngettext(
                "each peer takes at most %(max)d review",
                "each peer takes at most %(max)d reviews",
                p.max_reviews_per_peer,
            ) % {"max": p.max_reviews_per_peer},
            SHARED_LANGUAGE: _("every team has a language all its members speak"),
            HOST_LANGUAGE: _(
                "every team has a member who speaks a working language of the host city"
            ),
        }[rule]
