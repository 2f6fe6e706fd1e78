"""The XLSForm expressions a survey definition is written with, and the few that citypeer
reads back: a condition as a `relevant` expression, and a number's bounds as a `constraint`.

    ${q}='x'              the answer to q is the choice x (or the text x)
    ${q}=3                the answer to q (a scale or a number) is 3
    selected(${q}, 'x')   the answers to the multiple-choice question q include x
    . >= 0 and . <= 10    the answer is between 0 and 10 (either bound may be alone)

Anything else (and, or, not(), other functions) is refused with its reason: citypeer keeps a
condition as data so that it can show it, check it and carry it into next year's survey.
"""

from __future__ import annotations

import re
from decimal import Decimal

from citypeer.core.messages import gettext_noop
from citypeer.surveys.method.definition import EQUALS, INCLUDES, NUMBER, SCALE, Condition
from citypeer.surveys.method.numbers import parse_number, plain_number

_NAME = r"[A-Za-z_][A-Za-z0-9_.\-]*"
_QUOTED = r"'(?P<single>[^']*)'|\"(?P<double>[^\"]*)\""
_EQUALS = re.compile(
    rf"^\s*\$\{{(?P<name>{_NAME})\}}\s*=\s*(?:{_QUOTED}|(?P<number>-?\d+(?:\.\d+)?))\s*$")
_SELECTED = re.compile(
    rf"^\s*selected\s*\(\s*\$\{{(?P<name>{_NAME})\}}\s*,\s*(?:{_QUOTED})\s*\)\s*$")
_BOUND = re.compile(r"^\s*\.\s*(?P<op>>=|<=|>|<|=)\s*(?P<number>-?\d+(?:\.\d+)?)\s*$")
_AND = re.compile(r"\s+and\s+")

RELEVANT_NOT_READ = gettext_noop(
    "{value} is not a condition citypeer reads: write ${{question}}='choice', "
    "${{question}}=3 or selected(${{question}}, 'choice')")
CONSTRAINT_NOT_READ = gettext_noop(
    "{value} is not a constraint citypeer reads: write . >= lowest, . <= highest, or both "
    "joined by and")
STRICT_BOUND = gettext_noop(
    "{value}: write the bound the answer may take, with >= or <= (not > or <)")
TWO_LOWER = gettext_noop("{value} gives two lower bounds")
TWO_UPPER = gettext_noop("{value} gives two upper bounds")


class ExpressionRefused(ValueError):
    def __init__(self, message: str, **params):
        self.message, self.params = message, params
        super().__init__(message.format(**params))


def _quote(value: str) -> str:
    return f'"{value}"' if "'" in value else f"'{value}'"


def relevant_expression(condition: Condition, target_kind: str) -> str:
    if condition.operator == INCLUDES:
        return f"selected(${{{condition.question}}}, {_quote(condition.value)})"
    if target_kind in (SCALE, NUMBER):
        number = parse_number(condition.value)
        if number is not None:
            return f"${{{condition.question}}}={plain_number(number)}"
    return f"${{{condition.question}}}={_quote(condition.value)}"


def parse_relevant(text: str) -> Condition | None:
    """The condition a `relevant` cell holds, None for an empty cell; ExpressionRefused for an
    expression that is not one of the three forms."""
    if not text or not text.strip():
        return None
    match = _SELECTED.match(text)
    if match:
        return Condition(match["name"], INCLUDES, _value(match))
    match = _EQUALS.match(text)
    if match:
        return Condition(match["name"], EQUALS, _value(match))
    raise ExpressionRefused(RELEVANT_NOT_READ, value=text.strip())


def _value(match) -> str:
    for group in ("single", "double", "number"):
        found = match.groupdict().get(group)
        if found is not None:
            return found
    return ""


def constraint_expression(minimum: Decimal | None, maximum: Decimal | None) -> str:
    parts = []
    if minimum is not None:
        parts.append(f". >= {plain_number(minimum)}")
    if maximum is not None:
        parts.append(f". <= {plain_number(maximum)}")
    return " and ".join(parts)


def parse_constraint(text: str) -> tuple[Decimal | None, Decimal | None]:
    """(lowest, highest) from a `constraint` cell; (None, None) for an empty one."""
    if not text or not text.strip():
        return None, None
    low = high = None
    for part in _AND.split(text.strip()):
        match = _BOUND.match(part)
        if not match:
            raise ExpressionRefused(CONSTRAINT_NOT_READ, value=text.strip())
        number = parse_number(match["number"])
        if match["op"] in (">", "<"):
            raise ExpressionRefused(STRICT_BOUND, value=text.strip())
        if match["op"] in (">=", "="):
            if low is not None:
                raise ExpressionRefused(TWO_LOWER, value=text.strip())
            low = number
        if match["op"] in ("<=", "="):
            if high is not None:
                raise ExpressionRefused(TWO_UPPER, value=text.strip())
            high = number
    return low, high
