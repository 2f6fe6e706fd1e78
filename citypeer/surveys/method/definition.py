"""A survey's definition as data: its questions, their kinds, bounds, choices and conditions,
and the rules a definition must keep before a city can answer it.

One definition is what the pages edit, what an XLSForm holds and what the results are read
with. A question keeps its `code` from year to year, so that the trends over the years can
put the answers of every year side by side.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from citypeer.core.messages import gettext_noop
from citypeer.surveys.method.numbers import is_whole, parse_number, plain_number

SCALE = "scale"
SINGLE = "single"
MULTIPLE = "multiple"
NUMBER = "number"
TEXT = "text"
KINDS = (SCALE, SINGLE, MULTIPLE, NUMBER, TEXT)
WITH_CHOICES = (SINGLE, MULTIPLE)

EQUALS = "equals"
INCLUDES = "includes"
OPERATORS = (EQUALS, INCLUDES)

# Codes and choice values become XLSForm names: XML names, as ODK and KoboToolbox read them.
CODE_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
VALUE_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]+$")
MAX_CODE_LENGTH = 100
MAX_LABEL_LENGTH = 2000
MAX_QUESTIONS = 500
MAX_SCALE_POINTS = 21
MAX_TEXT_ANSWER = 10_000

# The answers a question generated from a benchmark offers: the host city's view of its own
# progress, in the words of the initial report's self-assessment.
STATUS_LIST = "status"
STATUS_CHOICES = (
    ("achieved", gettext_noop("achieved")),
    ("in_progress", gettext_noop("in progress")),
    ("aspiration", gettext_noop("aspiration only")),
    ("not_applicable", gettext_noop("not applicable")),
)

# Messages (English templates; {name} fields are filled in after translation).
NO_CODE = gettext_noop("the question has no code")
BAD_CODE = gettext_noop(
    "{value} is not a usable code: start with a letter or _, then letters, digits, _ . or -"
    " (at most {limit} characters)")
DUPLICATE_CODE = gettext_noop("the code {value} is also used by question {other}")
UNKNOWN_KIND = gettext_noop("{value} is not a kind of question ({kinds})")
NO_TEXT = gettext_noop("the question has no text")
TEXT_TOO_LONG = gettext_noop("the text has {length} characters; at most {limit} fit")
SCALE_BOUNDS = gettext_noop("a scale needs whole-number bounds, the lower below the upper")
SCALE_TOO_WIDE = gettext_noop("a scale has at most {limit} points; this one has {count}")
NUMBER_BOUNDS = gettext_noop("the lower bound {minimum} is above the upper bound {maximum}")
WHOLE_BOUNDS = gettext_noop("a whole-number question needs whole-number bounds")
NO_CHOICES = gettext_noop("a choice question needs at least two choices")
BAD_VALUE = gettext_noop(
    "{value} is not a usable choice value: letters, digits, _ . or - (at most {limit})")
DUPLICATE_VALUE = gettext_noop("the choice value {value} comes twice")
NO_LABEL = gettext_noop("the choice {value} has no label")
CHOICES_NOT_USED = gettext_noop("only choice questions have choices")
TOO_MANY = gettext_noop("a survey has at most {limit} questions")
UNKNOWN_TARGET = gettext_noop("the condition refers to {value}, which is no question here")
LATER_TARGET = gettext_noop(
    "the condition refers to {value}, which comes after this question: a condition can only "
    "depend on an earlier answer")
SELF_TARGET = gettext_noop("the condition refers to the question itself")
UNKNOWN_OPERATOR = gettext_noop("{value} is not a kind of condition (equals, includes)")
INCLUDES_NEEDS_MULTIPLE = gettext_noop(
    "“includes” needs a multiple-choice question; {value} is not one")
EQUALS_ON_MULTIPLE = gettext_noop(
    "{value} takes several answers: say that it includes a choice, not that it equals one")
NOT_A_CHOICE = gettext_noop("{value} is not a choice of {target}")
NOT_A_POINT = gettext_noop("{value} is not a point of the scale of {target} ({low} to {high})")
NOT_A_NUMBER_OF = gettext_noop("{value} is not a number {target} accepts")
NO_CONDITION_VALUE = gettext_noop("the condition has no value")
QUESTION_PLACE = gettext_noop("question {number} ({code})")


@dataclass(frozen=True)
class ChoiceSpec:
    value: str
    label: str
    translations: Mapping[str, str] = field(default_factory=dict)  # language -> label


@dataclass(frozen=True)
class Condition:
    """Shown only when the answer to `question` equals `value` (or, for a multiple-choice
    question, includes it)."""

    question: str
    operator: str
    value: str


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    kind: str
    text: str
    hint: str = ""
    section: str = ""
    required: bool = False
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    whole: bool = False  # a number question that takes whole numbers only
    low_label: str = ""  # what the scale's lowest point means
    high_label: str = ""
    choice_list: str = ""
    choices: tuple[ChoiceSpec, ...] = ()
    condition: Condition | None = None
    source: str = ""  # "slug:version:CODE" of the indicator or key factor it was made from
    # language -> {"text", "hint", "low_label", "high_label"}
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def choice_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)

    def label_in(self, language: str, name: str = "text") -> str:
        """The text (or hint, or scale label) in `language`, else in the survey's own."""
        translated = self.translations.get(language, {}).get(name, "")
        return translated or getattr(self, name)


@dataclass(frozen=True)
class SurveyDefinition:
    title: str
    language: str = "en"
    questions: tuple[QuestionSpec, ...] = ()
    form_id: str = ""
    version: str = ""

    def question(self, code: str) -> QuestionSpec | None:
        return next((q for q in self.questions if q.code == code), None)

    def languages(self) -> tuple[str, ...]:
        """The survey's own language first, then every language a translation is given in."""
        others = sorted({lang for q in self.questions for lang in q.translations}
                        | {lang for q in self.questions for c in q.choices
                           for lang in c.translations} - {self.language})
        return (self.language, *others)


@dataclass(frozen=True)
class DefinitionProblem:
    """Something wrong with one question (`index` from 0) or the whole definition (None);
    `part` says which of its parts: code, kind, text, bounds, choices, condition."""

    index: int | None
    part: str
    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    choice: int | None = None  # the position of the choice concerned, from 0
    code: str = ""  # the question's code, as given

    def text(self, translate=lambda s: s) -> str:
        return translate(self.message).format(**self.params)

    def render(self, translate=lambda s: s) -> str:
        if self.index is None:
            return self.text(translate)
        where = translate(QUESTION_PLACE).format(number=self.index + 1, code=self.code or "–")
        return f"{where}: {self.text(translate)}"

    def __str__(self) -> str:
        return self.render()


def is_code(value: str) -> bool:
    return bool(CODE_PATTERN.match(value or "")) and len(value) <= MAX_CODE_LENGTH


def is_choice_value(value: str) -> bool:
    return bool(VALUE_PATTERN.match(value or "")) and len(value) <= MAX_CODE_LENGTH


def check_definition(definition: SurveyDefinition) -> list[DefinitionProblem]:
    """Every problem of the definition, in question order; [] when a city can answer it."""
    problems: list[DefinitionProblem] = []
    if len(definition.questions) > MAX_QUESTIONS:
        problems.append(DefinitionProblem(None, "questions", TOO_MANY, {"limit": MAX_QUESTIONS}))
    position: dict[str, int] = {}
    for index, question in enumerate(definition.questions):
        problems += _check_question(index, question, position)
        position.setdefault(question.code, index)
    for index, question in enumerate(definition.questions):
        if question.condition is not None:
            problems += _check_condition(index, question, definition, position)
    return sorted(problems, key=lambda p: -1 if p.index is None else p.index)


def _check_question(index, q: QuestionSpec, seen: Mapping[str, int]):
    def problem(part, message, choice=None, **params):
        return DefinitionProblem(index, part, message, params, choice, q.code)

    if not q.code:
        yield problem("code", NO_CODE)
    elif not is_code(q.code):
        yield problem("code", BAD_CODE, value=q.code, limit=MAX_CODE_LENGTH)
    elif q.code in seen:
        yield problem("code", DUPLICATE_CODE, value=q.code, other=seen[q.code] + 1)
    if q.kind not in KINDS:
        yield problem("kind", UNKNOWN_KIND, value=q.kind, kinds=", ".join(KINDS))
    if not q.text.strip():
        yield problem("text", NO_TEXT)
    elif len(q.text) > MAX_LABEL_LENGTH:
        yield problem("text", TEXT_TOO_LONG, length=len(q.text), limit=MAX_LABEL_LENGTH)
    if q.kind == SCALE:
        if (q.minimum is None or q.maximum is None or not is_whole(q.minimum)
                or not is_whole(q.maximum) or q.minimum >= q.maximum):
            yield problem("bounds", SCALE_BOUNDS)
        elif q.maximum - q.minimum + 1 > MAX_SCALE_POINTS:
            yield problem("bounds", SCALE_TOO_WIDE, limit=MAX_SCALE_POINTS,
                          count=int(q.maximum - q.minimum + 1))
    if q.kind == NUMBER:
        if q.minimum is not None and q.maximum is not None and q.minimum > q.maximum:
            yield problem("bounds", NUMBER_BOUNDS, minimum=q.minimum, maximum=q.maximum)
        if q.whole and not (is_whole(q.minimum) and is_whole(q.maximum)):
            yield problem("bounds", WHOLE_BOUNDS)
    if q.kind in WITH_CHOICES:
        yield from _check_choices(q, problem)
    elif q.choices:
        yield problem("choices", CHOICES_NOT_USED)


def _check_choices(q: QuestionSpec, problem):
    if len(q.choices) < 2:
        yield problem("choices", NO_CHOICES)
    values: set[str] = set()
    for position, choice in enumerate(q.choices):
        if not is_choice_value(choice.value):
            yield problem("choices", BAD_VALUE, position, value=choice.value,
                          limit=MAX_CODE_LENGTH)
        elif choice.value in values:
            yield problem("choices", DUPLICATE_VALUE, position, value=choice.value)
        values.add(choice.value)
        if not choice.label.strip():
            yield problem("choices", NO_LABEL, position, value=choice.value)


def _check_condition(index, q: QuestionSpec, definition, position):
    condition = q.condition

    def problem(message, **params):
        return DefinitionProblem(index, "condition", message, params, code=q.code)

    if condition.question == q.code:
        yield problem(SELF_TARGET)
        return
    if condition.question not in position:
        yield problem(UNKNOWN_TARGET, value=condition.question)
        return
    if position[condition.question] > index:
        yield problem(LATER_TARGET, value=condition.question)
        return
    if condition.operator not in OPERATORS:
        yield problem(UNKNOWN_OPERATOR, value=condition.operator)
        return
    target = definition.question(condition.question)
    if condition.operator == INCLUDES and target.kind != MULTIPLE:
        yield problem(INCLUDES_NEEDS_MULTIPLE, value=target.code)
        return
    if condition.operator == EQUALS and target.kind == MULTIPLE:
        yield problem(EQUALS_ON_MULTIPLE, value=target.code)
        return
    message = condition_value_problem(target, condition.value)
    if message is not None:
        yield problem(message[0], **message[1])


def condition_value_problem(target: QuestionSpec, value: str):
    """(message, params) when `value` is no answer `target` can have, else None."""
    if value == "":
        return NO_CONDITION_VALUE, {}
    if target.kind in WITH_CHOICES:
        if value not in target.choice_values():
            return NOT_A_CHOICE, {"value": value, "target": target.code}
        return None
    if target.kind == SCALE:
        number = parse_number(value)
        low, high = target.minimum, target.maximum
        if number is None or not is_whole(number) or (
                low is not None and high is not None and not low <= number <= high):
            return NOT_A_POINT, {"value": value, "target": target.code,
                                 "low": plain_number(low), "high": plain_number(high)}
        return None
    if target.kind == NUMBER:
        number = parse_number(value)
        if number is None or (target.whole and not is_whole(number)) or (
                target.minimum is not None and number < target.minimum) or (
                target.maximum is not None and number > target.maximum):
            return NOT_A_NUMBER_OF, {"value": value, "target": target.code}
    return None


def scale_points(question: QuestionSpec) -> tuple[int, ...]:
    if question.minimum is None or question.maximum is None:
        return ()
    return tuple(range(int(question.minimum), int(question.maximum) + 1))
