"""Suggested teams for a programme: the database read into
`citypeer.teams.method.suggestion`, and the accepted suggestion written back through the
same checks as any other assignment."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.utils.translation import gettext, ngettext

from citypeer.people.models import User
from citypeer.programmes.models import Review
from citypeer.teams.domain.membership import assign_member
from citypeer.teams.domain.refusals import AssignmentRefused, SuggestionRefused
from citypeer.teams.method import suggestion
from citypeer.teams.method.problem import (
    FEASIBLE,
    OPTIMAL,
    Candidate,
    DeclaredConflict,
    HostCity,
    TeamObstacle,
    TeamProblem,
)
from citypeer.teams.models import Conflict, TeamMember

ROLE_PEER = TeamMember.Role.PEER
DEFAULT_TIME_LIMIT = 10.0


@dataclass(frozen=True)
class ProposedTeam:
    review: Review
    members: list[User]
    added: list[User]
    language: str


class LeftOut(NamedTuple):
    """A peer of the pool the suggestion could not consider, and why."""

    person: User
    why: str


@dataclass(frozen=True)
class ProgrammeSuggestion:
    programme: object
    status: str
    teams: list[ProposedTeam]
    explanation: list[TeamObstacle]
    left_out: list[LeftOut] = field(default_factory=list)
    pairs_again: list[tuple[User, User]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.status in (OPTIMAL, FEASIBLE)

    @property
    def assignments(self) -> list[tuple[int, int]]:
        """(review id, person id) for every peer the suggestion adds."""
        return [(t.review.pk, p.pk) for t in self.teams for p in t.added]


@dataclass(frozen=True)
class _Loaded:
    problem: TeamProblem
    reviews: dict[int, Review]  # by city id
    people: dict[int, User]
    left_out: list[LeftOut]


def _load(programme) -> _Loaded:
    reviews = {
        r.city_id: r
        for r in Review.objects.filter(programme=programme).select_related("city")
        .order_by("city__name")
    }
    kept = defaultdict(list)
    kept_people = {}
    for m in (TeamMember.objects.filter(team__review__programme=programme, role=ROLE_PEER)
              .select_related("person__city", "team__review")):
        kept[m.team.review.city_id].append(m.person_id)
        kept_people[m.person_id] = m.person
    people: dict[int, User] = {}
    left_out = []
    for person in programme.peer_pool.filter(is_peer=True).select_related("city"):
        if person.city_id is None:
            left_out.append(
                LeftOut(person, gettext("no city recorded: a peer represents a city")))
        else:
            people[person.pk] = person
    people.update(kept_people)

    def city_of(person: User) -> tuple[int, str]:
        if person.city_id is None:
            # Someone already on a team without a city: a city of their own, so the
            # different-cities rule neither merges nor splits them wrongly.
            return -person.pk, gettext("no city")
        return person.city_id, person.city.name

    peers = tuple(
        Candidate(
            id=p.pk, name=str(p), city_id=city_of(p)[0], city_name=city_of(p)[1],
            languages=tuple(p.languages or ()),
        )
        for p in people.values()
    )
    hosts = tuple(
        HostCity(
            id=city_id, name=review.city.name, languages=tuple(review.city.languages or ()),
            members=tuple(kept.get(city_id, ())),
        )
        for city_id, review in reviews.items()
    )
    conflicts = tuple(
        DeclaredConflict(peer_id=c.person_id, city_id=c.city_id, kind=str(c.get_kind_display()))
        for c in Conflict.objects.filter(person__in=list(people), city__in=list(reviews))
    )
    by_team = defaultdict(set)
    for team_id, person_id in TeamMember.objects.filter(person__in=list(people)).values_list(
        "team_id", "person_id"
    ):
        by_team[team_id].add(person_id)
    worked_together = frozenset(
        frozenset(pair)
        for members in by_team.values()
        for pair in itertools.combinations(sorted(members), 2)
    )
    problem = TeamProblem(
        hosts=hosts, peers=peers, conflicts=conflicts, team_size=programme.team_size,
        max_reviews_per_peer=programme.max_reviews_per_peer, worked_together=worked_together,
    )
    return _Loaded(problem, reviews, people, left_out)


def team_problem(*, programme) -> TeamProblem:
    """The programme as the solver sees it."""
    return _load(programme).problem


def suggest_teams(*, programme, time_limit: float = DEFAULT_TIME_LIMIT) -> ProgrammeSuggestion:
    """Propose a team for every host city of the programme (peers already on a team stay),
    or explain which rule makes that impossible. Nothing is written."""
    loaded = _load(programme)
    result = suggestion.suggest_teams(
        loaded.problem, time_limit=time_limit, gettext=gettext, ngettext=ngettext
    )
    people = loaded.people
    teams = [
        ProposedTeam(
            review=loaded.reviews[t.host_id],
            members=sorted((people[p] for p in t.members), key=_by_name),
            added=sorted((people[p] for p in t.added), key=_by_name),
            language=t.language,
        )
        for t in result.teams
    ]
    return ProgrammeSuggestion(
        programme=programme,
        status=result.status,
        teams=teams,
        explanation=list(result.explanation),
        left_out=loaded.left_out,
        pairs_again=[(people[a], people[b]) for a, b in result.pairs_again],
    )


def _by_name(person: User) -> str:
    return str(person).casefold()


def accept_suggestion(*, programme, assignments: Iterable[tuple[int, int]]) -> list[TeamMember]:
    """Write suggested teams: every (review id, person id) goes through `assign_member`, so
    conflicts and the other rules are checked again against the database as it is now.
    Every problem is reported; if there is one, nothing is written."""
    assignments = list(assignments)
    reviews = {r.pk: r for r in Review.objects.filter(programme=programme)
               .select_related("city", "programme")}
    people = {u.pk: u for u in User.objects.filter(pk__in={p for _r, p in assignments})
              .select_related("city")}
    problems = []
    for review_id, person_id in assignments:
        if review_id not in reviews:
            problems.append(gettext("Review %(review)s is not part of %(programme)s.")
                            % {"review": review_id, "programme": programme})
        if person_id not in people:
            problems.append(gettext("There is no person with id %(person)s.")
                            % {"person": person_id})
    if problems:
        raise SuggestionRefused(problems)
    if not assignments:
        raise SuggestionRefused([gettext("The suggestion adds nobody: there is nothing to "
                                         "accept.")])
    created = []
    with transaction.atomic():
        for review_id, person_id in assignments:
            try:
                with transaction.atomic():
                    created.append(assign_member(
                        review=reviews[review_id], person=people[person_id], role=ROLE_PEER
                    ))
            except AssignmentRefused as exc:
                problems.append(exc.message)
        if problems:
            raise SuggestionRefused(problems)
    return created
