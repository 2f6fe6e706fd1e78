"""The codes of a REFI-QDA export: the benchmark as a code tree, the groups every item is
coded with (kind of evidence, direction), the codebook file (``.qdc``) and the XML they are
written with. `refi_qda` writes the project (``.qdpx``) with the same codes; the module
documentation there says how codes, sources and GUIDs are laid out.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from citypeer.assessment.method.evidence import Direction, EvidenceKind
from citypeer.assessment.method.proposal import Colour
from citypeer.core.benchmark import KIND_MATRIX, BenchmarkDocument

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PROJECT_SCHEMA_LOCATION = (
    f"{PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
)
CODEBOOK_SCHEMA_LOCATION = (
    f"{CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
)
ORIGIN = "citypeer"

GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://citypeer.eu/refi-qda")

KIND_GROUP = "Kind of evidence"
DIRECTION_GROUP = "Direction"
KIND_NAMES = {EvidenceKind.FACT: "fact", EvidenceKind.OPINION: "opinion"}
DIRECTION_NAMES = {
    Direction.MEETS: "meets or surpasses",
    Direction.FALLS_SHORT: "falls short",
    Direction.NEITHER: "neither",
}
KIND_DESCRIPTIONS = {
    EvidenceKind.FACT: "A fact supported with real evidence: it counts towards corroboration.",
    EvidenceKind.OPINION: "An interviewee's opinion: kept, but never counts.",
}
DIRECTION_DESCRIPTIONS = {
    Direction.MEETS: "The evidence suggests the city meets or even surpasses the indicator.",
    Direction.FALLS_SHORT: "The evidence suggests the city falls short of the indicator.",
    Direction.NEITHER: "The evidence points neither way.",
}


def guid(*parts: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(parts)))


@dataclass(frozen=True)
class QdaCode:
    guid: str
    name: str
    codable: bool
    description: str = ""
    color: str | None = None
    children: tuple[QdaCode, ...] = ()

    def walk(self) -> Iterable[QdaCode]:
        yield self
        for child in self.children:
            yield from child.walk()


def benchmark_codes(
    benchmark: BenchmarkDocument, *, colours: Mapping[str, Colour] | None = None
) -> tuple[QdaCode, ...]:
    """The code tree for a benchmark (see the module's documentation). ``colours`` gives
    the indicators' proposed colours; without it codes have no colour."""
    key = (benchmark.slug, str(benchmark.version))

    def colour_of(code: str) -> str | None:
        return colours.get(code, Colour.NOT_ASSESSED).rgb if colours is not None else None

    if benchmark.kind == KIND_MATRIX:
        value_names = {v.code: v.name for v in benchmark.values}
        tree = tuple(
            QdaCode(
                guid=guid("code", *key, "pillar", pillar.code),
                name=f"{pillar.code} {pillar.name}",
                codable=False,
                description=pillar.standard,
                children=tuple(
                    QdaCode(
                        guid=guid("code", *key, "cell", pillar.code, value),
                        name=f"{pillar.code}/{value} {value_names.get(value, value)}",
                        codable=False,
                        description=f"{pillar.name}: {value_names.get(value, value)}",
                        children=tuple(
                            QdaCode(guid=guid("code", *key, "indicator", ind.code),
                                    name=ind.code, codable=True, description=ind.text,
                                    color=colour_of(ind.code))
                            for ind in indicators
                        ),
                    )
                    for value, indicators in pillar.cells
                ),
            )
            for pillar in benchmark.pillars
        )
    else:
        tree = tuple(
            QdaCode(guid=guid("code", *key, "key_factor", kf.code), name=kf.code, codable=True,
                    description=f"{kf.title}\n\n{kf.standard}", color=colour_of(kf.code))
            for kf in benchmark.key_factors
        )
    return tree + (
        QdaCode(
            guid=guid("code", "kind"), name=KIND_GROUP, codable=False,
            children=tuple(QdaCode(guid=guid("code", "kind", kind.value), name=name,
                                   codable=True, description=KIND_DESCRIPTIONS[kind])
                           for kind, name in KIND_NAMES.items()),
        ),
        QdaCode(
            guid=guid("code", "direction"), name=DIRECTION_GROUP, codable=False,
            children=tuple(QdaCode(guid=guid("code", "direction", way.value), name=name,
                                   codable=True, description=DIRECTION_DESCRIPTIONS[way])
                           for way, name in DIRECTION_NAMES.items()),
        ),
    )


# --- the codebook ---------------------------------------------------------------------------

def codebook_xml(*, benchmark: BenchmarkDocument) -> bytes:
    """The ``.qdc`` file: the benchmark's codes alone."""
    root = etree.Element(qname(CODEBOOK_NS, "CodeBook"), nsmap={None: CODEBOOK_NS, "xsi": XSI_NS},
                         origin=ORIGIN)
    root.set(qname(XSI_NS, "schemaLocation"), CODEBOOK_SCHEMA_LOCATION)
    codes = etree.SubElement(root, qname(CODEBOOK_NS, "Codes"))
    for code in benchmark_codes(benchmark):
        code_element(codes, code, CODEBOOK_NS)
    return serialise(root)


def write_qdc(target: str | Path | BinaryIO, *, benchmark: BenchmarkDocument) -> None:
    write_file(target, codebook_xml(benchmark=benchmark))


# --- XML ----------------------------------------------------------------------------------

def qname(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def text_element(parent, namespace: str, tag: str, text: str):
    element = etree.SubElement(parent, qname(namespace, tag))
    element.text = text
    return element


def code_element(parent, code: QdaCode, namespace: str) -> None:
    attributes = {"guid": code.guid, "name": code.name,
                  "isCodable": "true" if code.codable else "false"}
    if code.color:
        attributes["color"] = code.color
    element = etree.SubElement(parent, qname(namespace, "Code"), **attributes)
    if code.description:
        text_element(element, namespace, "Description", code.description)
    for child in code.children:
        code_element(element, child, namespace)


def serialise(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_file(target: str | Path | BinaryIO, content: bytes) -> None:
    if isinstance(target, str | Path):
        Path(target).write_bytes(content)
    else:
        target.write(content)
