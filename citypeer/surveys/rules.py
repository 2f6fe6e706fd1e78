"""Who may do what with the Charter survey.

A city's answers are seen by that city (its host-city officers with an account, and whoever
holds the personal link sent to its contact) and by the coordinator; nobody else. The
coordinator keeps the register, defines the survey, sends it and publishes its results: not
at all, aggregated only, or with each city's answers. The public sees published results
only. The object is a `CityResponse` for answers and a `CharterSurvey` for results.
"""

import rules

from citypeer.people.rules import is_coordinator
from citypeer.surveys.models import CharterSurvey

PUBLISHED = (CharterSurvey.Publication.AGGREGATED, CharterSurvey.Publication.PER_CITY)


@rules.predicate
def is_officer_of_the_city(user, response) -> bool:
    """A host-city officer of the city that answers."""
    return bool(response is not None and user.is_authenticated and user.is_host_officer
                and user.city_id is not None and user.city_id == response.city_id)


@rules.predicate
def holds_the_personal_link(user, response) -> bool:
    """The response was opened with its personal link in this session. Only
    `surveys.domain.links` marks a response so, after comparing the link's digest."""
    return bool(response is not None and getattr(response, "opened_with_link", False))


@rules.predicate
def survey_is_open(user, response) -> bool:
    return response is not None and response.survey.state == CharterSurvey.State.OPEN


@rules.predicate
def is_submitted(user, response) -> bool:
    return response is not None and response.submitted_at is not None


@rules.predicate
def results_are_published(user, survey) -> bool:
    return survey is not None and survey.publication in PUBLISHED


@rules.predicate
def answers_are_published(user, survey) -> bool:
    return survey is not None and survey.publication == CharterSurvey.Publication.PER_CITY


answers_the_survey = is_officer_of_the_city | holds_the_personal_link

rules.add_perm("surveys.manage_signatories", is_coordinator)
rules.add_perm("surveys.manage_survey", is_coordinator)
rules.add_perm("surveys.view_progress", is_coordinator)
rules.add_perm("surveys.view_response", is_coordinator | answers_the_survey)
rules.add_perm("surveys.change_response", answers_the_survey & survey_is_open & ~is_submitted)
rules.add_perm("surveys.submit_response", answers_the_survey & survey_is_open & ~is_submitted)
rules.add_perm("surveys.reopen_response", is_coordinator & survey_is_open & is_submitted)
rules.add_perm("surveys.view_results", is_coordinator | results_are_published)
rules.add_perm("surveys.view_city_answers", is_coordinator | answers_are_published)
