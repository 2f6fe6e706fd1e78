"""surveys/, surveys/<year>/ and what the coordinator does with a year's survey: its
questions, state, publication, invitations, who has answered, its XLSForm."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import edit_count_from
from citypeer.common.lookup import require
from citypeer.common.uploads import XLSX, UploadRefused, check_upload
from citypeer.surveys.api.common import EDIT, PROBLEMS, READ, TAG, WRITE
from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.invitations import send_invitations
from citypeer.surveys.domain.lookup import get_benchmark, get_question, get_survey
from citypeer.surveys.domain.queries import (
    cities_by_slug,
    progress,
    surveys_with_counts,
)
from citypeer.surveys.domain.questions import add_question, delete_question, update_question
from citypeer.surveys.domain.refusals import SurveyRefused, UploadNotAccepted
from citypeer.surveys.domain.surveys import (
    close_survey,
    create_survey,
    open_survey,
    previous_survey,
    publish_results,
    reopen_survey,
    update_survey,
)
from citypeer.surveys.domain.xlsform import (
    CONTENT_TYPE,
    MAX_BYTES,
    export_xlsform,
    import_xlsform,
    xlsform_name,
)
from citypeer.surveys.interfaces import serializers
from citypeer.surveys.models import CharterSurvey

MANAGE = "surveys.manage_survey"


def _detail(survey) -> dict:
    survey = get_survey(survey.year)
    return serializers.SurveyDetailSerializer(
        survey, context={"definition": definition_of(survey)}).data


class SurveyList(APIView):
    @extend_schema(tags=TAG, operation_id="surveys_list",
                   responses={200: serializers.SurveySerializer(many=True)},
                   description="Every survey for the coordinator; the open and closed ones "
                               "for everyone else signed in.")
    def get(self, request):
        rows = surveys_with_counts(drafts=request.user.has_perm(MANAGE)).select_related(
            "copied_from").prefetch_related("benchmarks")
        return Response(serializers.SurveySerializer(rows, many=True).data)

    @extend_schema(tags=TAG, operation_id="surveys_create",
                   request=serializers.SurveyCreateSerializer,
                   responses={201: serializers.SurveyDetailSerializer, **WRITE})
    def post(self, request):
        require(request.user, MANAGE)
        data = serializers.SurveyCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        benchmarks = [get_benchmark(b["slug"], b["version"]) for b in fields.pop(
            "benchmarks")]
        copy_from = previous_survey(fields["year"]) if fields.pop("start_from_previous") \
            else None
        survey = create_survey(**fields, benchmarks=benchmarks, copy_from=copy_from)
        return Response(_detail(survey), status=201)


class SurveyDetail(APIView):
    @extend_schema(tags=TAG, operation_id="surveys_read",
                   responses={200: serializers.SurveyDetailSerializer, **READ})
    def get(self, request, year):
        survey = get_survey(year)
        if survey.state == CharterSurvey.State.DRAFT:
            require(request.user, MANAGE)
        return Response(_detail(survey))

    @extend_schema(tags=TAG, operation_id="surveys_update",
                   request=serializers.SurveyUpdateSerializer,
                   responses={200: serializers.SurveyDetailSerializer, **EDIT})
    def patch(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        started_from = edit_count_from(request)
        data = serializers.SurveyUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = {k: v for k, v in data.validated_data.items() if k != "edit_count"}
        return Response(_detail(update_survey(survey=survey, edit_count=started_from,
                                              **fields)))


class QuestionList(APIView):
    @extend_schema(tags=TAG, operation_id="survey_questions_create",
                   request=serializers.QuestionSerializer,
                   responses={201: serializers.QuestionSerializer, **WRITE, 400: PROBLEMS})
    def post(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        data = serializers.QuestionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = add_question(survey=survey, spec=serializers.spec_from(data.validated_data))
        spec = definition_of(survey).question(question.code)
        return Response(serializers.QuestionSerializer(spec).data, status=201)


class QuestionDetail(APIView):
    @extend_schema(tags=TAG, operation_id="survey_questions_update",
                   request=serializers.QuestionUpdateSerializer,
                   responses={200: serializers.QuestionSerializer, **EDIT, 400: PROBLEMS})
    def put(self, request, year, code):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        question = get_question(survey, code)
        started_from = edit_count_from(request)
        data = serializers.QuestionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        before = definition_of(survey).question(code)
        saved = update_question(question=question, edit_count=started_from,
                                spec=serializers.spec_from(data.validated_data, before=before))
        spec = definition_of(survey).question(saved.code)
        return Response(serializers.QuestionSerializer(spec).data)

    @extend_schema(tags=TAG, operation_id="survey_questions_delete", request=None,
                   responses={204: None, **EDIT})
    def delete(self, request, year, code):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        question = get_question(survey, code)
        delete_question(question=question, edit_count=edit_count_from(request))
        return Response(status=204)


class SurveyState(APIView):
    @extend_schema(tags=TAG, operation_id="surveys_state", request=serializers.StateSerializer,
                   responses={200: serializers.SurveyDetailSerializer, **WRITE},
                   description="draft → open (its questions are checked; the deadline must be "
                               "ahead), open → closed, closed → open (not while published).")
    def post(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        data = serializers.StateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        wanted = data.validated_data["state"]
        if wanted == CharterSurvey.State.OPEN and survey.state == CharterSurvey.State.CLOSED:
            survey = reopen_survey(survey=survey)
        elif wanted == CharterSurvey.State.OPEN:
            survey = open_survey(survey=survey, today=timezone.localdate())
        elif wanted == CharterSurvey.State.CLOSED:
            survey = close_survey(survey=survey)
        elif wanted != survey.state:
            raise SurveyRefused(_("A survey never goes back to draft."))
        return Response(_detail(survey))


class SurveyPublication(APIView):
    @extend_schema(tags=TAG, operation_id="surveys_publication",
                   request=serializers.PublicationSerializer,
                   responses={200: serializers.SurveyDetailSerializer, **WRITE})
    def post(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        data = serializers.PublicationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(_detail(publish_results(
            survey=survey, publication=data.validated_data["publication"])))


class SurveyInvitations(APIView):
    @extend_schema(tags=TAG, operation_id="surveys_invitations",
                   request=serializers.InvitationRequestSerializer,
                   responses={200: serializers.InvitationOutcomeSerializer, **WRITE})
    def post(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        data = serializers.InvitationRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cities = data.validated_data["cities"]
        outcome = send_invitations(
            survey=survey, cities=cities_by_slug(cities) if cities is not None else None,
            again=data.validated_data["again"])
        return Response(serializers.InvitationOutcomeSerializer(outcome).data)


class SurveyProgress(APIView):
    @extend_schema(tags=TAG, operation_id="surveys_progress",
                   responses={200: serializers.ProgressSerializer(many=True), **READ},
                   description="Who has answered: every signatory city and its status.")
    def get(self, request, year):
        survey = get_survey(year, user=request.user, permission="surveys.view_progress")
        return Response(serializers.ProgressSerializer(progress(survey), many=True).data)


class SurveyXLSForm(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(tags=TAG, operation_id="surveys_xlsform",
                   responses={(200, CONTENT_TYPE): OpenApiTypes.BINARY, **READ})
    def get(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        response = HttpResponse(export_xlsform(survey), content_type=CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{xlsform_name(survey)}"'
        return response

    @extend_schema(tags=TAG, operation_id="surveys_xlsform_import",
                   request={"multipart/form-data": serializers.XLSFormUploadSerializer},
                   responses={200: serializers.SurveyDetailSerializer, **WRITE,
                              400: OpenApiResponse(description="the form's problems, each "
                                                               "with its sheet, row and "
                                                               "column; nothing imported")})
    def post(self, request, year):
        survey = get_survey(year, user=request.user, permission=MANAGE)
        data = serializers.XLSFormUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        check_xlsx(upload)
        return Response(_detail(import_xlsform(survey=survey, stream=upload)))


def check_xlsx(upload) -> None:
    try:
        check_upload(name=upload.name, size=upload.size, stream=upload, max_bytes=MAX_BYTES,
                     accepted=(XLSX,))
    except UploadRefused as refused:
        raise UploadNotAccepted(refused.render(_)) from None
