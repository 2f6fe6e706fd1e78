"""The coordinator's own questions in a draft survey: add, change, move, remove."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.editing import EditConflict
from citypeer.surveys.domain.definitions import definition_of, question_spec
from citypeer.surveys.domain.lookup import get_question, get_survey
from citypeer.surveys.domain.questions import (
    add_question,
    delete_question,
    move_question,
    update_question,
)
from citypeer.surveys.domain.refusals import DefinitionRefused
from citypeer.surveys.interfaces.forms import QuestionForm

MANAGE = "surveys.manage_survey"


def _earlier(survey, code=None):
    """The questions a condition may depend on: those before `code` (all for a new one)."""
    earlier = []
    for spec in definition_of(survey).questions:
        if spec.code == code:
            break
        earlier.append(spec)
    return earlier


def _show(request, survey, form, question=None, *, problems=(), conflict=None, status=200):
    return render(request, "surveys/question.html", {
        "survey": survey, "form": form, "question": question, "problems": problems,
        "conflict": conflict}, status=status)


@login_required
def new(request, year):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    form = QuestionForm(request.POST or None, earlier=_earlier(survey),
                        initial={"kind": "scale", "minimum": 1, "maximum": 5})
    if request.method == "POST" and form.is_valid():
        try:
            question = add_question(survey=survey, spec=form.to_spec())
        except DefinitionRefused as refused:
            return _show(request, survey, form, problems=refused.problems, status=400)
        messages.success(request, _("Question %(code)s added.") % {"code": question.code})
        return redirect("surveys:detail", year=survey.year)
    return _show(request, survey, form)


@login_required
def edit(request, year, code):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    question = get_question(survey, code)
    spec = question_spec(question)
    form = QuestionForm(request.POST or None, earlier=_earlier(survey, code),
                        question=question, spec=spec)
    if request.method == "POST" and form.is_valid():
        try:
            update_question(question=question, spec=form.to_spec(),
                            edit_count=form.cleaned_data["edit_count"])
        except DefinitionRefused as refused:
            return _show(request, survey, form, question, problems=refused.problems,
                         status=400)
        except EditConflict as conflict:
            return _show(request, survey, form, question, conflict=conflict, status=409)
        messages.success(request, _("Question %(code)s saved.") % {"code": code})
        return redirect("surveys:detail", year=survey.year)
    return _show(request, survey, form, question)


@login_required
@require_POST
def delete(request, year, code):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    question = get_question(survey, code)
    delete_question(question=question, edit_count=int(request.POST.get("edit_count") or -1))
    messages.success(request, _("Question %(code)s removed.") % {"code": code})
    return redirect("surveys:detail", year=survey.year)


@login_required
@require_POST
def move(request, year, code):
    survey = get_survey(year, user=request.user, permission=MANAGE)
    question = get_question(survey, code)
    try:
        move_question(question=question, by=-1 if request.POST.get("direction") == "up" else 1)
    except DefinitionRefused as refused:
        messages.error(request, "\n".join([refused.message, *refused.problems]))
    return redirect(reverse("surveys:detail", kwargs={"year": survey.year})
                    + f"#question-{code}")
