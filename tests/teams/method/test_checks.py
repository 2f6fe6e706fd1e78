"""The cheap checks before solving (citypeer.teams.method.checks): each names the rule
and the numbers, people and cities it applies to."""

from citypeer.teams.method.problem import (
    CONFLICTS,
    CURRENT_MEMBERS,
    DIFFERENT_CITIES,
    HOST_LANGUAGE,
    INFEASIBLE,
    OWN_CITY,
    REVIEWS_PER_PEER,
    SHARED_LANGUAGE,
    Candidate,
    DeclaredConflict,
    HostCity,
    TeamProblem,
)
from citypeer.teams.method.suggestion import suggest_teams
from tests.teams.method.test_suggestion import AMSTERDAM, BOLOGNA, peer


def test_too_few_places_is_said_with_the_numbers():
    hosts = tuple(HostCity(i, f"Host {i}") for i in range(1, 6))
    peers = tuple(peer(i) for i in range(1, 7))
    problem = TeamProblem(hosts, peers, team_size=4, max_reviews_per_peer=2)

    result = suggest_teams(problem)

    assert result.status == INFEASIBLE
    assert [(o.rule, o.message) for o in result.explanation] == [(
        REVIEWS_PER_PEER,
        "5 host cities × 4 peers = 20 places, but the pool's 6 peers may take at most "
        "2 reviews each = 12.",
    )]


def test_own_city_and_conflicts_leave_too_few_peers():
    host = HostCity(7, "Düsseldorf", ("de", "en"))
    peers = (
        Candidate(1, "Jonas Becker", 7, "Düsseldorf", ("de", "en")),
        Candidate(2, "Marco Brambilla", 8, "Milan", ("it", "en")),
        Candidate(3, "Ruben Dekker", 9, "Utrecht", ("nl", "en")),
        Candidate(4, "Fiona Carson", 10, "Belfast", ("en",)),
    )
    conflicts = (DeclaredConflict(2, 7, "twinned or partner city"),)
    problem = TeamProblem((host,), peers, conflicts, team_size=3, max_reviews_per_peer=1)

    result = suggest_teams(problem)

    assert [(o.rule, o.message) for o in result.explanation] == [(
        CONFLICTS,
        "Düsseldorf needs 3 peers, but only 2 of the pool's 4 peers may review it; excluded: "
        "Jonas Becker (own city), Marco Brambilla (twinned or partner city).",
    )]


def test_only_own_city_excluding_is_named_own_city():
    host = HostCity(7, "Lyon")
    peers = (Candidate(1, "Claire Morel", 7, "Lyon", ("fr",)), peer(2, ("fr",)))

    result = suggest_teams(TeamProblem((host,), peers, team_size=2, max_reviews_per_peer=1))

    assert [o.rule for o in result.explanation] == [OWN_CITY]
    assert "Claire Morel (own city)" in result.message


def test_too_few_cities_is_named():
    peers = (peer(1, city=50), peer(2, city=50), peer(3, city=60))

    result = suggest_teams(TeamProblem((AMSTERDAM,), peers, team_size=3, max_reviews_per_peer=1))

    assert [(o.rule, o.message) for o in result.explanation] == [(
        DIFFERENT_CITIES,
        "Amsterdam needs 3 peers from different cities, but the peers who may review it come "
        "from only 2 cities: City 50, City 60.",
    )]


def test_no_shared_language_found_cheaply():
    peers = (peer(1, ("en",)), peer(2, ("fr",)), peer(3, ("de", "nl")))

    result = suggest_teams(TeamProblem((AMSTERDAM,), peers, team_size=2, max_reviews_per_peer=1))

    assert [o.rule for o in result.explanation] == [SHARED_LANGUAGE]
    assert "the most is de, spoken by peers from 1 city" in result.message


def test_nobody_speaks_the_host_language():
    peers = (peer(1, ("en",)), peer(2, ("en",)))

    result = suggest_teams(TeamProblem((BOLOGNA,), peers, team_size=2, max_reviews_per_peer=1))

    assert [(o.rule, o.message) for o in result.explanation] == [(
        HOST_LANGUAGE,
        "None of the peers who may review Bologna speaks one of its working languages (it).",
    )]


def test_a_current_member_with_a_conflict_is_named():
    host = HostCity(1, "Amsterdam", ("en",), members=(1,))
    peers = (Candidate(1, "Daan Verhoef", 1, "Amsterdam", ("en",)), peer(2), peer(3))

    result = suggest_teams(TeamProblem((host,), peers, team_size=2, max_reviews_per_peer=1))

    assert (CURRENT_MEMBERS, "Daan Verhoef is on Amsterdam's team already, but cannot review "
            "it: own city.") in [(o.rule, o.message) for o in result.explanation]
