"""The messages (citypeer.teams.method.words) go through the translation given."""

from citypeer.teams.method.problem import HostCity, TeamProblem
from citypeer.teams.method.suggestion import suggest_teams
from tests.teams.method.test_suggestion import peer


def test_messages_go_through_the_translation_given():
    hosts = tuple(HostCity(i, f"Host {i}") for i in range(1, 3))
    french = {"%(hosts)d host cities × %(size)d peers = %(places)d places":
              "%(hosts)d villes hôtes × %(size)d pairs = %(places)d places"}

    result = suggest_teams(
        TeamProblem(hosts, (peer(1),), team_size=1, max_reviews_per_peer=1),
        gettext=lambda s: french.get(s, s),
        ngettext=lambda s, p, n: french.get(p if n != 1 else s, p if n != 1 else s),
    )

    assert result.message.startswith("2 villes hôtes × 1 pairs = 2 places, but ")
