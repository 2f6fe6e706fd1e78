"""Looking up what a page, an API call or a command is about, with the permission check:
404 for what does not exist, 403 (PermissionDenied) for what the user may not do."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from citypeer.benchmarks.domain.queries.benchmarks import benchmark_version
from citypeer.common.lookup import require
from citypeer.surveys.domain import links
from citypeer.surveys.domain.queries import cities_by_slug, response_for, survey_for_year
from citypeer.surveys.models import CharterSurvey, CityResponse, Question, Signatory


def get_survey(year, *, user=None, permission: str | None = None) -> CharterSurvey:
    survey = survey_for_year(year)
    if survey is None:
        raise Http404(_("There is no survey for this year."))
    if permission is not None:
        require(user, permission, survey,
                reason=_("Only the network coordinator may do this with the survey."))
    return survey


def get_response(survey: CharterSurvey, city: str, *, user, session=None,
                 permission: str = "surveys.view_response") -> CityResponse:
    """A city's response; `session` holds the personal links opened in it."""
    response = response_for(survey, city)
    if response is None:
        response = _response_of_officer(survey, city, user)
    if response is None:
        raise Http404(_("This city has no response to this survey."))
    links.mark_if_opened_with_link(session, response)
    require(user, permission, response,
            reason=_("Only the city's officers, whoever holds its personal link, and the "
                     "network coordinator see a city's answers."))
    return response


def _response_of_officer(survey, city, user):
    """An officer of a signatory city opens its response before any invitation."""
    if (survey.state != CharterSurvey.State.OPEN or not user.is_authenticated
            or not user.is_host_officer or user.city_id is None):
        return None
    signatory = Signatory.objects.filter(city__slug=city, city_id=user.city_id,
                                         withdrawn=False).select_related("city").first()
    if signatory is None:
        return None
    response, _created = CityResponse.objects.get_or_create(survey=survey, city=signatory.city)
    response.survey = survey
    return response


def get_question(survey: CharterSurvey, code: str) -> Question:
    question = (Question.objects.filter(survey=survey, code=code)
                .select_related("survey", "condition_on").prefetch_related("choices").first())
    if question is None:
        raise Http404(_("There is no question %(code)s in this survey.") % {"code": code})
    return question


def get_signatory(city: str) -> Signatory:
    signatory = Signatory.objects.filter(city__slug=city).select_related("city").first()
    if signatory is None:
        raise Http404(_("This city is not in the register."))
    return signatory


def get_city(slug: str):
    city = cities_by_slug([slug]).first()
    if city is None:
        raise Http404(_("There is no city %(city)s in the network.") % {"city": slug})
    return city


def get_benchmark(slug: str, version: int):
    found = benchmark_version(slug=slug, version=version)
    if found is None:
        raise Http404(_("There is no version %(version)s of the benchmark %(slug)s.") % {
            "version": version, "slug": slug})
    return found
