"""The benchmark library: bringing benchmark documents in and out of the database."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from django.db import transaction

from citypeer.benchmarks.domain.queries.benchmarks import benchmark_in_full
from citypeer.benchmarks.models import (
    Benchmark,
    CityExample,
    ContextFactor,
    GuideQuestion,
    Indicator,
    KeyFactor,
    Pillar,
    Value,
)
from citypeer.common.refusals import Refused
from citypeer.core.benchmark import (
    BenchmarkDocument,
    DocumentCityExample,
    DocumentContextFactor,
    DocumentIndicator,
    DocumentKeyFactor,
    DocumentPillar,
    DocumentValue,
    document_to_dict,
    load_document,
)


class BenchmarkExists(Refused):
    """A version is never changed in place: importing one that is stored is refused."""

    def __init__(self, slug: str, version: int):
        self.slug, self.version = slug, version
        super().__init__(
            f"benchmark {slug} version {version} exists already; import a new version, "
            "or replace it with --replace"
        )


class BenchmarkInUse(Refused):
    """A stored version that a programme uses cannot be replaced."""


def content_hash(document: BenchmarkDocument) -> str:
    canonical = json.dumps(document_to_dict(document), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def import_benchmark(
    *, document: BenchmarkDocument, replace: bool = False, imported_by=None
) -> Benchmark:
    """Write a validated document as one benchmark version, all of it or nothing."""
    with transaction.atomic():
        existing = (
            Benchmark.objects.select_for_update()
            .filter(slug=document.slug, version=document.version)
            .first()
        )
        if existing is not None:
            if not replace:
                raise BenchmarkExists(document.slug, document.version)
            users = benchmark_users(existing)
            if users:
                raise BenchmarkInUse(
                    f"benchmark {document.slug} version {document.version} is used by "
                    f"{', '.join(users)}; import the change as a new version instead"
                )
            existing.delete()
        return _write(document, imported_by=imported_by)


def benchmark_users(benchmark: Benchmark) -> list[str]:
    """What refers to this benchmark version and so keeps it from being replaced."""
    return [str(p) for p in benchmark.programmes.all()]


def _write(document: BenchmarkDocument, *, imported_by) -> Benchmark:
    benchmark = Benchmark.objects.create(
        slug=document.slug,
        version=document.version,
        title=document.title,
        kind=document.kind,
        language=document.language,
        source=document.source,
        description=document.description,
        standard=document.standard,
        content_hash=content_hash(document),
        imported_by=imported_by,
    )
    values = {
        v.code: Value.objects.create(benchmark=benchmark, code=v.code, name=v.name, position=i)
        for i, v in enumerate(document.values)
    }
    indicators = []
    for p_pos, p in enumerate(document.pillars):
        pillar = Pillar.objects.create(
            benchmark=benchmark, code=p.code, name=p.name, standard=p.standard, position=p_pos
        )
        for ind in p.indicators:
            indicators.append(
                Indicator(
                    benchmark=benchmark,
                    pillar=pillar,
                    value=values[ind.value],
                    code=ind.code,
                    number=ind.number,
                    text=ind.text,
                    position=len(indicators),
                )
            )
    Indicator.objects.bulk_create(indicators)
    for k_pos, k in enumerate(document.key_factors):
        key_factor = KeyFactor.objects.create(
            benchmark=benchmark,
            code=k.code,
            title=k.title,
            standard=k.standard,
            explanation=k.explanation,
            position=k_pos,
        )
        GuideQuestion.objects.bulk_create(
            GuideQuestion(key_factor=key_factor, text=q, position=i)
            for i, q in enumerate(k.guide_questions)
        )
        CityExample.objects.bulk_create(
            CityExample(key_factor=key_factor, city=e.city, year=e.year, text=e.text, position=i)
            for i, e in enumerate(k.examples)
        )
    ContextFactor.objects.bulk_create(
        ContextFactor(benchmark=benchmark, code=c.code, name=c.name, examples=c.examples,
                      position=i)
        for i, c in enumerate(document.context_factors)
    )
    return benchmark


def benchmark_document(benchmark: Benchmark) -> BenchmarkDocument:
    """The stored benchmark as a document: what export writes and import reads back."""
    b = benchmark_in_full(benchmark.pk)
    values = {v.pk: v.code for v in b.values.all()}
    by_pillar: dict[int, list[Indicator]] = {}
    for ind in b.indicators.all():
        by_pillar.setdefault(ind.pillar_id, []).append(ind)
    pillars = []
    for p in b.pillars.all():
        cells: dict[str, list[DocumentIndicator]] = {}
        for ind in by_pillar.get(p.pk, []):
            value_code = values[ind.value_id]
            cells.setdefault(value_code, []).append(
                DocumentIndicator(code=ind.code, text=ind.text, pillar=p.code, value=value_code)
            )
        pillars.append(
            DocumentPillar(
                code=p.code,
                name=p.name,
                standard=p.standard,
                cells=tuple((v, tuple(inds)) for v, inds in cells.items()),
            )
        )
    return BenchmarkDocument(
        slug=b.slug,
        version=b.version,
        title=b.title,
        kind=b.kind,
        language=b.language,
        source=b.source,
        description=b.description,
        standard=b.standard,
        values=tuple(DocumentValue(code=v.code, name=v.name) for v in b.values.all()),
        pillars=tuple(pillars),
        key_factors=tuple(
            DocumentKeyFactor(
                code=k.code,
                title=k.title,
                standard=k.standard,
                explanation=k.explanation,
                guide_questions=tuple(q.text for q in k.guide_questions.all()),
                examples=tuple(
                    DocumentCityExample(city=e.city, year=e.year, text=e.text)
                    for e in k.examples.all()
                ),
            )
            for k in b.key_factors.all()
        ),
        context_factors=tuple(
            DocumentContextFactor(code=c.code, name=c.name, examples=c.examples)
            for c in b.context_factors.all()
        ),
    )


@dataclass(frozen=True)
class ShippedOutcome:
    slug: str
    version: int
    status: str  # "imported", "unchanged" or "differs"


def shipped_benchmark_files() -> list[Path]:
    folder = resources.files("citypeer.benchmarks").joinpath("data", "shipped")
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".yaml"))


def load_shipped_benchmarks() -> list[ShippedOutcome]:
    """Bring in the benchmarks citypeer ships; safe to run again and again.

    A shipped file whose content differs from the stored version is reported and left
    alone: a stored version is never changed in place.
    """
    outcomes = []
    for path in shipped_benchmark_files():
        document = load_document(path)
        stored = Benchmark.objects.filter(slug=document.slug, version=document.version).first()
        if stored is None:
            import_benchmark(document=document)
            status = "imported"
        elif stored.content_hash == content_hash(document):
            status = "unchanged"
        else:
            status = "differs"
        outcomes.append(ShippedOutcome(document.slug, document.version, status))
    return outcomes

