"""A city's response: drafts saved by whoever of the city works on it, one submission, and
the coordinator reopening a submission that needs a correction.

A save names the edit count it started from: when a colleague saved in the meantime,
nothing is written and `EditConflict` shows both versions, answer by answer. A submission
checks every answer (required questions that are shown, ranges, choices) and names the
question of each problem; a refused submission writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.common.editing import ComparedField, check_edit_count
from citypeer.surveys.domain.definitions import definition_of, questions_in_full
from citypeer.surveys.domain.refusals import AnswersRefused, SurveyRefused
from citypeer.surveys.method.answers import as_text, check_answers, loaded, stored
from citypeer.surveys.method.definition import SurveyDefinition
from citypeer.surveys.models import Answer, CharterSurvey, CityResponse

MAX_NAME = 200


def response_of(survey: CharterSurvey, city) -> CityResponse:
    """The city's response to the survey, made when first needed."""
    response, _created = CityResponse.objects.get_or_create(survey=survey, city=city)
    response.survey, response.city = survey, city
    return response


def answers_of(response: CityResponse, definition: SurveyDefinition,
               rows=None) -> dict[str, object]:
    """The saved answers, parsed as the questions say (code -> answer)."""
    questions = {q.code: q for q in definition.questions}
    rows = rows if rows is not None else Answer.objects.filter(
        response=response).select_related("question").only("value", "question__code")
    found = {}
    for row in rows:
        question = questions.get(row.question.code)
        value = loaded(question, row.value) if question else None
        if value is not None:
            found[question.code] = value
    return found


def _require_answerable(response: CityResponse) -> None:
    if response.survey.state != CharterSurvey.State.OPEN:
        raise SurveyRefused(_("The survey of %(year)s is %(state)s: answers are saved only "
                              "while it is open.") % {
            "year": response.survey.year, "state": response.survey.get_state_display()})
    if response.submitted_at is not None:
        raise SurveyRefused(_("%(city)s submitted its answers on %(date)s; ask the network "
                              "coordinator to reopen them for a correction.") % {
            "city": response.city, "date": response.submitted_at.date().isoformat()})


def _conflict_fields(definition, saved: Mapping, yours: Mapping, language: str):
    for question in definition.questions:
        mine, theirs = yours.get(question.code), saved.get(question.code)
        if mine != theirs:
            yield ComparedField(question.code, f"{question.code} {question.label_in(language)}",
                                as_text(question, theirs, language),
                                as_text(question, mine, language))


def _save(response, definition, answers, *, edit_count, by_name, language, submission,
          by_user=None) -> CityResponse:
    checked = check_answers(definition, answers, submission=submission, language=language)
    if not checked.ok:
        message = (_("The answers were not submitted: mend these first.") if submission
                   else _("The draft was not saved: mend these first."))
        raise AnswersRefused(message, checked.problems)
    with transaction.atomic():
        locked = CityResponse.objects.select_for_update().select_related(
            "survey", "city").get(pk=response.pk)
        _require_answerable(locked)
        saved = answers_of(locked, definition)
        check_edit_count(
            locked, started_from=edit_count, what=str(locked.city),
            fields=lambda: tuple(_conflict_fields(definition, saved, checked.answers,
                                                  language)),
            saved_by=locked.saved_by_name, saved_at=locked.saved_at)
        questions = {q.code: q for q in questions_in_full(locked.survey)}
        Answer.objects.filter(response=locked).delete()
        Answer.objects.bulk_create([
            Answer(response=locked, question=questions[code], value=stored(value))
            for code, value in checked.answers.items()])
        now = timezone.now()
        locked.saved_at, locked.saved_by_name = now, (by_name or "")[:MAX_NAME]
        if submission:
            locked.submitted_at = now
            locked.submitted_by_name = (by_name or "")[:MAX_NAME]
            locked.submitted_by = by_user if by_user and by_user.is_authenticated else None
        locked.edit_count += 1
        locked.save()
    locked.opened_with_link = getattr(response, "opened_with_link", False)
    return locked


def save_draft(*, response: CityResponse, answers: Mapping[str, object],
               edit_count: int | None, by_name: str = "", language: str = "",
               definition: SurveyDefinition | None = None) -> CityResponse:
    """Keep the answers as they are (every answer given must be well formed; none is yet
    required). `answers` replaces what was saved."""
    _require_answerable(response)
    definition = definition or definition_of(response.survey)
    return _save(response, definition, answers, edit_count=edit_count, by_name=by_name,
                 language=language, submission=False)


def submit_response(*, response: CityResponse, answers: Mapping[str, object],
                    edit_count: int | None, by_name: str, by_user=None, language: str = "",
                    definition: SurveyDefinition | None = None) -> CityResponse:
    """Save and submit the answers: every required question that is shown answered, every
    answer within its range; the answers of questions hidden by a condition are dropped."""
    _require_answerable(response)
    if not (by_name or "").strip():
        raise SurveyRefused(_("Give your name: the coordinator needs to know who submitted "
                              "the city's answers."))
    definition = definition or definition_of(response.survey)
    return _save(response, definition, answers, edit_count=edit_count, by_name=by_name,
                 language=language, submission=True, by_user=by_user)


def reopen_response(*, response: CityResponse, edit_count: int | None) -> CityResponse:
    """The coordinator sends a submission back to the city for a correction."""
    with transaction.atomic():
        locked = CityResponse.objects.select_for_update().select_related(
            "survey", "city").get(pk=response.pk)
        check_edit_count(locked, started_from=edit_count, what=str(locked.city))
        if locked.submitted_at is None:
            raise SurveyRefused(_("%(city)s has not submitted its answers.") % {
                "city": locked.city})
        if locked.survey.state != CharterSurvey.State.OPEN:
            raise SurveyRefused(_("Open the survey again first: a city changes its answers "
                                  "only while the survey is open."))
        locked.submitted_at = None
        locked.submitted_by = None
        locked.submitted_by_name = ""
        locked.edit_count += 1
        locked.save()
    return locked
