"""A city's answers: opened with the personal link or by the city's officers, saved as a
draft by any of them, submitted by one; read by the coordinator, who may reopen them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.editing import EditConflict
from citypeer.surveys.domain import links
from citypeer.surveys.domain.definitions import definition_of
from citypeer.surveys.domain.lookup import get_response, get_survey
from citypeer.surveys.domain.refusals import AnswersRefused, SurveyRefused
from citypeer.surveys.domain.responses import (
    answers_of,
    reopen_response,
    save_draft,
    submit_response,
)
from citypeer.surveys.interfaces.forms import answers_from_post
from citypeer.surveys.interfaces.pages import response_items
from citypeer.surveys.method.answers import check_answers

NAME_KEY = "survey_name"


def link(request, token):
    """The personal link: remember it in this session, then show the response at its own
    address (the token leaves the address bar)."""
    response = links.response_for_token(token)
    if response is None:
        return render(request, "surveys/link_invalid.html", status=404)
    links.remember(request.session, response)
    return redirect("surveys:response", year=response.survey.year, city=response.city.slug)


class NoAccess(Exception):
    """An anonymous visitor without a valid personal link for this response."""


def _response(request, year, city, permission="surveys.view_response"):
    survey = get_survey(year)
    try:
        return get_response(survey, city, user=request.user, session=request.session,
                            permission=permission)
    except (PermissionDenied, Http404):
        if not request.user.is_authenticated:
            raise NoAccess from None
        raise


def _language(request, survey) -> str:
    return (get_language() or survey.language)[:2]


def _who(request) -> str:
    if request.user.is_authenticated:
        return str(request.user)
    return request.session.get(NAME_KEY, "")


def response(request, year, city):
    try:
        found = _response(request, year, city)
    except NoAccess:
        return render(request, "surveys/link_invalid.html", status=403)
    definition = definition_of(found.survey)
    language = _language(request, found.survey)
    can_change = request.user.has_perm("surveys.change_response", found)
    context = {"response": found, "survey": found.survey, "can_change": can_change,
               "can_reopen": request.user.has_perm("surveys.reopen_response", found),
               "with_link": found.opened_with_link, "your_name": _who(request)}
    if request.method == "POST" and can_change:
        return _post(request, found, definition, language, context)
    if request.method == "POST":
        raise PermissionDenied(_("These answers can no longer be changed."))
    values = answers_of(found, definition)
    shown = check_answers(definition, values, submission=False).shown
    return render(request, "surveys/response.html", {
        **context, "items": response_items(definition, values, [], shown, language),
        "edit_count": found.edit_count})


def _post(request, found, definition, language, context):
    raw = answers_from_post(definition, request.POST)
    name = request.POST.get("your_name", "").strip()[:200] or _who(request)
    if not request.user.is_authenticated and name:
        request.session[NAME_KEY] = name
    submitting = "submit" in request.POST
    started_from = request.POST.get("edit_count")
    started_from = int(started_from) if (started_from or "").isdigit() else None
    try:
        if submitting:
            saved = submit_response(response=found, answers=raw, edit_count=started_from,
                                    by_name=name, by_user=request.user, language=language,
                                    definition=definition)
        else:
            saved = save_draft(response=found, answers=raw, edit_count=started_from,
                               by_name=name, language=language, definition=definition)
    except (AnswersRefused, SurveyRefused, EditConflict) as exc:
        checked = check_answers(definition, raw, submission=False)
        problems = exc.items if isinstance(exc, AnswersRefused) else []
        return render(request, "surveys/response.html", {
            **context, "your_name": name,
            "items": response_items(definition, raw, problems, checked.shown, language),
            "refusal": exc if not isinstance(exc, EditConflict) else None,
            "conflict": exc if isinstance(exc, EditConflict) else None,
            "edit_count": started_from if started_from is not None else found.edit_count,
        }, status=409 if isinstance(exc, EditConflict) else 400)
    if submitting:
        messages.success(request, _("%(city)s's answers are submitted. Thank you.") % {
            "city": saved.city})
    else:
        messages.success(request, _("Draft saved. Colleagues with the link see it too."))
    return redirect("surveys:response", year=saved.survey.year, city=saved.city.slug)


@require_POST
def reopen(request, year, city):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    found = _response(request, year, city, "surveys.reopen_response")
    reopen_response(response=found, edit_count=int(request.POST.get("edit_count") or -1))
    messages.success(request, _("%(city)s can change and submit its answers again.") % {
        "city": found.city})
    return redirect("surveys:response", year=found.survey.year, city=found.city.slug)
