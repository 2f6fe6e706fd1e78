"""Demo data of the Charter survey: the signatory cities (the demo's twelve and three invented
ones), last year's survey closed and published with each city's answers, and this year's,
started from it, open with some cities done, some drafting and some not started.

Every contact and every answer is invented. Dates count from the day the demo is loaded.
Loading again changes nothing that is there.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.surveys.domain import links
from citypeer.surveys.domain.definitions import definition_of, write_definition
from citypeer.surveys.domain.responses import response_of, save_draft, submit_response
from citypeer.surveys.domain.surveys import (
    benchmark_questions,
    close_survey,
    create_survey,
    open_survey,
    publish_results,
)
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

TOOLKIT = ("integrating-cities-participation-2014", 1)
INVENTED_CITIES = [("valmora", "Valmora", "ES", ["es", "en"]),
                   ("kestrelburg", "Kestrelburg", "DE", ["de", "en"]),
                   ("aurelia-nova", "Aurelia Nova", "IT", ["it", "en"])]
# city slug, the year it signed, contact, contact's language
SIGNATORIES = [
    ("helsinki", 2010, "Helmi Saarinen", "fi"), ("rotterdam", 2010, "Joost van Leer", "nl"),
    ("malmo", 2011, "Linnea Ek", "en"), ("genoa", 2010, "Chiara Ansaldo", "it"),
    ("dusseldorf", 2012, "Katrin Vogt", "de"), ("lyon", 2010, "Mathilde Garnier", "fr"),
    ("amaroussion", 2014, "Nikos Pappas", "en"), ("barcelona", 2011, "Laia Puig", "en"),
    ("belfast", 2013, "Ciara Quinn", "en"), ("milan", 2010, "Davide Colombo", "it"),
    ("tampere", 2012, "Veera Niemi", "fi"), ("utrecht", 2011, "Sanne de Wit", "nl"),
    ("valmora", 2016, "Rocío Alvar", "en"), ("kestrelburg", 2018, "Till Anders", "de"),
    ("aurelia-nova", 2019, "Bianca Serra", "it"),
]
WITHDRAWN = {"amaroussion"}
YES_NO = (ChoiceSpec("yes", "Yes"), ChoiceSpec("no", "No"))
OWN_QUESTIONS = (
    QuestionSpec("advisory_council", SINGLE, "Does the city have a migrant advisory council "
                 "or a similar consultative body?", section="The city's own questions",
                 required=True, choice_list="yes_no", choices=YES_NO),
    QuestionSpec("council_members", NUMBER, "How many members has the council?",
                 section="The city's own questions", whole=True, required=True,
                 minimum=Decimal(1), maximum=Decimal(200),
                 condition=Condition("advisory_council", EQUALS, "yes")),
    QuestionSpec("council_influence", SCALE, "How far do the council's opinions shape the "
                 "city's decisions?", section="The city's own questions",
                 minimum=Decimal(1), maximum=Decimal(5), low_label="not at all",
                 high_label="decisively", condition=Condition("advisory_council", EQUALS, "yes")),
    QuestionSpec("channels", MULTIPLE, "How does the city tell residents about the ways "
                 "to take part?", section="The city's own questions", required=True,
                 choice_list="channels", choices=(
                     ChoiceSpec("website", "Website"), ChoiceSpec("social_media", "Social media"),
                     ChoiceSpec("community_radio", "Community radio"),
                     ChoiceSpec("leaflets", "Leaflets in several languages"),
                     ChoiceSpec("meetings", "Neighbourhood meetings"))),
    QuestionSpec("radio_languages", NUMBER, "In how many languages does the community radio "
                 "broadcast the city's information?", section="The city's own questions",
                 whole=True, minimum=Decimal(1), maximum=Decimal(40),
                 condition=Condition("channels", INCLUDES, "community_radio")),
    QuestionSpec("participation_budget", NUMBER, "What did the city spend on supporting "
                 "participation last year, in euros?", section="The city's own questions",
                 minimum=Decimal(0)),
    QuestionSpec("main_change", TEXT, "What changed most in the past year, and why?",
                 section="The city's own questions"),
)
STATUSES = ("achieved", "in_progress", "aspiration", "not_applicable")
CHANGES = ["A new participation office in two districts.",
           "The advisory council now answers every draft strategy.",
           "Grants for migrant associations doubled.",
           "Translated leaflets reach the new arrivals.", ""]


def load_survey_demo(*, today: dt.date | None = None) -> None:
    """The demo's signatories and two years of the survey; nothing is changed when they are
    there already."""
    today = today or timezone.localdate()
    toolkit = Benchmark.objects.filter(slug=TOOLKIT[0], version=TOOLKIT[1]).first()
    with transaction.atomic():
        cities = _signatories()
        if CharterSurvey.objects.filter(year__in=[today.year - 1, today.year]).exists():
            return
        last = _last_year(today, toolkit, cities)
        _this_year(today, last, cities)


def _signatories() -> list[City]:
    for slug, name, country, languages in INVENTED_CITIES:
        City.objects.get_or_create(slug=slug, defaults={
            "name": name, "country": country, "languages": languages})
    cities = {c.slug: c for c in City.objects.filter(slug__in=[s[0] for s in SIGNATORIES])}
    for slug, year, contact, language in SIGNATORIES:
        if slug not in cities:
            continue
        Signatory.objects.get_or_create(city=cities[slug], defaults={
            "signed_on": dt.date(year, 3, 1 + len(slug) % 27), "contact_name": contact,
            "contact_email": f"{contact.split()[0].lower()}.{slug}@example.org",
            "contact_language": language, "withdrawn": slug in WITHDRAWN})
    return [cities[s[0]] for s in SIGNATORIES if s[0] in cities and s[0] not in WITHDRAWN]


def _definition(title: str, toolkit) -> SurveyDefinition:
    made = benchmark_questions(toolkit) if toolkit else []
    return SurveyDefinition(title=title, questions=(*made, *OWN_QUESTIONS))


def _answers(definition: SurveyDefinition, city: City, year: int, progress: float) -> dict:
    """Invented answers: cities move towards achieved over the years, some more than others."""
    pick = random.Random(f"{city.slug}-{year}")
    answers: dict[str, object] = {}
    for q in definition.questions:
        if q.kind == SINGLE and q.choice_list == "status":
            weights = (0.2 + progress, 0.45, 0.3 - progress / 2, 0.05)
            answers[q.code] = pick.choices(STATUSES, weights=weights)[0]
        elif q.code == "advisory_council":
            answers[q.code] = "yes" if pick.random() < 0.55 + progress else "no"
        elif q.code == "council_members":
            answers[q.code] = str(pick.randint(9, 45))
        elif q.code == "council_influence":
            answers[q.code] = str(min(5, pick.randint(1, 4) + (progress > 0.1)))
        elif q.code == "channels":
            answers[q.code] = [c.value for c in q.choices if pick.random() < 0.5] or ["website"]
        elif q.code == "radio_languages":
            answers[q.code] = str(pick.randint(2, 12))
        elif q.code == "participation_budget":
            answers[q.code] = str(pick.randrange(40_000, 900_000, 5_000))
        elif q.code == "main_change":
            answers[q.code] = pick.choice(CHANGES)
    return answers


def _last_year(today: dt.date, toolkit, cities: list[City]) -> CharterSurvey:
    year = today.year - 1
    deadline = today - dt.timedelta(days=300)
    survey = create_survey(year=year, title=f"Integrating Cities survey {year}",
                           deadline=deadline, benchmarks=[toolkit] if toolkit else [])
    write_definition(survey=survey, definition=_definition(survey.title, toolkit))
    survey = open_survey(survey=survey, today=deadline - dt.timedelta(days=45))
    definition = _definition(survey.title, toolkit)
    for index, city in enumerate(cities):
        response = _invited(survey, city, when=deadline - dt.timedelta(days=44))
        if index % 7 == 6:
            continue  # two cities never answered
        submit_response(response=response, answers=_answers(definition, city, year, 0.0),
                        edit_count=response.edit_count, by_name=_contact(city),
                        definition=definition)
    _backdate(survey, submitted=deadline - dt.timedelta(days=5))
    survey = close_survey(survey=survey)
    survey = publish_results(survey=survey, publication=CharterSurvey.Publication.PER_CITY)
    CharterSurvey.objects.filter(pk=survey.pk).update(
        opened_at=_moment(deadline - dt.timedelta(days=45)),
        closed_at=_moment(deadline + dt.timedelta(days=3)),
        published_at=_moment(deadline + dt.timedelta(days=20)))
    return survey


def _this_year(today: dt.date, last: CharterSurvey, cities: list[City]) -> None:
    year = today.year
    survey = create_survey(year=year, title=f"Integrating Cities survey {year}",
                           deadline=today + dt.timedelta(days=21), copy_from=last)
    survey = open_survey(survey=survey, today=today)
    definition = definition_of(survey)
    for index, city in enumerate(cities):
        response = _invited(survey, city, when=today - dt.timedelta(days=14))
        if city.slug == "helsinki":
            continue  # left for the demo's officer of Helsinki to answer
        answers = _answers(definition, city, year, 0.2)
        if index % 3 == 0:
            submit_response(response=response, answers=answers, edit_count=response.edit_count,
                            by_name=_contact(city), definition=definition)
        elif index % 3 == 1:
            save_draft(response=response, answers=dict(list(answers.items())[:5]),
                       edit_count=response.edit_count, by_name=_contact(city),
                       definition=definition)
    _backdate(survey, submitted=today - dt.timedelta(days=3))


def _invited(survey, city, *, when: dt.date) -> CityResponse:
    """A response invited on `when`, with a link that was never mailed (no e-mail leaves the
    demo); the coordinator sends real ones from the survey's page."""
    response = response_of(survey, city)
    links.issue_token(response)
    response.invited_at = _moment(when)
    response.invited_email = Signatory.objects.get(city=city).contact_email
    response.save(update_fields=["token_digest", "invited_at", "invited_email"])
    return response


def _backdate(survey, *, submitted: dt.date) -> None:
    CityResponse.objects.filter(survey=survey, submitted_at__isnull=False).update(
        submitted_at=_moment(submitted), saved_at=_moment(submitted))
    CityResponse.objects.filter(survey=survey, submitted_at__isnull=True,
                                saved_at__isnull=False).update(saved_at=_moment(submitted))


def _moment(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _contact(city: City) -> str:
    return Signatory.objects.get(city=city).contact_name
