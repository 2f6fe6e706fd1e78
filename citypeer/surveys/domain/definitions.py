"""A survey's questions as a `SurveyDefinition` (surveys.method.definition) and back.

Writing a whole definition (an XLSForm import, last year's survey copied) is validated first
and then written in one transaction: a refused definition leaves the survey as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.benchmarks.models import Indicator, KeyFactor
from citypeer.surveys.domain.refusals import DefinitionRefused, SurveyRefused
from citypeer.surveys.method.definition import (
    NUMBER,
    SCALE,
    WITH_CHOICES,
    ChoiceSpec,
    Condition,
    DefinitionProblem,
    QuestionSpec,
    SurveyDefinition,
    check_definition,
)
from citypeer.surveys.method.xlsform import UNKNOWN_SOURCE, parse_source
from citypeer.surveys.models import CharterSurvey, Choice, Question


def questions_in_full(survey: CharterSurvey):
    return (Question.objects.filter(survey=survey).select_related("condition_on")
            .prefetch_related("choices").order_by("position"))


def question_spec(question: Question) -> QuestionSpec:
    condition = None
    if question.condition_on_id is not None:
        condition = Condition(question.condition_on.code, question.condition_operator,
                              question.condition_value)
    choices = tuple(ChoiceSpec(c.value, c.label, dict(c.translations))
                    for c in question.choices.all())
    return QuestionSpec(
        code=question.code, kind=question.kind, text=question.text, hint=question.hint,
        section=question.section, required=question.required,
        minimum=_number(question.minimum), maximum=_number(question.maximum),
        whole=question.whole_number and question.kind == "number",
        low_label=question.low_label, high_label=question.high_label,
        choice_list=(question.choice_list or question.code)
        if question.kind in WITH_CHOICES else "",
        choices=choices, condition=condition, source=question.source,
        translations={lang: dict(texts) for lang, texts in (question.translations or {}).items()})


def _number(value):
    return None if value is None else value.normalize()


def definition_of(survey: CharterSurvey, questions: Sequence[Question] | None = None
                  ) -> SurveyDefinition:
    if questions is None:
        questions = list(questions_in_full(survey))
    return SurveyDefinition(
        title=survey.title, language=survey.language,
        questions=tuple(question_spec(q) for q in questions),
        form_id=f"charter-survey-{survey.year}", version=str(survey.edit_count))


def require_draft(survey: CharterSurvey) -> None:
    if survey.state != CharterSurvey.State.DRAFT:
        raise SurveyRefused(_(
            "The survey of %(year)s is %(state)s: its questions change only while it is a "
            "draft, so that every city answers the same questions.") % {
            "year": survey.year, "state": survey.get_state_display()})


def resolve_sources(definition: SurveyDefinition):
    """(problems, source -> (indicator, key factor)) for the `source` of every question."""
    wanted = {q.source: parse_source(q.source) for q in definition.questions if q.source}
    found: dict[str, tuple[Indicator | None, KeyFactor | None]] = {}
    problems = []
    for index, q in enumerate(definition.questions):
        if not q.source or q.source in found:
            continue
        parsed = wanted[q.source]
        indicator = key_factor = None
        if parsed is not None:
            slug, version, code = parsed
            indicator = Indicator.objects.filter(
                benchmark__slug=slug, benchmark__version=version, code=code).first()
            if indicator is None:
                key_factor = KeyFactor.objects.filter(
                    benchmark__slug=slug, benchmark__version=version, code=code).first()
        if indicator is None and key_factor is None:
            problems.append(DefinitionProblem(index, "source", UNKNOWN_SOURCE,
                                              {"value": q.source}, code=q.code))
            continue
        found[q.source] = (indicator, key_factor)
    return problems, found


def check_whole(definition: SurveyDefinition) -> list[DefinitionProblem]:
    problems = check_definition(definition)
    problems += resolve_sources(definition)[0]
    return sorted(problems, key=lambda p: -1 if p.index is None else p.index)


def write_definition(*, survey: CharterSurvey, definition: SurveyDefinition,
                     title: bool = False) -> CharterSurvey:
    """Replace the survey's questions with the definition's (and, with `title`, its title).
    Refused while the survey is not a draft, or when the definition has problems."""
    require_draft(survey)
    problems = check_whole(definition)
    if problems:
        raise DefinitionRefused(_("The questions were not saved."), problems)
    sources = resolve_sources(definition)[1]
    with transaction.atomic():
        locked = CharterSurvey.objects.select_for_update().get(pk=survey.pk)
        require_draft(locked)
        Question.objects.filter(survey=locked).update(condition_on=None)
        Question.objects.filter(survey=locked).delete()
        rows = {}
        for position, spec in enumerate(definition.questions, start=1):
            indicator, key_factor = sources.get(spec.source, (None, None))
            rows[spec.code] = question = Question.objects.create(
                survey=locked, position=position, **question_fields(spec),
                indicator=indicator, key_factor=key_factor)
            Choice.objects.bulk_create(choice_rows(question, spec))
        for spec in definition.questions:
            if spec.condition is not None:
                question = rows[spec.code]
                question.condition_on = rows[spec.condition.question]
                question.save(update_fields=["condition_on"])
        if title and definition.title:
            locked.title = definition.title[:300]
        locked.edit_count += 1
        locked.save(update_fields=["title", "edit_count"])
    return locked


def question_fields(spec: QuestionSpec) -> dict:
    """The columns of a Question row for a spec (but its survey, position and links)."""
    condition = spec.condition
    bounded = spec.kind in (SCALE, NUMBER)
    return {
        "code": spec.code, "kind": spec.kind, "text": spec.text, "hint": spec.hint,
        "section": spec.section[:200], "required": spec.required,
        # Bounds only where the kind has them, whatever a form sent along.
        "minimum": spec.minimum if bounded else None,
        "maximum": spec.maximum if bounded else None,
        "whole_number": spec.whole and spec.kind == NUMBER,
        "low_label": spec.low_label[:200] if spec.kind == SCALE else "",
        "high_label": spec.high_label[:200] if spec.kind == SCALE else "",
        "choice_list": spec.choice_list if spec.kind in WITH_CHOICES else "",
        "condition_operator": condition.operator if condition else "",
        "condition_value": condition.value if condition else "",
        "source": spec.source,
        "translations": {lang: dict(texts) for lang, texts in spec.translations.items()},
    }


def choice_rows(question: Question, spec: QuestionSpec) -> list[Choice]:
    return [Choice(question=question, value=c.value, label=c.label[:500],
                   translations=dict(c.translations), position=position)
            for position, c in enumerate(spec.choices, start=1)]
