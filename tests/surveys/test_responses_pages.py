"""A city's answers in the pages, per role: the coordinator, the city's officer, another
city's officer, whoever holds the personal link, and a visitor without either."""

import pytest
from django.core import mail

from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.invitations import send_invitations
from citypeer.surveys.domain.responses import answers_of, response_of, submit_response
from citypeer.surveys.models import CityResponse
from tests.surveys.conftest import link_with_token

URL = "/surveys/2026/responses/lyon/"


@pytest.fixture
def invited(world):
    """The survey sent to Lyon and Milan."""
    send_invitations(survey=world.survey)
    mail.outbox.clear()
    return world


@pytest.fixture
def holder(client, world):
    """A client that opened Lyon's personal link (no account)."""
    _response, token = link_with_token(world.survey, world.cities["lyon"])
    opened = client.get(f"/surveys/link/{token}/")
    assert (opened.status_code, opened["Location"]) == (302, URL)
    return client


def post(client, data, *, edit_count=0, url=URL):
    return client.post(url, {"edit_count": edit_count, "your_name": "Someone", **data})


@pytest.mark.parametrize(("who", "status", "form"), [
    ("coordinator", 200, False), ("claire", 200, True), ("marco", 403, False),
    ("peer", 403, False), (None, 403, False)])
def test_who_opens_a_citys_answers(invited, world, as_user, who, status, form):
    response = as_user(world[who] if who else None).get(URL)

    assert response.status_code == status
    assert (b"Submit the city" in response.content) == form


def test_the_personal_link_opens_the_answers_without_an_account(holder):
    response = holder.get(URL)

    assert response.status_code == 200
    assert b"Submit the city" in response.content
    assert b"personal link" in response.content


def test_a_link_that_no_longer_works_opens_nothing(client, world):
    response, token = link_with_token(world.survey, world.cities["lyon"])
    link_with_token(world.survey, world.cities["lyon"])  # a new link replaces it

    assert client.get(f"/surveys/link/{token}/").status_code == 404
    assert client.get(URL).status_code == 403


def test_the_session_of_a_replaced_link_loses_access(holder, world):
    link_with_token(world.survey, world.cities["lyon"])

    assert holder.get(URL).status_code == 403


def test_a_link_holder_saves_a_draft_and_the_officer_sees_it(holder, world, as_user):
    saved = post(holder, {"answer-council": "yes", "answer-members": "14"})

    assert saved.status_code == 302
    response = CityResponse.objects.get(survey=world.survey, city__slug="lyon")
    assert answers_of(response, definition_of(world.survey)) == {"council": "yes",
                                                                 "members": 14}
    assert response.saved_by_name == "Someone"
    page = as_user(world["claire"]).get(URL)
    assert b'value="14"' in page.content


def test_a_save_from_an_older_edit_shows_both_versions_and_saves_nothing(world, as_user):
    client = as_user(world["claire"])
    post(client, {"answer-council": "yes"})

    refused = post(client, {"answer-council": "no"}, edit_count=0)

    assert refused.status_code == 409
    assert b'data-testid="edit-conflict"' in refused.content
    response = CityResponse.objects.get(survey=world.survey, city__slug="lyon")
    assert answers_of(response, definition_of(world.survey)) == {"council": "yes"}


def test_a_submission_with_problems_names_each_question_and_keeps_the_input(world, as_user):
    client = as_user(world["claire"])

    refused = client.post(URL, {"edit_count": 0, "your_name": "Claire", "submit": "1",
                                "answer-council": "yes", "answer-members": "900",
                                "answer-influence": "3"})

    assert refused.status_code == 400
    text = refused.content.decode()
    assert "How many members has it?</a>: 900 is above the highest answer accepted, 200" in text
    assert 'value="900"' in text
    assert CityResponse.objects.get(survey=world.survey, city__slug="lyon").edit_count == 0


def test_a_submission_closes_the_answers_to_everyone_but_the_coordinator(world, as_user):
    client = as_user(world["claire"])

    done = client.post(URL, {"edit_count": 0, "your_name": "Claire", "submit": "1",
                             "answer-council": "no", "answer-channels": ["web", "radio"],
                             "answer-stations": "Radio Canut"})

    assert done.status_code == 302
    page = client.get(URL)
    assert b"Submit the city" not in page.content
    assert b"Radio Canut" in page.content
    assert post(client, {"answer-council": "yes"}, edit_count=1).status_code == 403
    coordinator = as_user(world["coordinator"])
    assert b"Reopen for a correction" in coordinator.get(URL).content
    assert coordinator.post(URL + "reopen/", {"edit_count": 1}).status_code == 302
    assert CityResponse.objects.get(survey=world.survey, city__slug="lyon").submitted_at is None


def test_the_coordinator_cannot_change_a_citys_answers(invited, world, as_user):
    assert post(as_user(world["coordinator"]), {"answer-council": "yes"}).status_code == 403


def test_an_officer_of_a_signatory_opens_the_survey_before_any_invitation(world, as_user):
    page = as_user(world["marco"]).get("/surveys/2026/responses/milan/")

    assert page.status_code == 200
    assert CityResponse.objects.filter(survey=world.survey, city__slug="milan").exists()


def test_an_officer_of_a_city_that_did_not_sign_has_no_response(world, as_user):
    assert as_user(world["olaf"]).get("/surveys/2026/responses/oslo/").status_code == 404


def test_the_index_lists_the_officers_city_and_its_status(world, as_user):
    response = response_of(world.survey, world.cities["lyon"])
    submit_response(response=response, answers={"council": "no"}, edit_count=0,
                    by_name="Claire")

    page = as_user(world["claire"]).get("/surveys/")

    assert page.status_code == 200
    assert b"Your city's answers (Lyon)" in page.content
    assert "✓ submitted".encode() in page.content
