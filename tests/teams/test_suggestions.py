"""Suggested teams for a programme, read from the database, and accepting them."""

import pytest

from citypeer.teams.domain.conflicts import declare_conflict
from citypeer.teams.domain.membership import assign_member
from citypeer.teams.domain.refusals import SuggestionRefused
from citypeer.teams.domain.suggestions import accept_suggestion, suggest_teams, team_problem
from citypeer.teams.method.problem import CONFLICTS, OWN_CITY, REVIEWS_PER_PEER, TEAM_SIZE
from citypeer.teams.models import Conflict, TeamMember


def teams(programme):
    out = {}
    for city, username in TeamMember.objects.filter(team__review__programme=programme).values_list(
        "team__review__city__name", "person__username"
    ):
        out.setdefault(city, []).append(username)
    return {city: sorted(names) for city, names in out.items()}


def test_the_problem_holds_hosts_pool_peers_conflicts_and_history(world):
    declare_conflict(person=world["marco"], city=world.cities["lyon"], kind="partner_city")
    assign_member(review=world.lyon, person=world["ruben"])

    problem = team_problem(programme=world.programme)

    assert [(h.name, h.languages, h.members) for h in problem.hosts] == [
        ("Düsseldorf", ("de", "en"), ()),
        ("Lyon", ("fr", "en"), (world["ruben"].pk,)),
    ]
    assert sorted(p.name for p in problem.peers) == [
        "Claire Morel", "Fiona Carson", "Jonas Becker", "Marco Brambilla", "Pau Roig",
        "Ruben Dekker",
    ]
    assert [(c.peer_id, c.city_id, c.kind) for c in problem.conflicts] == [
        (world["marco"].pk, world.cities["lyon"].pk, "twinned or partner city")
    ]
    assert (problem.team_size, problem.max_reviews_per_peer) == (2, 1)


def test_suggested_teams_keep_the_rules_and_can_be_accepted(world):
    suggestion = suggest_teams(programme=world.programme)

    assert suggestion.found
    proposed = {t.review.city.name: sorted(p.username for p in t.members)
                for t in suggestion.teams}
    assert "jonas" not in proposed["Düsseldorf"]
    assert "claire" not in proposed["Lyon"]

    accept_suggestion(programme=world.programme, assignments=suggestion.assignments)

    assert teams(world.programme) == proposed


def test_members_already_on_a_team_stay(world):
    assign_member(review=world.lyon, person=world["pau"])

    suggestion = suggest_teams(programme=world.programme)

    lyon = next(t for t in suggestion.teams if t.review == world.lyon)
    assert world["pau"] in lyon.members
    assert world["pau"] not in lyon.added
    assert len(suggestion.assignments) == 3


def test_an_impossible_programme_says_why_with_the_numbers(world):
    world.programme.team_size = 4
    world.programme.save()

    suggestion = suggest_teams(programme=world.programme)

    assert not suggestion.found
    assert [(o.rule, o.message) for o in suggestion.explanation] == [(
        REVIEWS_PER_PEER,
        "2 host cities × 4 peers = 8 places, but the pool's 6 peers may take at most "
        "1 review each = 6.",
    )]


def test_the_conflict_that_makes_it_impossible_is_found_by_solving_again(world):
    # Six places for six peers: everyone is needed, and Claire may review neither city.
    world.programme.team_size = 3
    world.programme.save()
    declare_conflict(person=world["claire"], city=world.cities["dusseldorf"],
                     kind=Conflict.Kind.PARTNER_CITY)

    suggestion = suggest_teams(programme=world.programme)

    by_rule = {o.rule: o.message for o in suggestion.explanation}
    assert sorted(by_rule) == [CONFLICTS, OWN_CITY, REVIEWS_PER_PEER, TEAM_SIZE]
    assert by_rule[CONFLICTS] == (
        "The rule that no peer reviews a city they have a conflict of interest with makes it "
        "impossible: without it, teams could be formed. Lifting it for Düsseldorf alone would "
        "be enough (conflicts with Düsseldorf: Claire Morel (twinned or partner city))."
    )


def test_accepting_checks_conflicts_again_and_writes_nothing_when_refused(world):
    suggestion = suggest_teams(programme=world.programme)
    someone = next(t.added[0] for t in suggestion.teams if t.review == world.lyon)
    declare_conflict(person=someone, city=world.cities["lyon"], kind=Conflict.Kind.PERSONAL)

    with pytest.raises(SuggestionRefused) as refused:
        accept_suggestion(programme=world.programme, assignments=suggestion.assignments)

    assert refused.value.problems == [
        f"{someone} cannot review Lyon: declared personal conflict"
    ]
    assert teams(world.programme) == {}


def test_accepting_an_assignment_to_ones_own_city_is_refused(world):
    with pytest.raises(SuggestionRefused) as refused:
        accept_suggestion(programme=world.programme,
                          assignments=[(world.dusseldorf.pk, world["jonas"].pk)])

    assert refused.value.problems == ["Jonas Becker cannot review Düsseldorf: own city"]


def test_accepting_a_review_of_another_programme_is_refused(world):
    with pytest.raises(SuggestionRefused) as refused:
        accept_suggestion(programme=world.programme, assignments=[(999999, world["marco"].pk)])

    assert refused.value.problems == ["Review 999999 is not part of INTI-CITIES 2008."]


def test_a_pool_peer_without_a_city_is_left_out_and_said_so(world):
    world["ruben"].city = None
    world["ruben"].save()

    suggestion = suggest_teams(programme=world.programme)

    assert [(p.username, why) for p, why in suggestion.left_out] == [
        ("ruben", "no city recorded: a peer represents a city")
    ]
