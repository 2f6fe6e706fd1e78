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
from citypeer.surveys.demo import load_survey_demo

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
    _form_teams(Programme.objects.get(slug=data.PROGRAMME["slug"]))
    load_survey_demo()
    return DemoLogin(coordinator.username, data.DEMO_PASSWORD, created)


def _form_teams(programme) -> None:
    """The demo's teams, as the coordinator would form them: accept the suggestion, add an
    expert to each team, and make its first peer the leader. Done once."""
    from citypeer.teams.domain.membership import assign_member, set_leader
    from citypeer.teams.domain.suggestions import accept_suggestion, suggest_teams
    from citypeer.teams.models import TeamMember

    if TeamMember.objects.filter(team__review__programme=programme).exists():
        return
    suggestion = suggest_teams(programme=programme)
    if not suggestion.assignments:
        return
    accept_suggestion(programme=programme, assignments=suggestion.assignments)
    experts = list(User.objects.filter(is_expert=True, username__in=[p[0] for p in data.PEOPLE])
                   .order_by("username"))
    for index, review in enumerate(programme.reviews.select_related("city").order_by("city__name")):
        if experts:
            assign_member(review=review, person=experts[index % len(experts)], role="expert")
        first_peer = (TeamMember.objects.filter(team__review=review, role="peer")
                      .select_related("person").order_by("person__name").first())
        if first_peer:
            set_leader(review=review, person=first_peer.person)


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
