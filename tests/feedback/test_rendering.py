"""The report as PDF (read back with pypdf) and DOCX (read back with python-docx), and
`citypeer report`."""

import io

import docx
import pypdf
from django.core.management import call_command

from citypeer.feedback.domain import reports
from citypeer.feedback.domain.rendering import render
from tests.feedback.conftest import recommend


def composed(world):
    recommend(world, "Consult the committee every quarter.", timescale="within a year")
    recommend(world, "Give the committee a budget line.")
    recommend(world, "Keep the committee.", codes=["AC/A/1"],
              findings=[world.findings.committee.pk], by=world.people.coordinator,
              override_justification="The minutes confirm it.")
    return reports.compose_report(review=world.review, by=world.people.jb)


def pdf_text(data: bytes) -> tuple[int, str]:
    pdf = pypdf.PdfReader(io.BytesIO(data))
    return len(pdf.pages), "\n".join(page.extract_text() for page in pdf.pages)


def flat(text):
    return " ".join(text.split())


def test_pdf_holds_every_recommendation_the_matrix_page_numbers_and_the_city(world, tmp_path):
    composed(world)
    target = tmp_path / "report.pdf"

    call_command("report", str(world.review.pk), "--format", "pdf", "-o", str(target))

    pages, text = pdf_text(target.read_bytes())
    assert target.read_bytes()[:5] == b"%PDF-"
    words = flat(text)
    for recommendation in ("Consult the committee every quarter.",
                           "Give the committee a budget line.", "Keep the committee."):
        assert recommendation in words
    assert "Figure: the assessment matrix, pillars × transversal values" in words
    assert "Administrative Co-operation AC/A/1 AC/A/2 AC/I/3" in words
    assert "Work Place WP/A/1 WP/I/1" in words
    assert f"Page {pages} of {pages}" in words
    per_page = [flat(p.extract_text()) for p in pypdf.PdfReader(target.open("rb")).pages]
    # margin boxes come last in each page's text: the city's name, then the page number
    assert [p[-len(f"Rotterdam Page {n} of {pages}"):] for n, p in enumerate(per_page, 1)] == [
        f"Rotterdam Page {n} of {pages}" for n in range(1, pages + 1)]
    assert "The minutes confirm it." in words


def test_docx_has_word_headings_and_the_recommendations_table(world):
    composed(world)

    document = docx.Document(io.BytesIO(render(world.review, fmt="docx")))

    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[:3] == [("Heading 1", "1. The host city's context"),
                            ("Heading 2", "Main characteristics of the municipality"),
                            ("Heading 1", "2. Method and the peer review visit")]
    assert [text for style, text in headings if style == "Heading 1"] == [
        "1. The host city's context", "2. Method and the peer review visit",
        "3. Assessment: Administrative Co-operation", "4. Assessment: Work Place",
        "5. Strengths and praise", "6. Weaknesses and the barriers behind them",
        "7. Recommendations", "8. Good practices",
        "9. Annex: method notes and the evidence behind each recommendation"]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    recommendations = next(t for t in tables if t[0] == ["#", "Recommendation", "Indicators",
                                                         "Timescale"])
    assert recommendations[1:] == [
        ["1", "Consult the committee every quarter.", "AC/I/3", "within a year"],
        ["2", "Give the committee a budget line.", "AC/I/3", ""],
        ["3", "Keep the committee.", "AC/A/1", ""]]
    matrix = next(t for t in tables if t[0][0] == "Pillar")
    assert matrix == [["Pillar", "Ambition", "Implementation"],
                      ["Administrative Co-operation", "AC/A/1 AC/A/2", "AC/I/3"],
                      ["Work Place", "WP/A/1", "WP/I/1"]]
    assert document.sections[0].header.paragraphs[0].text == "Rotterdam"


def test_html_names_interviewees_by_category_never_by_name(world):
    composed(world)

    html = render(world.review, fmt="html").decode()

    assert "partner organisation" in html
    assert "Mira Chairwoman" not in html
