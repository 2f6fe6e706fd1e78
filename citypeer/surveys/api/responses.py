"""A city's answers: surveys/<year>/responses/<city>/ for the city's officers and the
coordinator, survey-links/<token>/ for whoever holds the city's personal link (no account)."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import edit_count_from
from citypeer.common.lookup import require
from citypeer.surveys.api.common import EDIT, PROBLEMS, READ, TAG
from citypeer.surveys.domain import links
from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.lookup import get_response, get_survey
from citypeer.surveys.domain.responses import answers_of, save_draft, submit_response
from citypeer.surveys.interfaces import serializers
from citypeer.surveys.method.answers import visible_codes


def _data(response) -> dict:
    definition = definition_of(response.survey)
    answers = answers_of(response, definition)
    return serializers.ResponseSerializer(response, context={
        "definition": definition, "answers": answers,
        "shown": visible_codes(definition, answers)}).data


def _save(request, response, *, submission: bool):
    started_from = edit_count_from(request)
    data = serializers.AnswersSerializer(data=request.data)
    data.is_valid(raise_exception=True)
    name = data.validated_data["your_name"] or (
        str(request.user) if request.user.is_authenticated else "")
    if submission:
        require(request.user, "surveys.submit_response", response,
                reason=_("These answers can no longer be submitted."))
        saved = submit_response(response=response, answers=data.validated_data["answers"],
                                edit_count=started_from, by_name=name, by_user=request.user)
    else:
        require(request.user, "surveys.change_response", response,
                reason=_("These answers can no longer be changed."))
        saved = save_draft(response=response, answers=data.validated_data["answers"],
                           edit_count=started_from, by_name=name)
    return Response(_data(saved))


def _by_account(request, year, city):
    return get_response(get_survey(year), city, user=request.user)


def _by_link(token):
    response = links.response_for_token(token)
    if response is None:
        raise Http404(_("This link does not open a survey."))
    return response


class ResponseDetail(APIView):
    @extend_schema(tags=TAG, operation_id="survey_responses_read",
                   responses={200: serializers.ResponseSerializer, **READ})
    def get(self, request, year, city):
        return Response(_data(_by_account(request, year, city)))

    @extend_schema(tags=TAG, operation_id="survey_responses_save",
                   request=serializers.AnswersSerializer,
                   responses={200: serializers.ResponseSerializer, **EDIT, 400: PROBLEMS},
                   description="Save a draft: every answer well formed, none required yet.")
    def put(self, request, year, city):
        return _save(request, _by_account(request, year, city), submission=False)


class ResponseSubmission(APIView):
    @extend_schema(tags=TAG, operation_id="survey_responses_submit",
                   request=serializers.AnswersSerializer,
                   responses={200: serializers.ResponseSerializer, **EDIT, 400: PROBLEMS},
                   description="Save and submit: every required question that is shown "
                               "answered, every answer in range; `problems` names each "
                               "question to mend, and nothing is written.")
    def post(self, request, year, city):
        return _save(request, _by_account(request, year, city), submission=True)


class LinkResponse(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(tags=TAG, operation_id="survey_links_read", auth=[],
                   responses={200: serializers.ResponseSerializer, 404: READ[404]})
    def get(self, request, token):
        return Response(_data(_by_link(token)))

    @extend_schema(tags=TAG, operation_id="survey_links_save", auth=[],
                   request=serializers.AnswersSerializer,
                   responses={200: serializers.ResponseSerializer, **EDIT, 400: PROBLEMS})
    def put(self, request, token):
        return _save(request, _by_link(token), submission=False)


class LinkSubmission(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(tags=TAG, operation_id="survey_links_submit", auth=[],
                   request=serializers.AnswersSerializer,
                   responses={200: serializers.ResponseSerializer, **EDIT, 400: PROBLEMS})
    def post(self, request, token):
        return _save(request, _by_link(token), submission=True)
