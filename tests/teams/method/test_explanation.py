"""Impossible programmes the cheap checks miss (citypeer.teams.method.explanation): the
rule is found by lifting it and solving again."""

from citypeer.teams.method.problem import (
    CONFLICTS,
    INFEASIBLE,
    REVIEWS_PER_PEER,
    SHARED_LANGUAGE,
    TEAM_SIZE,
    DeclaredConflict,
    TeamProblem,
)
from citypeer.teams.method.suggestion import suggest_teams
from tests.teams.method.test_suggestion import AMSTERDAM, BOLOGNA, peer


def test_language_rule_found_by_lifting_it_and_solving_again():
    # Each host alone could be served; together one of them gets a pair with no language.
    peers = (peer(1, ("en",)), peer(2, ("fr", "it")), peer(3, ("en", "it")), peer(4, ("de", "nl")))
    problem = TeamProblem((AMSTERDAM, BOLOGNA), peers, team_size=2, max_reviews_per_peer=1)

    result = suggest_teams(problem)

    assert result.status == INFEASIBLE
    assert [o.rule for o in result.explanation] == [TEAM_SIZE, REVIEWS_PER_PEER, SHARED_LANGUAGE]
    assert result.explanation[0].message.startswith(
        "With every rule kept, at most 3 of the 4 places in the teams can be filled"
    )
    assert result.explanation[1].message.endswith(
        "With at most 2 reviews per peer they could."
    )
    assert result.explanation[2].message.startswith(
        "The rule that every team has a language all its members speak makes it impossible: "
        "without it, teams could be formed. Lifting it for any one of Amsterdam, Bologna alone "
        "would be enough"
    )


def test_conflicts_found_by_lifting_them_name_the_conflicts():
    peers = tuple(peer(i, ("en", "it", "nl")) for i in range(1, 5))
    conflicts = (DeclaredConflict(1, 1, "other"),
                 DeclaredConflict(2, 1, "declared personal conflict"),
                 DeclaredConflict(1, 2, "other"), DeclaredConflict(2, 2, "other"))
    problem = TeamProblem((AMSTERDAM, BOLOGNA), peers, conflicts, team_size=2,
                          max_reviews_per_peer=1)

    result = suggest_teams(problem)

    by_rule = {o.rule: o.message for o in result.explanation}
    assert sorted(by_rule) == [CONFLICTS, REVIEWS_PER_PEER, TEAM_SIZE]
    assert by_rule[CONFLICTS] == (
        "The rule that no peer reviews a city they have a conflict of interest with makes it "
        "impossible: without it, teams could be formed. Lifting it for any one of Amsterdam, "
        "Bologna alone would be enough (conflicts with Amsterdam: Peer 1 (other), Peer 2 "
        "(declared personal conflict); conflicts with Bologna: Peer 1 (other), Peer 2 (other))."
    )
