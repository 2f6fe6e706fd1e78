"""The evidence bank as a REFI-QDA project (``.qdpx``) and the benchmark as a REFI-QDA
codebook (``.qdc``), for peers who analyse in NVivo, ATLAS.ti, MAXQDA or QualCoder.

REFI-QDA (www.qdasoftware.org) is the exchange standard of those programs: a ``.qdpx`` is a
zip with ``project.qde`` (XML in the ``urn:QDA-XML:project:1.0`` namespace) and the sources
under ``Sources/``; a ``.qdc`` is the codebook alone (``urn:QDA-XML:codebook:1.0``). The
tests validate them against the published Project.xsd of QDA-XML 1.0 (docs/assessment-rules.md
says how).

Codes
    A matrix benchmark gives a tree pillar > pillar-and-value cell > indicator, the way the
    benchmark reads: ``GG General Governance`` > ``GG/A Ambition`` > ``GG/A/1``. Pillars and
    cells group (``isCodable="false"``); only indicators are coded. A toolkit benchmark gives
    its key factors, flat. Each code's description holds the standard, or the indicator's
    text, which the programs show as the code's memo. Two further groups code every item:
    ``Kind of evidence`` (fact, opinion) and ``Direction`` (meets or surpasses, falls short,
    neither), so a peer can filter facts from opinions in the program. In the project,
    each indicator code takes the colour of its proposal (green, red, amber, grey).

Sources
    One plain-text source per interview, workshop and document, one for the initial report
    and one for the observations. Its text is the items in the seed's form, one after the
    other: the references (``AC/I/3 – Interview 17 – JB & FC``), then the item's text on the
    next line, a blank line between items. Each item is a coded selection over its text
    alone (``startPosition`` and ``endPosition`` count characters, the end excluded), coded
    with its indicators, its kind and its direction. The selection's name is the item's id.

GUIDs are derived from names (UUID 5), so the same bank exports to the same file and a
benchmark's codes keep their GUIDs from one review, and from the codebook, to the next.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from citypeer.assessment.method.evidence import EvidenceInput, Source, join_initials, references
from citypeer.assessment.method.proposal import Proposal
from citypeer.assessment.method.qda_codes import (
    DIRECTION_GROUP,
    DIRECTION_NAMES,
    KIND_GROUP,
    KIND_NAMES,
    ORIGIN,
    PROJECT_NS,
    PROJECT_SCHEMA_LOCATION,
    XSI_NS,
    QdaCode,
    benchmark_codes,
    code_element,
    guid,
    qname,
    serialise,
    text_element,
    write_file,
)
from citypeer.core.benchmark import BenchmarkDocument

PROJECT_ENTRY = "project.qde"
# NVivo and QualCoder write "Sources", MAXQDA "sources"; all of them read "Sources".
SOURCES_FOLDER = "Sources"
# Zip entries carry this date so that the same bank gives the same bytes.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


# --- the project ----------------------------------------------------------------------------

@dataclass(frozen=True)
class TextSource:
    key: str
    name: str
    description: str
    items: tuple[EvidenceInput, ...]


def text_sources(evidence: Iterable[EvidenceInput]) -> tuple[TextSource, ...]:
    """The evidence grouped into sources: interviews by number, then workshops and documents
    by name, the initial report, the observations; items keep the order given."""
    groups: dict[tuple, list[EvidenceInput]] = {}
    for item in evidence:
        groups.setdefault(_source_key(item), []).append(item)
    return tuple(
        _text_source(key, tuple(items)) for key, items in sorted(groups.items())
    )


def _source_key(item: EvidenceInput) -> tuple:
    if item.source == Source.INTERVIEW:
        return (0, item.interview.number, item.interview.id)
    if item.source == Source.WORKSHOP:
        return (1, 0, item.workshop)
    if item.source == Source.DOCUMENT:
        return (2, 0, item.document)
    if item.source == Source.INITIAL_REPORT:
        return (3, 0, "")
    return (4, 0, "")


def _text_source(key: tuple, items: tuple[EvidenceInput, ...]) -> TextSource:
    first = items[0]
    if first.source == Source.INTERVIEW:
        interview = first.interview
        name = f"Interview {interview.number}"
        when = ", ".join(part for part in (
            f"day {interview.day}" if interview.day else "", interview.time or "") if part)
        description = (f"{name} – {join_initials(interview.interviewers)}; interviewee "
                       f"{interview.interviewee}" + (f"; {when}" if when else ""))
        source_id = f"interview:{interview.id}"
    elif first.source == Source.WORKSHOP:
        name = description = f"Workshop {first.workshop}"
        source_id = f"workshop:{first.workshop}"
    elif first.source == Source.DOCUMENT:
        name = description = f"Document “{first.document}”"
        source_id = f"document:{first.document}"
    elif first.source == Source.INITIAL_REPORT:
        name = description = "Initial report"
        source_id = "initial_report"
    else:
        name, description, source_id = "Observations", "The peers' observations", "observation"
    return TextSource(key=source_id, name=name, description=description, items=items)


@dataclass(frozen=True)
class SourceText:
    """A source's text and where each item's text lies in it."""

    text: str
    spans: tuple[tuple[EvidenceInput, int, int], ...]


def sourcetext_element(source: TextSource) -> SourceText:
    parts: list[str] = []
    spans = []
    position = 0
    for index, item in enumerate(source.items):
        head = ("\n\n" if index else "") + "\n".join(references(item)) + "\n"
        text = plaintext_element(item.text)
        parts += [head, text]
        start = position + len(head)
        position = start + len(text)
        spans.append((item, start, position))
    return SourceText(text="".join(parts) + "\n", spans=tuple(spans))


def plaintext_element(text: str) -> str:
    """Line ends made ``\n``: a program that reads the file in text mode would otherwise
    count ``\r\n`` as one character and every later selection would shift."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def project_files(
    *, name: str, benchmark: BenchmarkDocument, evidence: Sequence[EvidenceInput],
    proposals: Iterable[Proposal] | None = None,
) -> dict[str, bytes]:
    """The files of the ``.qdpx``: ``project.qde`` and one ``Sources/GUID.txt`` per source.

    ``name`` names the project (the review, for example "Peer review of Rotterdam 2008") and
    scopes the GUIDs of its sources and selections."""
    colours = {p.indicator: p.colour for p in proposals} if proposals is not None else None
    codes = benchmark_codes(benchmark, colours=colours)
    code_guids = _code_guids(codes)

    root = etree.Element(qname(PROJECT_NS, "Project"), nsmap={None: PROJECT_NS, "xsi": XSI_NS},
                         name=name, origin=ORIGIN)
    root.set(qname(XSI_NS, "schemaLocation"), PROJECT_SCHEMA_LOCATION)

    initials = sorted({i for item in evidence for i in item.interviewers})
    if initials:
        users = etree.SubElement(root, qname(PROJECT_NS, "Users"))
        for person in initials:
            etree.SubElement(users, qname(PROJECT_NS, "User"), guid=guid("user", person),
                             name=person, id=person)

    codebook = etree.SubElement(root, qname(PROJECT_NS, "CodeBook"))
    codes_element = etree.SubElement(codebook, qname(PROJECT_NS, "Codes"))
    for code in codes:
        code_element(codes_element, code, PROJECT_NS)

    files: dict[str, bytes] = {}
    sources = text_sources(evidence)
    # The schema wants at least one source inside <Sources>, so an empty bank has none.
    sources_element = etree.SubElement(root, qname(PROJECT_NS, "Sources")) if sources else None
    for source in sources:
        source_guid = guid(name, "source", source.key)
        body = sourcetext_element(source)
        files[f"{SOURCES_FOLDER}/{source_guid}.txt"] = body.text.encode("utf-8")
        element = etree.SubElement(sources_element, qname(PROJECT_NS, "TextSource"),
                                   guid=source_guid, name=source.name,
                                   plainTextPath=f"internal://{source_guid}.txt")
        text_element(element, PROJECT_NS, "Description", source.description)
        for item, start, end in body.spans:
            _selection(element, name=name, item=item, start=start, end=end,
                       code_guids=code_guids)

    text_element(root, PROJECT_NS, "Description",
          f"Evidence bank assessed against {benchmark.title} ({benchmark.slug} version "
          f"{benchmark.version}); exported by citypeer.")
    return {PROJECT_ENTRY: serialise(root), **files}


def _selection(parent, *, name: str, item: EvidenceInput, start: int, end: int,
               code_guids: dict[tuple[str, str], str]) -> None:
    creator = {"creatingUser": guid("user", item.interviewers[0])} if item.interviewers else {}
    selection_guid = guid(name, "evidence", item.id)
    selection = etree.SubElement(parent, qname(PROJECT_NS, "PlainTextSelection"),
                                 guid=selection_guid, name=item.id,
                                 startPosition=str(start), endPosition=str(end), **creator)
    text_element(selection, PROJECT_NS, "Description", "\n".join(references(item)))
    targets = [code_guids[("indicator", code)] for code in item.indicators]
    targets += [code_guids[("kind", KIND_NAMES[item.kind])],
                code_guids[("direction", DIRECTION_NAMES[item.direction])]]
    for target in targets:
        coding = etree.SubElement(selection, qname(PROJECT_NS, "Coding"),
                                  guid=guid(selection_guid, "coding", target), **creator)
        etree.SubElement(coding, qname(PROJECT_NS, "CodeRef"), targetGUID=target)


def _code_guids(codes: tuple[QdaCode, ...]) -> dict[tuple[str, str], str]:
    """(group, name) -> GUID of every codable code; indicators and key factors are the
    'indicator' group."""
    out = {}
    for top in codes:
        group = {KIND_GROUP: "kind", DIRECTION_GROUP: "direction"}.get(top.name, "indicator")
        for code in top.walk():
            if code.codable:
                out[(group, code.name)] = code.guid
    return out


def qdpx_bytes(
    *, name: str, benchmark: BenchmarkDocument, evidence: Sequence[EvidenceInput],
    proposals: Iterable[Proposal] | None = None,
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, content in project_files(name=name, benchmark=benchmark, evidence=evidence,
                                           proposals=proposals).items():
            entry = zipfile.ZipInfo(path, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    return buffer.getvalue()


def write_qdpx(
    target: str | Path | BinaryIO, *, name: str, benchmark: BenchmarkDocument,
    evidence: Sequence[EvidenceInput], proposals: Iterable[Proposal] | None = None,
) -> None:
    write_file(target, qdpx_bytes(name=name, benchmark=benchmark, evidence=evidence,
                              proposals=proposals))
