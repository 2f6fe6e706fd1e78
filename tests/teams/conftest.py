"""A small network: two host cities (Düsseldorf, Lyon), peers from six cities, an expert,
the coordinator, a host-city officer, and a peer from outside the programme."""

from dataclasses import dataclass

import pytest

from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.models import Programme, Review


@dataclass
class World:
    programme: Programme
    dusseldorf: Review
    lyon: Review
    cities: dict
    people: dict

    def __getitem__(self, name):
        return self.people[name]


CITIES = [
    ("dusseldorf", "Düsseldorf", "DE", ["de", "en"]),
    ("lyon", "Lyon", "FR", ["fr", "en"]),
    ("milan", "Milan", "IT", ["it", "en"]),
    ("utrecht", "Utrecht", "NL", ["nl", "en"]),
    ("belfast", "Belfast", "GB", ["en"]),
    ("barcelona", "Barcelona", "ES", ["es", "en"]),
    ("tampere", "Tampere", "FI", ["fi", "en"]),
]
# username, name, city, languages, roles, in the pool
PEOPLE = [
    ("coordinator", "Noor Vandenberghe", None, ["en", "fr"], ["coordinator"], False),
    ("jonas", "Jonas Becker", "dusseldorf", ["de", "en"], ["peer", "host_officer"], True),
    ("claire", "Claire Morel", "lyon", ["fr", "en"], ["peer", "host_officer"], True),
    ("marco", "Marco Brambilla", "milan", ["it", "en", "de"], ["peer"], True),
    ("ruben", "Ruben Dekker", "utrecht", ["nl", "en"], ["peer"], True),
    ("fiona", "Fiona Carson", "belfast", ["en", "fr"], ["peer"], True),
    ("pau", "Pau Roig", "barcelona", ["es", "en", "fr"], ["peer"], True),
    ("hannah", "Hannah Weiss", None, ["en", "de"], ["expert"], True),
    ("sanna", "Sanna Koivisto", "tampere", ["fi", "en"], ["peer"], False),
    ("nobody", "No Body", None, [], [], False),
]


def make_user(username, *, name="", city=None, languages=(), roles=()):
    """A person with no usable password: the tests log in with force_login, and hashing a
    password with Argon2 for every person of every test would take most of the run."""
    user = User(username=username, name=name or username.title(), city=city,
                languages=list(languages), **{f"is_{r}": True for r in roles})
    user.set_unusable_password()
    user.save()
    return user


def make_benchmark():
    return Benchmark.objects.create(
        slug="test-benchmark", version=1, title="Test benchmark", kind="matrix", language="en",
        content_hash="0" * 64,
    )


@pytest.fixture
def world(db):
    cities = {
        slug: City.objects.create(slug=slug, name=name, country=country, languages=langs)
        for slug, name, country, langs in CITIES
    }
    programme = Programme.objects.create(
        slug="inti-2008", name="INTI-CITIES 2008", benchmark=make_benchmark(),
        team_size=2, max_reviews_per_peer=1,
    )
    programme.cities.set(cities.values())
    people = {}
    for username, name, city, languages, roles, pooled in PEOPLE:
        person = make_user(username, name=name, city=cities[city] if city else None,
                           languages=languages, roles=roles)
        people[username] = person
        if pooled:
            programme.peer_pool.add(person)
    return World(
        programme=programme,
        dusseldorf=Review.objects.create(programme=programme, city=cities["dusseldorf"]),
        lyon=Review.objects.create(programme=programme, city=cities["lyon"]),
        cities=cities,
        people=people,
    )


@pytest.fixture
def as_user(client):
    def login(person):
        client.force_login(person)
        return client
    return login
