"""The demo programme: the six reviewed cities, invented people, loaded idempotently."""

import io

from django.core.management import call_command

from citypeer.demo import data
from citypeer.demo.loading import load_demo
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.models import Programme, Review


def counts():
    return (City.objects.count(), User.objects.count(), Programme.objects.count(),
            Review.objects.count())


def test_demo_has_the_six_reviewed_cities_as_hosts(shipped_benchmarks):
    load_demo()

    programme = Programme.objects.get(slug="demo-inti-cities-2008")

    assert sorted(r.city.name for r in programme.reviews.all()) == [
        "Düsseldorf", "Genoa", "Helsinki", "Lyon", "Malmö", "Rotterdam"
    ]
    assert programme.cities.count() == 12
    assert (programme.benchmark.slug, programme.benchmark.version) == ("inti-cities-2009", 1)


def test_loading_twice_changes_nothing(shipped_benchmarks):
    load_demo()
    first = counts()

    login = load_demo()

    assert counts() == first
    assert login.created is False



def test_demo_initials_are_unique():
    initials = [p[2] for p in data.PEOPLE] + [data.COORDINATOR["initials"]]

    assert len(initials) == len(set(initials))


def test_setup_prints_the_demo_login_and_it_works(client, db):
    out = io.StringIO()

    call_command("setup", "--demo", stdout=out)

    assert "    user name: coordinator" in out.getvalue().splitlines()
    assert "    password:  citypeer-demo" in out.getvalue().splitlines()
    assert client.login(username="coordinator", password="citypeer-demo") is True
    assert User.objects.get(username="coordinator").is_coordinator is True


def test_demo_programme_has_the_inti_cities_milestones_and_steps(shipped_benchmarks):
    load_demo()

    programme = Programme.objects.get(slug="demo-inti-cities-2008")

    assert [p.kind for p in programme.phases.order_by("starts_on", "id")][:3] == [
        "kick_off", "training", "visits"
    ]
    assert Review.objects.filter(programme=programme).count() == 6
    assert programme.reviews.get(city__slug="lyon").steps.count() == 7
    assert programme.peer_pool.count() == len(data.PEOPLE)


def test_demo_teams_respect_conflicts_and_have_a_leader(shipped_benchmarks):
    from citypeer.teams.models import TeamMember

    load_demo()
    load_demo()

    members = TeamMember.objects.filter(team__review__programme__slug="demo-inti-cities-2008")
    own_city = [m for m in members.select_related("person", "team__review")
                if m.person.city_id == m.team.review.city_id]
    assert own_city == []
    assert members.filter(role="peer").count() == 24
    assert members.filter(role="expert").count() == 6
    leaders = Review.objects.filter(programme__slug="demo-inti-cities-2008").values_list(
        "team__leader", flat=True)
    assert [leader is not None for leader in leaders] == [True] * 6
