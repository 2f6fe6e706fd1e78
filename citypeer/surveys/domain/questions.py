"""The coordinator's own questions: added, changed, moved and removed while the survey is a
draft. Each change is checked against the whole definition (a condition must depend on an
earlier question, with a value that question can take) before anything is written."""

from __future__ import annotations

from dataclasses import replace

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.common.editing import check_edit_count, compare
from citypeer.surveys.domain.definitions import (
    check_whole,
    choice_rows,
    definition_of,
    question_fields,
    question_spec,
    questions_in_full,
    require_draft,
)
from citypeer.surveys.domain.refusals import DefinitionRefused, SurveyRefused
from citypeer.surveys.method.definition import WITH_CHOICES, QuestionSpec, SurveyDefinition
from citypeer.surveys.models import CharterSurvey, Choice, Question

QUESTION_FIELDS = {
    "code": gettext_lazy("code"), "kind": gettext_lazy("kind"),
    "text": gettext_lazy("question"), "hint": gettext_lazy("hint"),
    "required": gettext_lazy("required"), "minimum": gettext_lazy("lowest answer"),
    "maximum": gettext_lazy("highest answer"), "choices": gettext_lazy("choices"),
    "condition": gettext_lazy("condition"),
}


def _comparable(spec: QuestionSpec) -> dict:
    condition = spec.condition
    return {
        "code": spec.code, "kind": spec.kind, "text": spec.text, "hint": spec.hint,
        "required": spec.required,
        "minimum": None if spec.minimum is None else str(spec.minimum),
        "maximum": None if spec.maximum is None else str(spec.maximum),
        "choices": [f"{c.value}: {c.label}" for c in spec.choices],
        "condition": f"{condition.question} {condition.operator} {condition.value}"
        if condition else None,
    }


def _checked(survey: CharterSurvey, specs: list[QuestionSpec], *, changed: str) -> None:
    definition = SurveyDefinition(title=survey.title, language=survey.language,
                                  questions=tuple(specs))
    problems = [p for p in check_whole(definition) if p.index is None or p.code == changed]
    if problems:
        raise DefinitionRefused(_("The question was not saved."), problems)


def _own_list(spec: QuestionSpec, specs: list[QuestionSpec]) -> QuestionSpec:
    """A choice question keeps a shared list's name only while its choices are the list's."""
    if spec.kind not in WITH_CHOICES:
        return spec
    name = spec.choice_list or spec.code
    shared = [s for s in specs if s.code != spec.code and s.kind in WITH_CHOICES
              and (s.choice_list or s.code) == name]
    if any(s.choices != spec.choices for s in shared):
        name = spec.code
    return replace(spec, choice_list=name)


def _write(question: Question, spec: QuestionSpec, rows: dict[str, Question]) -> Question:
    for name, value in question_fields(spec).items():
        setattr(question, name, value)
    question.condition_on = rows[spec.condition.question] if spec.condition else None
    question.save()
    Choice.objects.filter(question=question).delete()
    Choice.objects.bulk_create(choice_rows(question, spec))
    return question


def _bump(survey: CharterSurvey) -> None:
    CharterSurvey.objects.filter(pk=survey.pk).update(edit_count=F("edit_count") + 1)


def add_question(*, survey: CharterSurvey, spec: QuestionSpec) -> Question:
    """A question of the coordinator's own, at the end of the survey."""
    require_draft(survey)
    with transaction.atomic():
        questions = list(questions_in_full(survey))
        specs = [question_spec(q) for q in questions]
        spec = _own_list(spec, specs)
        _checked(survey, [*specs, spec], changed=spec.code)
        rows = {q.code: q for q in questions}
        question = Question(survey=survey, position=len(questions) + 1)
        _write(question, spec, rows)
        _bump(survey)
    return question


def update_question(*, question: Question, spec: QuestionSpec, edit_count: int | None
                    ) -> Question:
    survey = question.survey
    require_draft(survey)
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        questions = list(questions_in_full(survey))
        specs = [question_spec(q) for q in questions]
        saved = next(s for s, q in zip(specs, questions, strict=True) if q.pk == locked.pk)
        check_edit_count(locked, started_from=edit_count, what=locked.code,
                         fields=lambda: compare(QUESTION_FIELDS, _comparable(saved),
                                                _comparable(spec)))
        spec = _own_list(spec, specs)
        _checked(survey, [spec if q.pk == locked.pk else s
                          for s, q in zip(specs, questions, strict=True)], changed=spec.code)
        rows = {q.code: q for q in questions if q.pk != locked.pk}
        locked.edit_count += 1
        _write(locked, spec, rows)
        _bump(survey)
    return locked


def delete_question(*, question: Question, edit_count: int | None) -> None:
    survey = question.survey
    require_draft(survey)
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        check_edit_count(locked, started_from=edit_count, what=locked.code)
        dependants = list(Question.objects.filter(condition_on=locked)
                          .values_list("code", flat=True))
        if dependants:
            raise SurveyRefused(_(
                "%(code)s cannot be removed: the condition of %(others)s depends on it. "
                "Change those conditions first.") % {
                "code": locked.code, "others": ", ".join(dependants)})
        locked.delete()
        _renumber(survey)
        _bump(survey)


def move_question(*, question: Question, by: int) -> None:
    """Move a question up (by=-1) or down (by=1). A question never moves above the question
    its condition depends on, nor below one that depends on it."""
    survey = question.survey
    require_draft(survey)
    with transaction.atomic():
        questions = list(questions_in_full(survey))
        index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
        other = index + by
        if not 0 <= other < len(questions):
            return
        questions[index], questions[other] = questions[other], questions[index]
        definition = SurveyDefinition(title=survey.title, language=survey.language,
                                      questions=tuple(question_spec(q) for q in questions))
        problems = [p for p in check_whole(definition) if p.part == "condition"]
        if problems:
            raise DefinitionRefused(_("The question was not moved."), problems)
        for position, q in enumerate(questions, start=1):
            Question.objects.filter(pk=q.pk).update(position=position)
        _bump(survey)


def _renumber(survey: CharterSurvey) -> None:
    for position, pk in enumerate(Question.objects.filter(survey=survey).order_by("position")
                                  .values_list("pk", flat=True), start=1):
        Question.objects.filter(pk=pk).update(position=position)


def survey_problems(survey: CharterSurvey) -> list:
    """What keeps the survey from being opened, for the coordinator's page."""
    return check_whole(definition_of(survey))
