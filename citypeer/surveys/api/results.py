"""Results and trends: surveys/<year>/results/ and surveys/trends/. No account is needed
for what the coordinator published; the coordinator sees every year's results."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.surveys.api.common import NOT_FOUND, TAG, UNPUBLISHED
from citypeer.surveys.domain.lookup import get_survey
from citypeer.surveys.domain.queries import published_surveys, surveys_with_counts
from citypeer.surveys.domain.results import (
    results_document,
    results_of,
    trends_document,
    trends_of,
)
from citypeer.surveys.interfaces import exports, serializers
from citypeer.surveys.models import CharterSurvey


def _document(request, year) -> dict:
    survey = get_survey(year)
    if not request.user.has_perm("surveys.view_results", survey):
        if not request.user.is_authenticated:
            raise Http404(_("These results are not published."))
        raise PermissionDenied(_("The coordinator has not published these results."))
    return results_document(results_of(survey), with_cities=request.user.has_perm(
        "surveys.view_city_answers", survey))


class ResultsDetail(APIView):
    permission_classes = [AllowAny]

    @extend_schema(tags=TAG, operation_id="survey_results",
                   responses={200: serializers.ResultsSerializer, 403: UNPUBLISHED,
                              404: NOT_FOUND})
    def get(self, request, year):
        return Response(serializers.ResultsSerializer(_document(request, year)).data)


class ResultsFile(APIView):
    permission_classes = [AllowAny]

    @extend_schema(tags=TAG, operation_id="survey_results_file",
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY,
                              403: UNPUBLISHED, 404: NOT_FOUND},
                   description="fmt: csv (the summary table), xlsx or json; with the "
                               "licence in a Link header.")
    def get(self, request, year, fmt):
        if fmt not in exports.CONTENT_TYPES:
            raise Http404(_("No such format."))
        document = _document(request, year)
        response = HttpResponse(exports.results_file(document, fmt),
                                content_type=exports.CONTENT_TYPES[fmt])
        response["Content-Disposition"] = (
            f'attachment; filename="charter-survey-{document["survey"]["year"]}.{fmt}"')
        response["Link"] = exports.LICENCE_LINK
        return response


class TrendsDetail(APIView):
    permission_classes = [AllowAny]

    @extend_schema(tags=TAG, operation_id="survey_trends",
                   responses={200: serializers.TrendsSerializer})
    def get(self, request):
        if request.user.has_perm("surveys.manage_survey"):
            surveys = list(surveys_with_counts(drafts=False))
            city_years = [s.year for s in surveys]
        else:
            surveys = list(published_surveys())
            city_years = [s.year for s in surveys
                          if s.publication == CharterSurvey.Publication.PER_CITY]
        document = trends_document(trends_of(surveys, city_years=city_years))
        return Response(serializers.TrendsSerializer(document).data)
