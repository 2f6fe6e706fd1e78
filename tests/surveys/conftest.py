"""A small network for the Charter survey: Lyon and Milan signed the Charter (Genoa too, but
withdrew), Oslo did not; the coordinator, an officer of Lyon, an officer of Milan, a peer;
and the survey of 2026, open, with a question of each kind and two conditions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.core import mail

from citypeer.surveys.domain.links import issue_token
from citypeer.surveys.domain.surveys import create_survey, open_survey
from citypeer.surveys.method.definition import (
    EQUALS,
    INCLUDES,
    MULTIPLE,
    NUMBER,
    SCALE,
    SINGLE,
    TEXT,
    ChoiceSpec,
    Condition,
    QuestionSpec,
    SurveyDefinition,
)
from citypeer.surveys.models import CharterSurvey, CityResponse, Signatory
from tests.factories import make_city, make_person

TODAY = dt.date(2026, 3, 2)
YES_NO = (ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No"))
QUESTIONS = (
    QuestionSpec("council", SINGLE, "Does the city have a migrant advisory council?",
                 required=True, choice_list="yes_no", choices=YES_NO),
    QuestionSpec("members", NUMBER, "How many members has it?", whole=True, required=True,
                 minimum=Decimal(1), maximum=Decimal(200),
                 condition=Condition("council", EQUALS, "yes")),
    QuestionSpec("influence", SCALE, "How much does the council influence decisions?",
                 minimum=Decimal(1), maximum=Decimal(5), low_label="not at all",
                 high_label="decisively"),
    QuestionSpec("channels", MULTIPLE, "How does the city inform residents?",
                 choice_list="channels", choices=(
                     ChoiceSpec("web", "Website"), ChoiceSpec("radio", "Radio"),
                     ChoiceSpec("print", "Leaflets"))),
    QuestionSpec("stations", TEXT, "Which radio stations?",
                 condition=Condition("channels", INCLUDES, "radio")),
)


def make_survey(year=2026, *, questions=QUESTIONS, open_it=True, deadline=None):
    from citypeer.surveys.domain.definitions import write_definition

    survey = create_survey(year=year, title=f"Integrating Cities survey {year}",
                           deadline=deadline or dt.date(year, 4, 30))
    write_definition(survey=survey, definition=SurveyDefinition(
        title=survey.title, questions=tuple(questions)))
    if open_it:
        survey = open_survey(survey=survey, today=dt.date(year, 1, 1))
    return CharterSurvey.objects.get(pk=survey.pk)


def make_signatory(city, *, email="", withdrawn=False, language="en"):
    return Signatory.objects.create(
        city=city, signed_on=dt.date(2010, 5, 1), contact_name=f"Contact of {city.name}",
        contact_email=email or f"contact@{city.slug}.example.org", contact_language=language,
        withdrawn=withdrawn)


def link_with_token(survey, city) -> tuple[CityResponse, str]:
    response, _ = CityResponse.objects.get_or_create(survey=survey, city=city)
    token = issue_token(response)
    response.save()
    return response, token


def tokens_in_outbox() -> dict[str, str]:
    """e-mail address -> the token of the personal link it was sent."""
    return {m.to[0]: re.search(r"/surveys/link/([^/\s]+)/", m.body).group(1)
            for m in mail.outbox if "/surveys/link/" in m.body}


@dataclass
class World:
    survey: CharterSurvey
    cities: dict
    people: dict = field(default_factory=dict)
    signatories: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.people[name]


@pytest.fixture
def world(db):
    cities = {slug: make_city(slug, name=name, country=country) for slug, name, country in [
        ("lyon", "Lyon", "FR"), ("milan", "Milan", "IT"), ("genoa", "Genoa", "IT"),
        ("oslo", "Oslo", "NO")]}
    people = {
        "coordinator": make_person("coordinator", roles=["coordinator"], name="Noor"),
        "claire": make_person("claire", roles=["host_officer"], city=cities["lyon"],
                              name="Claire Morel"),
        "marco": make_person("marco", roles=["host_officer"], city=cities["milan"],
                             name="Marco Brambilla"),
        "olaf": make_person("olaf", roles=["host_officer"], city=cities["oslo"], name="Olaf"),
        "peer": make_person("peer", roles=["peer"], city=cities["milan"], name="Pia Peer"),
    }
    signatories = {slug: make_signatory(cities[slug]) for slug in ("lyon", "milan")}
    signatories["genoa"] = make_signatory(cities["genoa"], withdrawn=True)
    return World(make_survey(), cities, people, signatories)


@pytest.fixture
def as_user(client):
    """as_user(person) logs the test client in as that person (None: anonymous)."""

    def log_in(person):
        client.logout()
        if person is not None:
            client.force_login(person)
        return client

    return log_in
