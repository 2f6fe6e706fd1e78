"""A small network: two host cities (Düsseldorf, Lyon), peers from six cities, an expert,
the coordinator, a host-city officer, and a peer from outside the programme."""

from dataclasses import dataclass

import pytest

from citypeer.programmes.models import Programme, Review
from tests.factories import make_benchmark, make_city, make_person


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


@pytest.fixture
def world(db):
    cities = {
        slug: make_city(slug, name=name, country=country, languages=langs)
        for slug, name, country, langs in CITIES
    }
    programme = Programme.objects.create(
        slug="inti-2008", name="INTI-CITIES 2008", benchmark=make_benchmark(),
        team_size=2, max_reviews_per_peer=1,
    )
    programme.cities.set(cities.values())
    people = {}
    for username, name, city, languages, roles, pooled in PEOPLE:
        person = make_person(username, name=name, city=cities[city] if city else None,
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
