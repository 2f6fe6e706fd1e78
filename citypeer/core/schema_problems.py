"""Problems in a document checked by a JSON Schema, said in words and placed in the document
(`pillars[2].values[1].indicators[4].code`). Benchmarks, visit instances and review bundles
all report their problems this way."""

from __future__ import annotations

import re
from dataclasses import dataclass

import jsonschema


@dataclass(frozen=True)
class Problem:
    location: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


def format_location(path) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


def document_order(problem: Problem) -> list:
    """pillars[2] before pillars[10]: numbers compare as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", problem.location)]


def unique_problems(problems: list[Problem]) -> list[Problem]:
    return list(dict.fromkeys(problems))


def problem_from_schema_error(
    err: jsonschema.ValidationError, *, pattern_hints: dict[str, str]
) -> Problem:
    """One schema error in words; `pattern_hints` says what each pattern of the schema means."""
    path = list(err.absolute_path)
    kind, value = err.validator, err.instance
    where = format_location(path)
    if kind == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return Problem(format_location([*path, missing]), "is required but missing")
    if kind == "additionalProperties":
        extra = sorted(set(value) - set(err.schema.get("properties", {})))
        return Problem(where, "unknown field(s): " + ", ".join(repr(e) for e in extra))
    if kind == "type":
        expected = err.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return Problem(where, f"must be of type {expected}, not {type(value).__name__} "
                              f"{value!r}")
    if kind == "pattern":
        hint = pattern_hints.get(err.validator_value, f"the pattern {err.validator_value}")
        return Problem(where, f"{value!r} must be {hint}")
    if kind == "const":
        return Problem(where, f"{value!r} must be {err.validator_value!r}")
    if kind == "enum":
        return Problem(where, f"{value!r} is not one of "
                              f"{', '.join(map(repr, err.validator_value))}")
    if kind == "minLength":
        return Problem(where, "must not be empty")
    if kind == "maxLength":
        return Problem(where, f"is longer than {err.validator_value} characters")
    if kind == "minItems":
        return Problem(where, f"must have at least {err.validator_value} item(s)")
    if kind in ("minimum", "maximum"):
        side = "at least" if kind == "minimum" else "at most"
        return Problem(where, f"{value!r} must be {side} {err.validator_value}")
    return Problem(where, err.message)
