"""A city's answers: what each question accepts, which questions are shown, and what a
draft or a submission must hold.

An answer arrives as typed in a page ("12,5", ["a", "b"]) or sent by the API (12.5); it is
kept as the kind of the question says: a whole number on a scale, a `Decimal`, a choice
value, a tuple of choice values, or a text. A draft keeps whatever is well formed; a
submission also needs every required question that is shown, and drops the answers of
questions its conditions hide.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from citypeer.core.messages import gettext_noop
from citypeer.surveys.method.definition import (
    EQUALS,
    INCLUDES,
    MAX_TEXT_ANSWER,
    MULTIPLE,
    NUMBER,
    SCALE,
    SINGLE,
    QuestionSpec,
    SurveyDefinition,
)
from citypeer.surveys.method.numbers import is_whole, parse_number, plain_number

REQUIRED = gettext_noop("an answer is required")
NOT_A_NUMBER = gettext_noop("{value} is not a number")
NOT_WHOLE = gettext_noop("{value} is not a whole number")
BELOW = gettext_noop("{value} is below the lowest answer accepted, {limit}")
ABOVE = gettext_noop("{value} is above the highest answer accepted, {limit}")
NOT_ON_SCALE = gettext_noop("{value} is not a point of the scale from {low} to {high}")
NOT_ONE_CHOICE = gettext_noop("{value} is not one of the choices")
NOT_CHOICES = gettext_noop("{value} are not among the choices")
ONE_ONLY = gettext_noop("choose one answer only")
ANSWER_TOO_LONG = gettext_noop("the answer has {length} characters; at most {limit} fit")
UNKNOWN_QUESTION = gettext_noop("there is no question {value} in this survey")


@dataclass(frozen=True)
class AnswerProblem:
    """What is wrong with the answer to one question: the page shows it beside the
    question, the API and the CLI name the question by its code and text."""

    code: str
    label: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, translate=lambda s: s) -> str:
        return translate(self.message).format(**self.params)

    def render(self, translate=lambda s: s) -> str:
        return f"{self.code} “{_short(self.label)}”: {self.text(translate)}"

    def __str__(self) -> str:
        return self.render()


def _short(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class AnswerRefused(ValueError):
    def __init__(self, message: str, **params):
        self.message, self.params = message, params
        super().__init__(message.format(**params))


def is_empty(raw) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return raw.strip() == ""
    if isinstance(raw, list | tuple | set):
        return all(is_empty(item) for item in raw)
    return False


def parse_answer(question: QuestionSpec, raw):
    """The answer kept for `raw`, or None for no answer; AnswerRefused when `raw` is no
    answer this question accepts."""
    if is_empty(raw):
        return None
    if question.kind in (SCALE, NUMBER):
        return _parse_quantity(question, raw)
    if question.kind == SINGLE:
        if isinstance(raw, list | tuple):
            values = [v for v in raw if not is_empty(v)]
            if len(values) > 1:
                raise AnswerRefused(ONE_ONLY)
            raw = values[0]
        value = str(raw).strip()
        if value not in question.choice_values():
            raise AnswerRefused(NOT_ONE_CHOICE, value=value)
        return value
    if question.kind == MULTIPLE:
        chosen = [str(v).strip() for v in (raw if isinstance(raw, list | tuple | set) else [raw])
                  if not is_empty(v)]
        unknown = [v for v in chosen if v not in question.choice_values()]
        if unknown:
            raise AnswerRefused(NOT_CHOICES, value=", ".join(unknown))
        # In the order of the choices, each once.
        return tuple(v for v in question.choice_values() if v in chosen)
    text = str(raw).strip()
    if len(text) > MAX_TEXT_ANSWER:
        raise AnswerRefused(ANSWER_TOO_LONG, length=len(text), limit=MAX_TEXT_ANSWER)
    return text


def _parse_quantity(question: QuestionSpec, raw):
    if isinstance(raw, list | tuple):
        raise AnswerRefused(NOT_A_NUMBER, value=", ".join(str(v) for v in raw))
    number = parse_number(raw)
    shown = str(raw).strip() if isinstance(raw, str) else (
        plain_number(number) if number is not None else str(raw))
    if number is None:
        raise AnswerRefused(NOT_A_NUMBER, value=shown)
    if question.kind == SCALE:
        low, high = question.minimum, question.maximum
        if not is_whole(number) or (low is not None and number < low) or (
                high is not None and number > high):
            raise AnswerRefused(NOT_ON_SCALE, value=shown, low=plain_number(low),
                                high=plain_number(high))
        return int(number)
    if question.whole and not is_whole(number):
        raise AnswerRefused(NOT_WHOLE, value=shown)
    if question.minimum is not None and number < question.minimum:
        raise AnswerRefused(BELOW, value=shown, limit=plain_number(question.minimum))
    if question.maximum is not None and number > question.maximum:
        raise AnswerRefused(ABOVE, value=shown, limit=plain_number(question.maximum))
    return number


def holds(condition, answer) -> bool:
    """Whether a condition holds for the (parsed) answer to the question it names."""
    if answer is None:
        return False
    if condition.operator == INCLUDES:
        return isinstance(answer, tuple) and condition.value in answer
    if condition.operator == EQUALS:
        if isinstance(answer, int | Decimal) and not isinstance(answer, bool):
            number = parse_number(condition.value)
            return number is not None and number == Decimal(answer)
        return answer == condition.value
    return False


def visible_codes(definition: SurveyDefinition, answers: Mapping[str, object]) -> set[str]:
    """The questions shown for these answers: a question with a condition is shown when the
    question it depends on is shown and its answer makes the condition hold."""
    shown: set[str] = set()
    for question in definition.questions:
        condition = question.condition
        if condition is None or (condition.question in shown
                                 and holds(condition, answers.get(condition.question))):
            shown.add(question.code)
    return shown


@dataclass(frozen=True)
class CheckedAnswers:
    answers: dict[str, object]  # code -> parsed answer; no entry for no answer
    problems: list[AnswerProblem]
    shown: set[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_answers(definition: SurveyDefinition, raw: Mapping[str, object], *,
                  submission: bool, language: str = "") -> CheckedAnswers:
    """Parse every answer given. For a submission, also require every required question
    that is shown, and keep no answer to a hidden question."""
    problems: list[AnswerProblem] = []
    parsed: dict[str, object] = {}
    language = language or definition.language
    known = {q.code for q in definition.questions}
    for code in raw:
        if code not in known:
            problems.append(AnswerProblem(code, "", UNKNOWN_QUESTION, {"value": code}))
    for question in definition.questions:
        try:
            value = parse_answer(question, raw.get(question.code))
        except AnswerRefused as refused:
            problems.append(AnswerProblem(question.code, question.label_in(language),
                                          refused.message, refused.params))
            continue
        if value is not None:
            parsed[question.code] = value
    shown = visible_codes(definition, parsed)
    if submission:
        parsed = {code: value for code, value in parsed.items() if code in shown}
        failed = {p.code for p in problems}
        problems += [AnswerProblem(q.code, q.label_in(language), REQUIRED)
                     for q in definition.questions
                     if q.required and q.code in shown and q.code not in parsed
                     and q.code not in failed]
        order = {q.code: i for i, q in enumerate(definition.questions)}
        problems.sort(key=lambda p: order.get(p.code, -1))
    return CheckedAnswers(parsed, problems, shown)


def stored(value):
    """An answer as JSON keeps it: numbers as text, so that 0.1 stays 0.1."""
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def loaded(question: QuestionSpec, value):
    """An answer read back from its JSON; a value the question no longer accepts (its
    definition changed) is dropped rather than shown as if valid."""
    try:
        return parse_answer(question, value)
    except AnswerRefused:
        return None


def as_text(question: QuestionSpec, value, language: str = "") -> str:
    """An answer as a person reads it: choice labels, plain numbers."""
    if value is None:
        return ""
    labels = {c.value: (c.translations.get(language) or c.label) for c in question.choices}
    if question.kind == SINGLE:
        return labels.get(value, str(value))
    if question.kind == MULTIPLE:
        return "; ".join(labels.get(v, v) for v in value)
    if isinstance(value, Decimal):
        return plain_number(value)
    return str(value)
