"""Sending the survey with personal links, and reminding before the deadline."""

import datetime as dt

import pytest
from django.core import mail

from citypeer.surveys.domain import links
from citypeer.surveys.domain.invitations import send_invitations, send_reminders
from citypeer.surveys.domain.refusals import SurveyRefused
from citypeer.surveys.domain.responses import response_of, submit_response
from citypeer.surveys.models import CityResponse
from tests.surveys.conftest import make_survey, tokens_in_outbox


def test_each_signatory_that_has_not_withdrawn_gets_its_own_link(world):
    outcome = send_invitations(survey=world.survey)

    assert outcome.sent == ["Lyon", "Milan"]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "contact@lyon.example.org", "contact@milan.example.org"]
    tokens = tokens_in_outbox()
    lyon = links.response_for_token(tokens["contact@lyon.example.org"])
    assert (lyon.city.slug, lyon.survey, lyon.opened_with_link) == ("lyon", world.survey, True)
    assert tokens["contact@lyon.example.org"] not in lyon.token_digest
    assert lyon.token_digest == links.digest(tokens["contact@lyon.example.org"])
    assert "Contact of Lyon" in mail.outbox[0].body


def test_sending_again_skips_the_invited_and_a_new_link_replaces_the_old(world):
    send_invitations(survey=world.survey)
    old = tokens_in_outbox()["contact@lyon.example.org"]
    mail.outbox.clear()

    again = send_invitations(survey=world.survey)
    renewed = send_invitations(survey=world.survey, cities=[world.cities["lyon"]], again=True)

    assert (again.sent, [city for city, _why in again.skipped]) == ([], ["Lyon", "Milan"])
    assert renewed.sent == ["Lyon"]
    new = tokens_in_outbox()["contact@lyon.example.org"]
    assert links.response_for_token(old) is None
    assert links.response_for_token(new).city.slug == "lyon"


def test_the_invitation_is_in_the_contacts_language(world):
    world.signatories["milan"].contact_language = "it"
    world.signatories["milan"].save()
    from django.utils import translation

    with translation.override("en"):
        send_invitations(survey=world.survey)

    assert {m.to[0] for m in mail.outbox} == {"contact@lyon.example.org",
                                             "contact@milan.example.org"}


def test_a_draft_survey_is_not_sent(db):
    survey = make_survey(2030, open_it=False)

    with pytest.raises(SurveyRefused, match="Open the survey"):
        send_invitations(survey=survey)


def test_reminders_go_before_the_deadline_to_those_who_have_not_submitted(world):
    send_invitations(survey=world.survey)
    milan = response_of(world.survey, world.cities["milan"])
    submit_response(response=milan, answers={"council": "no"}, edit_count=milan.edit_count,
                    by_name="Marco")
    mail.outbox.clear()
    deadline = world.survey.deadline

    assert send_reminders(today=deadline - dt.timedelta(days=10)) == 0
    assert send_reminders(today=deadline - dt.timedelta(days=5)) == 1
    assert send_reminders(today=deadline - dt.timedelta(days=4)) == 0  # not again so soon
    assert send_reminders(today=deadline - dt.timedelta(days=1)) == 1
    assert send_reminders(today=deadline + dt.timedelta(days=1)) == 0

    assert [m.to for m in mail.outbox] == [["contact@lyon.example.org"]] * 2
    assert "in 5 days" in mail.outbox[0].body
    assert "/surveys/link/" not in mail.outbox[0].body
    reminded = CityResponse.objects.get(survey=world.survey, city__slug="lyon")
    assert reminded.last_reminded_on == deadline - dt.timedelta(days=1)
