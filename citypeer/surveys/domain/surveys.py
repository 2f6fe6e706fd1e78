"""A year's survey: made from benchmarks or from last year's survey, opened, closed, and
its results published as the coordinator chooses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.benchmarks.models import Benchmark, Indicator, KeyFactor
from citypeer.common.editing import check_edit_count, compare
from citypeer.surveys.domain.definitions import (
    check_whole,
    choice_rows,
    definition_of,
    question_fields,
    require_draft,
    write_definition,
)
from citypeer.surveys.domain.refusals import DefinitionRefused, SurveyRefused
from citypeer.surveys.method.definition import (
    SINGLE,
    STATUS_CHOICES,
    STATUS_LIST,
    ChoiceSpec,
    QuestionSpec,
)
from citypeer.surveys.models import CharterSurvey, Choice, Question

State = CharterSurvey.State
Publication = CharterSurvey.Publication
SURVEY_FIELDS = {"title": gettext_lazy("title"), "introduction": gettext_lazy("introduction"),
                 "deadline": gettext_lazy("deadline"),
                 "language": gettext_lazy("language of the questions")}


def previous_survey(year: int) -> CharterSurvey | None:
    return CharterSurvey.objects.filter(year__lt=year).order_by("-year").first()


def create_survey(*, year: int, title: str, deadline: dt.date, language: str = "en",
                  introduction: str = "", benchmarks: Iterable[Benchmark] = (),
                  copy_from: CharterSurvey | None = None) -> CharterSurvey:
    """A draft survey for `year`: a copy of `copy_from`'s questions (its benchmarks too), or
    a question for each indicator or key factor of `benchmarks`."""
    if CharterSurvey.objects.filter(year=year).exists():
        raise SurveyRefused(_("There is already a survey for %(year)s.") % {"year": year})
    benchmarks = list(copy_from.benchmarks.all()) if copy_from else list(benchmarks)
    try:
        with transaction.atomic():
            survey = CharterSurvey.objects.create(
                year=year, title=title, deadline=deadline, language=language,
                introduction=introduction, copied_from=copy_from)
            survey.benchmarks.set(benchmarks)
            if copy_from is not None:
                definition = definition_of(copy_from)
                write_definition(survey=survey, definition=definition)
            else:
                for benchmark in benchmarks:
                    add_benchmark_questions(survey=survey, benchmark=benchmark)
    except IntegrityError:
        raise SurveyRefused(_("There is already a survey for %(year)s.") % {"year": year}
                            ) from None
    survey.refresh_from_db()
    return survey


def benchmark_code(benchmark: Benchmark, code: str) -> str:
    """The question code of an indicator or key factor: the same for every version of the
    benchmark, so that the trend follows it when a new version keeps the code."""
    return f"{benchmark.slug}.{code.replace('/', '_')}"


def benchmark_questions(benchmark: Benchmark) -> list[QuestionSpec]:
    """A question per indicator (matrix) or key factor (toolkit), with the benchmark's text
    as the question and the host city's self-assessment statuses as the answers."""
    choices = tuple(ChoiceSpec(value, label) for value, label in STATUS_CHOICES)
    source = f"{benchmark.slug}:{benchmark.version}:"
    if benchmark.kind == Benchmark.Kind.MATRIX:
        items = Indicator.objects.filter(benchmark=benchmark).select_related(
            "pillar", "value").order_by("position")
        return [QuestionSpec(
            code=benchmark_code(benchmark, i.code), kind=SINGLE, text=i.text,
            hint=f"{i.code} · {i.pillar.name} · {i.value.name}", section=i.pillar.name,
            required=True, choice_list=STATUS_LIST, choices=choices,
            source=source + i.code) for i in items]
    items = KeyFactor.objects.filter(benchmark=benchmark).order_by("position")
    return [QuestionSpec(
        code=benchmark_code(benchmark, kf.code), kind=SINGLE, text=kf.standard.strip(),
        hint=f"{kf.code} · {kf.title}", section=benchmark.title[:200], required=True,
        choice_list=STATUS_LIST, choices=choices, source=source + kf.code) for kf in items]


def add_benchmark_questions(*, survey: CharterSurvey, benchmark: Benchmark) -> int:
    """Add the benchmark's questions that the survey does not have yet; how many."""
    require_draft(survey)
    have = set(Question.objects.filter(survey=survey).values_list("code", flat=True))
    position = Question.objects.filter(survey=survey).count()
    indicators = {i.code: i for i in Indicator.objects.filter(benchmark=benchmark)}
    key_factors = {k.code: k for k in KeyFactor.objects.filter(benchmark=benchmark)}
    added = 0
    with transaction.atomic():
        for spec in benchmark_questions(benchmark):
            if spec.code in have:
                continue
            position += 1
            code = spec.source.rsplit(":", 1)[1]
            question = Question.objects.create(
                survey=survey, position=position, **question_fields(spec),
                indicator=indicators.get(code), key_factor=key_factors.get(code))
            Choice.objects.bulk_create(choice_rows(question, spec))
            added += 1
        survey.benchmarks.add(benchmark)
        CharterSurvey.objects.filter(pk=survey.pk).update(edit_count=F("edit_count") + 1)
    survey.refresh_from_db()
    return added


def update_survey(*, survey: CharterSurvey, edit_count: int | None, **changes
                  ) -> CharterSurvey:
    """Change the survey's title, introduction, deadline or language; the language only
    while it is a draft."""
    with transaction.atomic():
        locked = CharterSurvey.objects.select_for_update().get(pk=survey.pk)
        check_edit_count(locked, started_from=edit_count, what=str(locked),
                         fields=lambda: compare(SURVEY_FIELDS, _values(locked), changes))
        if "language" in changes and changes["language"] != locked.language:
            require_draft(locked)
        for name, value in changes.items():
            if name not in SURVEY_FIELDS:
                raise ValueError(name)
            setattr(locked, name, value)
        locked.edit_count += 1
        locked.save()
    return locked


def _values(survey):
    return {name: getattr(survey, name) for name in SURVEY_FIELDS}


def _move(survey: CharterSurvey, *, allowed_from: tuple, to: str, **fields) -> CharterSurvey:
    with transaction.atomic():
        locked = CharterSurvey.objects.select_for_update().get(pk=survey.pk)
        if locked.state not in allowed_from:
            raise SurveyRefused(_(
                "The survey of %(year)s is %(state)s: it cannot become %(to)s now.") % {
                "year": locked.year, "state": locked.get_state_display(),
                "to": State(to).label})
        locked.state = to
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.edit_count += 1
        locked.save()
    return locked


def open_survey(*, survey: CharterSurvey, today: dt.date) -> CharterSurvey:
    """Open the survey to the cities: it needs questions without problems and a deadline
    still ahead."""
    definition = definition_of(survey)
    if not definition.questions:
        raise SurveyRefused(_("The survey has no questions yet."))
    problems = check_whole(definition)
    if problems:
        raise DefinitionRefused(_("The survey cannot be opened: mend its questions first."),
                                problems)
    if survey.deadline < today:
        raise SurveyRefused(_("The deadline, %(deadline)s, has passed: set a later one first.")
                            % {"deadline": survey.deadline.isoformat()})
    return _move(survey, allowed_from=(State.DRAFT,), to=State.OPEN, opened_at=timezone.now())


def close_survey(*, survey: CharterSurvey) -> CharterSurvey:
    return _move(survey, allowed_from=(State.OPEN,), to=State.CLOSED, closed_at=timezone.now())


def reopen_survey(*, survey: CharterSurvey) -> CharterSurvey:
    """A closed survey taken back to open, e.g. to let a late city answer; not while its
    results are published."""
    if survey.is_published:
        raise SurveyRefused(_("Withdraw the publication of the results before opening the "
                              "survey again."))
    return _move(survey, allowed_from=(State.CLOSED,), to=State.OPEN, closed_at=None)


def publish_results(*, survey: CharterSurvey, publication: str) -> CharterSurvey:
    """Publish the results aggregated only or with each city's answers, or withdraw them.
    Only a closed survey's results are published: its answers no longer change."""
    publication = Publication(publication)
    with transaction.atomic():
        locked = CharterSurvey.objects.select_for_update().get(pk=survey.pk)
        if publication != Publication.UNPUBLISHED and locked.state != State.CLOSED:
            raise SurveyRefused(_("Close the survey before publishing its results: the "
                                  "answers must no longer change."))
        if publication != locked.publication:
            locked.publication = publication
            locked.published_at = (None if publication == Publication.UNPUBLISHED
                                   else timezone.now())
            locked.edit_count += 1
            locked.save()
    return locked
