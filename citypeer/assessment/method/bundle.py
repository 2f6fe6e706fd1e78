"""Review bundles: one review's evidence bank as a JSON file, read without the server.

The format is the JSON Schema ``review-bundle.schema.json`` beside this module (copied to
docs/review-bundle.schema.json) and is described in docs/assessment-rules.md. A bundle names
its benchmark by slug and version; it is checked against that benchmark document, and every
problem is reported with its place in the bundle (``evidence[4].indicators[0]``), the way
benchmark files are.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import jsonschema

from citypeer.assessment.method.evidence import (
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
)
from citypeer.assessment.method.proposal import (
    DEFAULT_MIN_CORROBORATING_INTERVIEWS,
    Proposal,
    assess,
    assessable_codes,
)
from citypeer.core.benchmark import BenchmarkDocument, load_document
from citypeer.core.schema_problems import (
    Problem,
    document_order,
    format_location,
    problem_from_schema_error,
    unique_problems,
)

SCHEMA_RESOURCE = "review-bundle.schema.json"
# The benchmarks citypeer ships, read as files: no Django app is imported.
SHIPPED_BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "shipped"


class ReviewBundleError(ValueError):
    def __init__(self, source_name: str, problems: list[Problem]):
        self.source_name = source_name
        self.problems = problems
        super().__init__("\n".join(f"{source_name}: {p}" for p in problems))


@dataclass(frozen=True)
class ReviewBundle:
    benchmark: BenchmarkDocument
    interviews: tuple[InterviewInput, ...]
    evidence: tuple[EvidenceInput, ...]
    min_interviews: int = DEFAULT_MIN_CORROBORATING_INTERVIEWS
    title: str = ""

    def proposals(self) -> tuple[Proposal, ...]:
        return assess(indicators=assessable_codes(self.benchmark), evidence=self.evidence,
                      min_interviews=self.min_interviews)


@cache
def bundle_schema() -> dict:
    text = resources.files(__package__).joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    return json.loads(text)


def parse_bundle_text(text: str, *, source_name: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReviewBundleError(source_name, [
            Problem(f"line {exc.lineno}, column {exc.colno}", f"not valid JSON: {exc.msg}")
        ]) from exc
    if not isinstance(data, dict):
        raise ReviewBundleError(source_name, [
            Problem("(document)", "must be an object with bundle_version, benchmark, "
                                  "interviews and evidence")
        ])
    return data


def benchmark_key(data: dict) -> tuple[str, int] | None:
    """The (slug, version) a bundle names, when it names one in the right form."""
    ref = data.get("benchmark")
    if isinstance(ref, dict) and isinstance(ref.get("slug"), str) \
            and type(ref.get("version")) is int:
        return ref["slug"], ref["version"]
    return None


def validate_bundle(data: dict, *, benchmark: BenchmarkDocument | None) -> list[Problem]:
    """Every problem of a bundle: its shape, then references between its parts and to the
    benchmark. ``benchmark`` is the document the bundle names, or None when it is unknown.

    The checks after the schema skip whatever is malformed, so that one mistake does not
    hide the others.
    """
    validator = jsonschema.Draft202012Validator(bundle_schema())
    problems = [_problem_from_schema_error(err) for err in validator.iter_errors(data)]
    problems += _benchmark_problems(data, benchmark)
    problems += _reference_problems(data, benchmark)
    return sorted(unique_problems(problems), key=document_order)


def bundle_from_dict(data: dict, *, benchmark: BenchmarkDocument) -> ReviewBundle:
    """A bundle from data that ``validate_bundle`` has accepted."""
    interviews = {
        i["id"]: InterviewInput(
            id=i["id"], number=i["number"], interviewee=i["interviewee"],
            interviewers=tuple(i["interviewers"]), day=i.get("day"), time=i.get("time"),
        )
        for i in data["interviews"]
    }
    evidence = tuple(
        EvidenceInput(
            id=e["id"],
            indicators=tuple(e["indicators"]),
            source=Source(e["source"]),
            kind=EvidenceKind(e["kind"]),
            direction=Direction(e["direction"]),
            text=e["text"],
            interview=interviews[e["interview"]] if "interview" in e else None,
            workshop=e.get("workshop", ""),
            document=e.get("document", ""),
            page=e.get("page"),
            recorded_by=tuple(e.get("recorded_by", ())),
        )
        for e in data["evidence"]
    )
    settings = data.get("settings", {})
    return ReviewBundle(
        benchmark=benchmark,
        interviews=tuple(interviews.values()),
        evidence=evidence,
        min_interviews=settings.get("min_corroborating_interviews",
                                    DEFAULT_MIN_CORROBORATING_INTERVIEWS),
        title=data.get("title", ""),
    )


def bundle_from_text(
    text: str, *, source_name: str,
    benchmark_for: Callable[[str, int], BenchmarkDocument | None],
) -> ReviewBundle:
    data = parse_bundle_text(text, source_name=source_name)
    key = benchmark_key(data)
    benchmark = benchmark_for(*key) if key else None
    problems = validate_bundle(data, benchmark=benchmark)
    if problems:
        raise ReviewBundleError(source_name, problems)
    return bundle_from_dict(data, benchmark=benchmark)


def load_bundle(
    path: str | Path, *,
    benchmark_for: Callable[[str, int], BenchmarkDocument | None] | None = None,
) -> ReviewBundle:
    """Read and check a bundle file. ``benchmark_for(slug, version)`` finds the benchmark it
    names (None when unknown); by default, among the benchmarks citypeer ships."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewBundleError(str(path), [Problem("(file)", str(exc))]) from exc
    return bundle_from_text(text, source_name=str(path),
                            benchmark_for=benchmark_for or shipped_benchmark)


def shipped_benchmark(slug: str, version: int) -> BenchmarkDocument | None:
    return shipped_benchmarks().get((slug, version))


@cache
def shipped_benchmarks() -> dict[tuple[str, int], BenchmarkDocument]:
    documents = (load_document(path) for path in sorted(SHIPPED_BENCHMARKS.glob("*.yaml")))
    return {(doc.slug, doc.version): doc for doc in documents}


def benchmark_from_file(path: str | Path) -> Callable[[str, int], BenchmarkDocument | None]:
    """A ``benchmark_for`` that offers one benchmark file (YAML or JSON) and nothing else.

    Raises ``BenchmarkDocumentError`` when the file is not a valid benchmark."""
    document = load_document(path)
    return lambda slug, version: document


# --- checks the schema cannot express -----------------------------------------------------

def _benchmark_problems(data: dict, benchmark: BenchmarkDocument | None) -> list[Problem]:
    key = benchmark_key(data)
    if key is None:
        return []  # the schema has said what is wrong
    slug, version = key
    if benchmark is None:
        return [Problem("benchmark", f"no benchmark {slug!r} version {version} is known")]
    problems = []
    if benchmark.slug != slug:
        problems.append(Problem("benchmark.slug", f"{slug!r} is not the benchmark given "
                                                  f"({benchmark.slug!r})"))
    if benchmark.version != version:
        problems.append(Problem("benchmark.version", f"{version} is not the version of the "
                                                     f"benchmark given ({benchmark.version})"))
    return problems


def _reference_problems(data: dict, benchmark: BenchmarkDocument | None) -> list[Problem]:
    problems: list[Problem] = []
    interviews = _list(data.get("interviews"))
    evidence = _list(data.get("evidence"))
    interview_ids = _check_unique(interviews, "id", "interviews", problems)
    _check_unique(interviews, "number", "interviews", problems)
    _check_unique(evidence, "id", "evidence", problems)

    known = set(assessable_codes(benchmark)) if benchmark else None
    benchmark_name = f"{benchmark.slug} version {benchmark.version}" if benchmark else ""
    for e_index, item in enumerate(evidence):
        if not isinstance(item, dict):
            continue
        at = f"evidence[{e_index}]"
        interview = item.get("interview")
        if isinstance(interview, str) and interview not in interview_ids:
            problems.append(Problem(f"{at}.interview",
                                    f"{interview!r} is not one of the bundle's interviews"))
        seen: dict[str, int] = {}
        for c_index, code in enumerate(_list(item.get("indicators"))):
            if not isinstance(code, str):
                continue
            where = f"{at}.indicators[{c_index}]"
            if code in seen:
                problems.append(Problem(where, f"{code!r} is given twice (first at "
                                               f"{at}.indicators[{seen[code]}])"))
                continue
            seen[code] = c_index
            if known is not None and code not in known:
                problems.append(Problem(where, f"{code!r} is not an indicator of "
                                               f"{benchmark_name}"))
    return problems


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _check_unique(items: list, key: str, where: str, problems: list[Problem]) -> set:
    seen: dict = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(key), str | int):
            continue
        value = item[key]
        if value in seen:
            problems.append(Problem(f"{where}[{index}].{key}",
                                    f"{value!r} is used twice (first at {where}[{seen[value]}])"))
        else:
            seen[value] = index
    return set(seen)


# --- schema errors in words ---------------------------------------------------------------

_ONLY_WITH = {
    "interview": "only evidence from an interview names an interview",
    "recorded_by": "evidence from an interview has the interview's interviewers; "
                   "leave recorded_by out",
    "workshop": "only evidence from a workshop names a workshop",
    "document": "only evidence from a document names a document",
    "page": "only a document or the initial report has pages",
}

_PATTERN_HINTS = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "lower-case letters, digits and single hyphens (for example "
    "inti-cities-2009)",
    "^[A-Za-z0-9][A-Za-z0-9._-]*$": "letters, digits, '.', '_' and '-', starting with a letter "
    "or digit (for example i17 or P-12)",
    "^[A-ZÀ-ÖØ-Þ]{2,4}$": "initials: two to four capital letters (for example JB)",
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": "a time HH:MM (for example 09:00)",
}


def _problem_from_schema_error(err: jsonschema.ValidationError) -> Problem:
    if err.validator == "not" and list(err.validator_value) == ["required"]:
        field = err.validator_value["required"][0]
        return Problem(format_location([*err.absolute_path, field]),
                       _ONLY_WITH.get(field, err.message))
    return problem_from_schema_error(err, pattern_hints=_PATTERN_HINTS)

