"""Every permission of the survey for every role, on the objects it is about."""

import pytest
from django.contrib.auth.models import AnonymousUser

from citypeer.surveys.domain import links
from citypeer.surveys.domain.responses import response_of, submit_response
from citypeer.surveys.domain.surveys import close_survey, publish_results
from citypeer.surveys.models import CharterSurvey

ROLES = ("coordinator", "claire", "marco", "peer", "holder", "anonymous")


def person(world, role):
    return AnonymousUser() if role in ("holder", "anonymous") else world[role]


def lyon(world, role, survey=None):
    response = response_of(survey or world.survey, world.cities["lyon"])
    if role == "holder":
        links.issue_token(response)
        response.save()
        session = {}
        links.remember(session, response)
        links.mark_if_opened_with_link(session, response)
    return response


def allowed(world, permission, obj_for):
    return {role for role in ROLES
            if person(world, role).has_perm(permission, obj_for(role))}


def test_a_citys_answers_are_seen_by_the_city_its_link_and_the_coordinator(world):
    assert allowed(world, "surveys.view_response", lambda r: lyon(world, r)) == {
        "coordinator", "claire", "holder"}


def test_only_the_city_changes_and_submits_its_answers_while_the_survey_is_open(world):
    for permission in ("surveys.change_response", "surveys.submit_response"):
        assert allowed(world, permission, lambda r: lyon(world, r)) == {"claire", "holder"}
    response = response_of(world.survey, world.cities["lyon"])
    submit_response(response=response, answers={"council": "no"}, edit_count=0, by_name="C")
    assert allowed(world, "surveys.change_response", lambda r: lyon(world, r)) == set()
    assert allowed(world, "surveys.reopen_response", lambda r: lyon(world, r)) == {
        "coordinator"}
    closed = close_survey(survey=world.survey)
    assert allowed(world, "surveys.reopen_response", lambda r: lyon(world, r, closed)) == set()


def test_a_closed_survey_takes_no_more_answers(world):
    closed = close_survey(survey=world.survey)

    assert allowed(world, "surveys.change_response", lambda r: lyon(world, r, closed)) == set()
    assert allowed(world, "surveys.view_response", lambda r: lyon(world, r, closed)) == {
        "coordinator", "claire", "holder"}


@pytest.mark.parametrize(("publication", "results", "answers"), [
    (CharterSurvey.Publication.UNPUBLISHED, {"coordinator"}, {"coordinator"}),
    (CharterSurvey.Publication.AGGREGATED, set(ROLES), {"coordinator"}),
    (CharterSurvey.Publication.PER_CITY, set(ROLES), set(ROLES)),
])
def test_results_are_seen_as_the_coordinator_publishes_them(world, publication, results,
                                                            answers):
    survey = publish_results(survey=close_survey(survey=world.survey), publication=publication)

    assert allowed(world, "surveys.view_results", lambda r: survey) == results
    assert allowed(world, "surveys.view_city_answers", lambda r: survey) == answers


@pytest.mark.parametrize("permission", ["surveys.manage_survey", "surveys.manage_signatories",
                                        "surveys.view_progress"])
def test_the_coordinator_alone_keeps_the_register_and_the_survey(world, permission):
    assert allowed(world, permission, lambda r: world.survey) == {"coordinator"}
