"""The pieces every test world is built from, written once. Each app's conftest builds its
`world` fixture with these; a test reads the world's parts by the method's names
(`world.review`, `world.peers["JB"]`, `world.visit`, ...)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from citypeer.benchmarks.domain.library import import_benchmark
from citypeer.core.benchmark import document_from_dict, validate_document

VALUE_NAMES = {"A": "Ambition", "L": "Leadership", "R": "Resources", "I": "Implementation",
               "E": "Evaluation"}
PILLAR_NAMES = {"GG": "General Governance", "IE": "Individual Empowerment",
                "AC": "Administrative Co-operation", "WP": "Working in Partnership"}


def matrix_document(codes: Sequence[str], *, slug: str = "small", version: int = 1,
                    texts: dict[str, str] | None = None) -> dict:
    """A matrix benchmark document with these indicator codes (PILLAR/VALUE/N), values and
    pillars in the order the codes first name them."""
    texts = texts or {}
    values: list[str] = []
    pillars: dict[str, dict[str, list[dict]]] = {}
    for code in codes:
        pillar, value, _number = code.split("/")
        if value not in values:
            values.append(value)
        pillars.setdefault(pillar, {}).setdefault(value, []).append(
            {"code": code, "text": texts.get(code, f"Indicator {code}.")})
    return {
        "slug": slug, "version": version, "title": slug.replace("-", " ").title(),
        "kind": "matrix", "language": "en",
        "values": [{"code": v, "name": VALUE_NAMES.get(v, v)} for v in values],
        "pillars": [{"code": p, "name": PILLAR_NAMES.get(p, p), "values": [
            {"value": v, "indicators": inds} for v, inds in cells.items()]}
            for p, cells in pillars.items()],
    }


def make_benchmark(document: dict | Sequence[str] = ("AC/A/1", "AC/A/2", "AC/I/3"), **kwargs):
    """A benchmark imported from a document (or from indicator codes); the same document
    imported twice gives the same row."""
    from citypeer.benchmarks.models import Benchmark

    data = document if isinstance(document, dict) else matrix_document(document, **kwargs)
    found = Benchmark.objects.filter(slug=data["slug"], version=data["version"]).first()
    if found is not None:
        return found
    assert validate_document(data) == []
    return import_benchmark(document=document_from_dict(data))


def make_city(slug: str, *, name: str = "", country: str = "EU", languages=()):
    from citypeer.network.models import City

    city, _ = City.objects.get_or_create(slug=slug, defaults={
        "name": name or slug.title(), "country": country})
    if languages and hasattr(city, "languages"):
        city.languages = list(languages)
        city.save()
    return city


def make_person(username: str, *, roles: Iterable[str] = (), city=None, initials: str = "",
                languages: Iterable[str] = (), name: str = "", password: str | None = None):
    """A person; without `password` the password is unusable, since hashing one costs the
    suite seconds and tests log in with force_login."""
    from citypeer.people.models import User

    user = User(username=username, name=name or username.split("_")[0].title(), city=city,
                initials=initials, **{f"is_{r}": True for r in roles})
    if languages:
        user.languages = list(languages)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    return user


def make_review(benchmark, *, host: str = "helsinki", slug: str = "inti-cities-2008",
                cities: Iterable[str] = ()):
    """A programme on `benchmark` with its participating cities and one review of `host`."""
    from citypeer.programmes.models import Programme, Review

    programme = Programme.objects.filter(slug=slug).first() or Programme.objects.create(
        slug=slug, name=slug.upper(), benchmark=benchmark)
    participating = [make_city(c) for c in (host, *cities)]
    programme.cities.add(*participating)
    return Review.objects.create(programme=programme, city=participating[0])


def make_team(review, *, peers: Sequence = (), experts: Sequence = (), leader=None):
    from citypeer.teams.models import Team, TeamMember

    team = Team.objects.create(review=review, leader=leader)
    for person in peers:
        TeamMember.objects.create(team=team, person=person, role=TeamMember.Role.PEER)
    for person in experts:
        TeamMember.objects.create(team=team, person=person, role=TeamMember.Role.EXPERT)
    return team


def make_visit(review, *, starts_on: dt.date | None = dt.date(2008, 3, 10)):
    from citypeer.visits.models import Visit

    return Visit.objects.create(review=review, starts_on=starts_on)


def make_interviewee(visit, name: str, *, category: str = "municipality_staff",
                     indicators: Iterable = (), **fields):
    from citypeer.visits.models import Interviewee

    person = Interviewee.objects.create(visit=visit, name=name, category=category, **fields)
    if indicators:
        person.indicators.set(list(indicators))
    return person


def make_interview(visit, number: int, *, interviewee, peers: Sequence, day: int = 1,
                   start: dt.time = dt.time(9, 0), **fields):
    from citypeer.visits.models import Interview

    first, second = peers
    return Interview.objects.create(visit=visit, number=number, interviewee=interviewee,
                                    day=day, start=start, peer_a=first, peer_b=second, **fields)


def indicators_of(benchmark) -> dict:
    from citypeer.benchmarks.models import Indicator

    return {i.code: i for i in Indicator.objects.filter(benchmark=benchmark).order_by("position")}
