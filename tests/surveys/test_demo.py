"""The survey's demo: two years, loaded idempotently, dated from the day it is loaded."""

import datetime as dt

from citypeer.surveys.demo import load_survey_demo
from citypeer.surveys.models import Answer, CharterSurvey, CityResponse, Signatory
from tests.factories import make_city


def counts():
    return (Signatory.objects.count(), CharterSurvey.objects.count(),
            CityResponse.objects.count(), Answer.objects.count())


def test_two_years_of_the_survey_with_invented_answers(toolkit):
    for slug in ("helsinki", "lyon", "milan", "genoa", "tampere", "utrecht", "amaroussion"):
        make_city(slug)
    today = dt.date(2026, 3, 10)

    load_survey_demo(today=today)

    last, this = CharterSurvey.objects.order_by("year")
    assert (last.year, last.state, last.publication) == (2025, "closed", "per_city")
    assert (this.year, this.state, this.copied_from) == (2026, "open", last)
    assert this.deadline == today + dt.timedelta(days=21)
    assert last.questions.count() == this.questions.count() == 15
    assert Signatory.objects.filter(withdrawn=True).count() == 1
    statuses = sorted(r.status for r in CityResponse.objects.filter(survey=this))
    assert set(statuses) == {"submitted", "draft", "invited"}
    assert CityResponse.objects.filter(survey=last, submitted_at__isnull=False).count() >= 5
    assert all(r.submitted_at.date() < today for r in CityResponse.objects.filter(
        survey=last, submitted_at__isnull=False))


def test_loading_again_changes_nothing(toolkit):
    make_city("lyon")
    load_survey_demo(today=dt.date(2026, 3, 10))
    first = counts()

    load_survey_demo(today=dt.date(2026, 3, 10))

    assert counts() == first
