"""The report as HTML, PDF (WeasyPrint) and DOCX (python-docx). `render` makes one of them
for the pages' downloads (through `renderings`, in the background) and `citypeer report`."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from citypeer.feedback.domain.document import ReportDocument, report_document

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
HEX = {"meets": "2E7D32", "falls_short": "C62828", "inconclusive": "F9A825",
       "not_assessed": "9E9E9E"}


def render_html(doc: ReportDocument, *, for_print: bool = False) -> str:
    return render_to_string("feedback/report_document.html",
                            {"doc": doc, "for_print": for_print})


def render_pdf(doc: ReportDocument) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=render_html(doc, for_print=True)).write_pdf()


def render_docx(doc: ReportDocument) -> bytes:
    """A Word document the city can edit: Word's own heading styles (so Word's navigation
    pane and table of contents work) and real tables."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.core_properties.title = doc.title
    header = document.sections[0].header.paragraphs[0]
    header.text = doc.city
    document.add_heading(doc.title, level=0)
    document.add_paragraph(doc.programme)

    def shade(cell, colour):
        properties = cell._tc.get_or_add_tcPr()
        fill = OxmlElement("w:shd")
        fill.set(qn("w:val"), "clear")
        fill.set(qn("w:color"), "auto")
        fill.set(qn("w:fill"), HEX[colour])
        properties.append(fill)

    def table(headings, rows):
        t = document.add_table(rows=1, cols=len(headings))
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, headings, strict=True):
            cell.text = str(text)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for values in rows:
            cells = t.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = str(text)
        return t

    for number, section in enumerate(doc.sections, start=1):
        document.add_heading(f"{number}. {section.title}", level=1)
        for block in section.blocks:
            if block.kind == "heading":
                document.add_heading(block.text, level=2)
            elif block.kind == "list":
                for item in block.items:
                    document.add_paragraph(item, style="List Bullet")
            else:
                document.add_paragraph(block.text)
        if section.figure == "interviews":
            table([_("Category"), _("Interviews")], doc.visit.by_category)
        elif section.figure == "pillar":
            if doc.matrix and section.pillar == doc.matrix.rows[0][0]:
                document.add_paragraph(
                    _("Figure: the assessment matrix, pillars × transversal values"),
                    style="Caption")
                t = table([_("Pillar"), *[name for _code, name in doc.matrix.values]], [])
                for _code, name, cells in doc.matrix.rows:
                    row = t.add_row().cells
                    row[0].text = name
                    for cell, data in zip(row[1:], cells, strict=True):
                        cell.text = " ".join(code for code, _colour in data.colours)
                        worst = _dominant(data.colours)
                        if worst:
                            shade(cell, worst)
            pillar = doc.pillars.get(section.pillar)
            if pillar:
                words = {c: w for c, _letter, w in doc.legend}
                t = table([_("Indicator"), _("Colour")],
                          [(f"{i.code} {i.text}", words.get(i.colour, i.colour))
                           for i in pillar.indicators])
                for row, ind in zip(t.rows[1:], pillar.indicators, strict=True):
                    shade(row.cells[1], ind.colour)
        elif section.figure == "recommendations":
            table(["#", _("Recommendation"), _("Indicators"), _("Timescale")],
                  [(r.number, r.text, ", ".join(r.indicators), r.timescale)
                   for r in doc.recommendations])
        elif section.figure == "annex":
            document.add_heading(_("Overrides of the corroboration rule"), level=2)
            for r in doc.overrides:
                document.add_paragraph(
                    _("Recommendation %(n)s") % {"n": r.number} + f": {r.justification} ("
                    + _("overridden by") + f" {r.overridden_by}; "
                    + "; ".join(r.override_problems) + ")")
            if not doc.overrides:
                document.add_paragraph(
                    _("Every recommendation rests on corroborated, uncontested findings."))
            document.add_heading(_("The evidence behind each recommendation"), level=2)
            table(["#", _("Indicator"), _("Corroboration"), _("Interviews counted"),
                   _("Evidence")],
                  [(r.number, row.indicator, row.status, row.interviews,
                    "; ".join(row.references))
                   for r in doc.recommendations for row in r.trace])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _dominant(colours) -> str | None:
    """The colour a matrix cell is shaded with in Word, where one cell has one fill: the
    most frequent colour of its indicators (the chips keep each indicator's own)."""
    if not colours:
        return None
    counts: dict[str, int] = {}
    for _code, colour in colours:
        counts[colour] = counts.get(colour, 0) + 1
    return max(counts, key=lambda c: (counts[c], -list(HEX).index(c)))


def render(review, *, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(_("The format must be one of %(formats)s.")
                         % {"formats": ", ".join(FORMATS)})
    doc = report_document(review)
    if fmt == "html":
        return render_html(doc).encode("utf-8")
    if fmt == "pdf":
        return render_pdf(doc)
    return render_docx(doc)
