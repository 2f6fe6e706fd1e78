"""Loading the demo: safe to run again; it changes nothing that is already there."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from citypeer.benchmarks.models import Benchmark
from citypeer.demo import data
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.domain.programmes import PhaseDates, create_programme
from citypeer.programmes.models import Programme

ROLE_FLAGS = {
    "coordinator": "is_coordinator",
    "host_officer": "is_host_officer",
    "peer": "is_peer",
    "expert": "is_expert",
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    created: bool


def load_demo() -> DemoLogin:
    with transaction.atomic():
        cities = {}
        for slug, name, country, languages in data.REVIEWED_CITIES + data.PEER_CITIES:
            cities[slug], _ = City.objects.get_or_create(
                slug=slug, defaults={"name": name, "country": country, "languages": languages}
            )
        coordinator, created = _person(
            **{**data.COORDINATOR, "city": None}, staff=True
        )
        for username, name, initials, city, organisation, languages, roles in data.PEOPLE:
            _person(
                username=username, name=name, initials=initials,
                city=cities[city] if city else None, organisation=organisation,
                languages=languages, roles=roles,
            )
        if not Programme.objects.filter(slug=data.PROGRAMME["slug"]).exists():
            slug, version = data.PROGRAMME["benchmark"]
            create_programme(
                name=data.PROGRAMME["name"],
                slug=data.PROGRAMME["slug"],
                description=data.PROGRAMME["description"],
                benchmark=Benchmark.objects.get(slug=slug, version=version),
                cities=list(cities.values()),
                host_cities=[cities[slug] for slug, *_ in data.REVIEWED_CITIES],
                peer_pool=User.objects.filter(username__in=[p[0] for p in data.PEOPLE]),
                phases=[
                    PhaseDates(kind, dt.date.fromisoformat(start), dt.date.fromisoformat(end))
                    for kind, start, end in data.PHASES
                ],
            )
    return DemoLogin(coordinator.username, data.DEMO_PASSWORD, created)


def _person(*, username, name, initials, city, organisation, languages, roles, staff=False):
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "name": name, "initials": initials, "city": city, "organisation": organisation,
            "languages": languages, "email": f"{username}@example.org", "is_staff": staff,
            "is_superuser": staff,
            **{ROLE_FLAGS[r]: True for r in roles},
        },
    )
    if created:
        user.set_password(data.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user, created
