"""Checking a benchmark document before anything is written.

Every problem is reported with the location in the document (``pillars[2].values[1].
indicators[4].code``) so that a coordinator can find and mend it in the file.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema
import yaml

from citypeer.core.benchmark.document import BenchmarkDocument, document_from_dict
from citypeer.core.schema_problems import (
    Problem,
    document_order,
    format_location,
    problem_from_schema_error,
    unique_problems,
)

__all__ = ["BenchmarkDocumentError", "Problem", "format_location", "load_document",
           "parse_document_text", "validate_document"]

SCHEMA_RESOURCE = "benchmark.schema.json"


class BenchmarkDocumentError(ValueError):
    def __init__(self, source_name: str, problems: list[Problem]):
        self.source_name = source_name
        self.problems = problems
        super().__init__("\n".join(f"{source_name}: {p}" for p in problems))


@cache
def benchmark_schema() -> dict:
    text = resources.files(__package__).joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def parse_document_text(text: str, *, source_name: str) -> dict:
    """Read YAML or JSON (JSON is read as YAML) into plain data, or raise with the line."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(document)"
        problem = getattr(exc, "problem", None) or str(exc)
        raise BenchmarkDocumentError(
            source_name, [Problem(where, f"not valid YAML or JSON: {problem}")]
        ) from exc
    if not isinstance(data, dict):
        raise BenchmarkDocumentError(
            source_name, [Problem("(document)", "must be a mapping with slug, version, title…")]
        )
    return data


def validate_document(data: dict) -> list[Problem]:
    """All problems of a document: first its shape, then the rules the schema cannot say."""
    validator = jsonschema.Draft202012Validator(benchmark_schema())
    problems = [problem_from_schema_error(err, pattern_hints=_PATTERN_HINTS)
                for err in validator.iter_errors(data)]
    if not problems:
        # Consistency is only worth checking once the shape is right.
        problems = _consistency_problems(data)
    return sorted(unique_problems(problems), key=document_order)


def load_document(path: str | Path) -> BenchmarkDocument:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BenchmarkDocumentError(str(path), [Problem("(file)", str(exc))]) from exc
    return document_from_text(text, source_name=str(path))


def document_from_text(text: str, *, source_name: str) -> BenchmarkDocument:
    data = parse_document_text(text, source_name=source_name)
    problems = validate_document(data)
    if problems:
        raise BenchmarkDocumentError(source_name, problems)
    return document_from_dict(data)


_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case letters, digits and single hyphens (for example "
    "inti-cities-2009)",
    "^[A-Z]{1,4}$": "one to four capital letters (for example GG or A)",
    "^[A-Z]{1,4}/[A-Z]{1,4}/[1-9][0-9]*$": "of the form PILLAR/VALUE/N (for example GG/I/3)",
    "^KF[1-9][0-9]*$": "of the form KF1, KF2, …",
    "^CF[1-9][0-9]*$": "of the form CF1, CF2, …",
}


def _consistency_problems(data: dict) -> list[Problem]:
    problems: list[Problem] = []
    value_codes = _check_unique(data.get("values", []), "code", "values", problems)
    _check_unique(data.get("pillars", []), "code", "pillars", problems)
    _check_unique(data.get("key_factors", []), "code", "key_factors", problems)
    _check_unique(data.get("context_factors", []), "code", "context_factors", problems)

    indicator_codes: dict[str, str] = {}
    for p_index, pillar in enumerate(data.get("pillars", [])):
        seen_values: set[str] = set()
        for c_index, cell in enumerate(pillar["values"]):
            cell_at = f"pillars[{p_index}].values[{c_index}]"
            if cell["value"] not in value_codes:
                problems.append(
                    Problem(
                        f"{cell_at}.value",
                        f"{cell['value']!r} is not one of the benchmark's values "
                        f"({', '.join(sorted(value_codes)) or 'none declared'})",
                    )
                )
            if cell["value"] in seen_values:
                problems.append(
                    Problem(
                        f"{cell_at}.value",
                        f"value {cell['value']!r} appears twice in pillar {pillar['code']!r}",
                    )
                )
            seen_values.add(cell["value"])
            prefix = f"{pillar['code']}/{cell['value']}/"
            for i_index, indicator in enumerate(cell["indicators"]):
                at = f"{cell_at}.indicators[{i_index}].code"
                code = indicator["code"]
                if not code.startswith(prefix):
                    problems.append(
                        Problem(at, f"{code!r} does not match its place: expected {prefix}N")
                    )
                if code in indicator_codes:
                    problems.append(
                        Problem(at, f"{code!r} is used twice (first at {indicator_codes[code]})")
                    )
                else:
                    indicator_codes[code] = at
    return problems


def _check_unique(items: list[dict], key: str, where: str, problems: list[Problem]) -> set[str]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        code = item[key]
        if code in seen:
            problems.append(
                Problem(
                    f"{where}[{index}].{key}",
                    f"{code!r} is used twice (first at {where}[{seen[code]}])",
                )
            )
        else:
            seen[code] = index
    return set(seen)
