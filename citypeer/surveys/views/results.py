"""Results of a year and trends over the years: pages with charts, tables beside them, and
open data. The coordinator sees every year's results; everyone else (also without an
account) sees only what the coordinator published: aggregated, or with each city's
answers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeer.surveys.domain.lookup import get_survey
from citypeer.surveys.domain.queries import published_surveys, surveys_with_counts
from citypeer.surveys.domain.results import (
    results_document,
    results_of,
    trends_document,
    trends_of,
)
from citypeer.surveys.interfaces import exports, pages
from citypeer.surveys.models import CharterSurvey

CSV_DATASETS = ("questions", "summary", "answers", "dictionary")


def _visible_survey(request, year) -> CharterSurvey:
    survey = get_survey(year)
    if not request.user.has_perm("surveys.view_results", survey):
        if not request.user.is_authenticated:
            raise Http404(_("These results are not published."))
        raise PermissionDenied(_("The coordinator has not published these results."))
    return survey


def _document(request, survey):
    with_cities = request.user.has_perm("surveys.view_city_answers", survey)
    return results_document(results_of(survey), with_cities=with_cities)


def public_index(request):
    return render(request, "surveys/public_index.html", {"surveys": published_surveys()})


def results(request, year):
    survey = _visible_survey(request, year)
    document = _document(request, survey)
    return render(request, "surveys/results.html", {
        "survey": survey, "document": document, "items": pages.result_items(document),
        "with_cities": document["cities"] is not None,
        "datasets": [d for d in CSV_DATASETS if d != "answers" or document["cities"] is not None],
    })


def city(request, year, city):
    survey = _visible_survey(request, year)
    if not request.user.has_perm("surveys.view_city_answers", survey):
        raise Http404(_("Each city's answers are not published."))
    document = _document(request, survey)
    found = pages.city_items(document, city)
    if found is None:
        raise Http404(_("This city did not submit answers to this survey."))
    return render(request, "surveys/city.html", {
        "survey": survey, "city": found[0], "items": found[1]})


def _file(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Link"] = exports.LICENCE_LINK
    return response


def download(request, year, dataset, fmt):
    survey = _visible_survey(request, year)
    document = _document(request, survey)
    allowed = (fmt in ("xlsx", "json") and dataset == "results") or (
        fmt == "csv" and dataset in CSV_DATASETS)
    if not allowed or (dataset == "answers" and document["cities"] is None):
        raise Http404(_("No such file."))
    return _file(exports.results_file(document, fmt, dataset), fmt,
                 f"charter-survey-{survey.year}-{dataset}")


def _trends(request):
    if request.user.has_perm("surveys.manage_survey"):
        surveys = list(surveys_with_counts(drafts=False))
        city_years = [s.year for s in surveys]
    else:
        surveys = list(published_surveys())
        city_years = [s.year for s in surveys
                      if s.publication == CharterSurvey.Publication.PER_CITY]
    return trends_document(trends_of(surveys, city_years=city_years))


def trends(request):
    document = _trends(request)
    return render(request, "surveys/trends.html", {
        "document": document, "items": pages.trend_items(document)})


def trend(request, code):
    document = _trends(request)
    found = next((q for q in document["questions"] if q["code"] == code), None)
    if found is None:
        raise Http404(_("No question %(code)s in the surveys you may see.") % {"code": code})
    return render(request, "surveys/trend.html", {
        "document": document, "trend": pages.trend_items({"questions": [found]})[0],
        "cities": pages.city_trend_rows(document, code)})


def trends_download(request, dataset, fmt):
    document = _trends(request)
    if fmt not in exports.CONTENT_TYPES or dataset not in ("summary", "answers", "trends") or (
            fmt != "csv" and dataset != "trends") or (fmt == "csv" and dataset == "trends"):
        raise Http404(_("No such file."))
    return _file(exports.trends_file(document, fmt, dataset), fmt,
                 f"charter-survey-trends-{dataset}")
