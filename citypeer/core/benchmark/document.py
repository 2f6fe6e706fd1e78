"""Benchmark documents as immutable values.

A matrix benchmark (INTI-CITIES) crosses pillars with transversal values and numbers its
indicators per cell (``GG/I/3``). A toolkit benchmark (Integrating Cities) has one standard,
key factors with guide questions and city examples, and context factors. Both are one
``BenchmarkDocument`` so that a further toolkit is a data file, not code.

The parts are named ``Document…`` (``DocumentIndicator``, ``DocumentPillar``…): they are the
parts of a document, plain values that the file, the export and the API hold; the rows stored
for a benchmark version are the models of the same names without the prefix
(``citypeer.benchmarks.models.Indicator``), which carry ids, positions and relations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KIND_MATRIX = "matrix"
KIND_TOOLKIT = "toolkit"


@dataclass(frozen=True)
class DocumentValue:
    code: str
    name: str


@dataclass(frozen=True)
class DocumentIndicator:
    code: str
    text: str
    pillar: str
    value: str

    @property
    def number(self) -> int:
        return int(self.code.rsplit("/", 1)[1])


@dataclass(frozen=True)
class DocumentPillar:
    code: str
    name: str
    standard: str = ""
    # (value code, indicators) in the order the document gives them
    cells: tuple[tuple[str, tuple[DocumentIndicator, ...]], ...] = ()

    @property
    def indicators(self) -> tuple[DocumentIndicator, ...]:
        return tuple(ind for _, inds in self.cells for ind in inds)


@dataclass(frozen=True)
class DocumentCityExample:
    city: str
    text: str
    year: int | None = None


@dataclass(frozen=True)
class DocumentKeyFactor:
    code: str
    title: str
    standard: str
    explanation: str = ""
    guide_questions: tuple[str, ...] = ()
    examples: tuple[DocumentCityExample, ...] = ()


@dataclass(frozen=True)
class DocumentContextFactor:
    code: str
    name: str
    examples: str


@dataclass(frozen=True)
class BenchmarkDocument:
    slug: str
    version: int
    title: str
    kind: str
    language: str
    source: str = ""
    description: str = ""
    standard: str = ""
    values: tuple[DocumentValue, ...] = ()
    pillars: tuple[DocumentPillar, ...] = ()
    key_factors: tuple[DocumentKeyFactor, ...] = ()
    context_factors: tuple[DocumentContextFactor, ...] = field(default=())

    @property
    def indicators(self) -> tuple[DocumentIndicator, ...]:
        return tuple(ind for pillar in self.pillars for ind in pillar.indicators)


def document_from_dict(data: dict) -> BenchmarkDocument:
    """Build a document from data that ``validate_document`` has accepted."""
    pillars = []
    for p in data.get("pillars", []):
        cells = tuple(
            (
                cell["value"],
                tuple(
                    DocumentIndicator(code=i["code"], text=i["text"], pillar=p["code"],
                                      value=cell["value"])
                    for i in cell["indicators"]
                ),
            )
            for cell in p["values"]
        )
        pillars.append(
            DocumentPillar(code=p["code"], name=p["name"], standard=p.get("standard", ""),
                           cells=cells)
        )
    key_factors = tuple(
        DocumentKeyFactor(
            code=k["code"],
            title=k["title"],
            standard=k["standard"],
            explanation=k.get("explanation", ""),
            guide_questions=tuple(k.get("guide_questions", ())),
            examples=tuple(
                DocumentCityExample(city=e["city"], text=e["text"], year=e.get("year"))
                for e in k.get("examples", ())
            ),
        )
        for k in data.get("key_factors", [])
    )
    return BenchmarkDocument(
        slug=data["slug"],
        version=data["version"],
        title=data["title"],
        kind=data["kind"],
        language=data["language"],
        source=data.get("source", ""),
        description=data.get("description", ""),
        standard=data.get("standard", ""),
        values=tuple(DocumentValue(code=v["code"], name=v["name"])
                     for v in data.get("values", [])),
        pillars=tuple(pillars),
        key_factors=key_factors,
        context_factors=tuple(
            DocumentContextFactor(code=c["code"], name=c["name"], examples=c["examples"])
            for c in data.get("context_factors", [])
        ),
    )


def document_to_dict(doc: BenchmarkDocument) -> dict:
    """The inverse of ``document_from_dict``: the form files are written and read in.

    Empty optional parts are left out so that export followed by import is exact.
    """
    data: dict = {
        "slug": doc.slug,
        "version": doc.version,
        "title": doc.title,
        "kind": doc.kind,
        "language": doc.language,
    }
    for key in ("source", "description", "standard"):
        if getattr(doc, key):
            data[key] = getattr(doc, key)
    if doc.values:
        data["values"] = [{"code": v.code, "name": v.name} for v in doc.values]
    if doc.pillars:
        data["pillars"] = [_pillar_to_dict(p) for p in doc.pillars]
    if doc.key_factors:
        data["key_factors"] = [_key_factor_to_dict(k) for k in doc.key_factors]
    if doc.context_factors:
        data["context_factors"] = [
            {"code": c.code, "name": c.name, "examples": c.examples} for c in doc.context_factors
        ]
    return data


def _pillar_to_dict(p: DocumentPillar) -> dict:
    out: dict = {"code": p.code, "name": p.name}
    if p.standard:
        out["standard"] = p.standard
    out["values"] = [
        {"value": value, "indicators": [{"code": i.code, "text": i.text} for i in inds]}
        for value, inds in p.cells
    ]
    return out


def _key_factor_to_dict(k: DocumentKeyFactor) -> dict:
    out: dict = {"code": k.code, "title": k.title, "standard": k.standard}
    if k.explanation:
        out["explanation"] = k.explanation
    out["guide_questions"] = list(k.guide_questions)
    if k.examples:
        out["examples"] = [
            {"city": e.city, **({"year": e.year} if e.year is not None else {}), "text": e.text}
            for e in k.examples
        ]
    return out
