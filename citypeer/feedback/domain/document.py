"""The report as data: everything the HTML, PDF and DOCX outputs show (the sections' texts
with the figures made from the data beside them). A fixed number of queries whatever the
size of the review."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import assessment_rows
from citypeer.assessment.domain.evidence import references_of
from citypeer.assessment.domain.queries import evidence_in_full
from citypeer.benchmarks.models import Value
from citypeer.feedback.domain.prefill import pillar_assessments, visit_summary
from citypeer.feedback.domain.queries import (
    recommendations_in_full,
    report_of,
    sections_of,
    team_of,
)
from citypeer.feedback.method.prefill import (
    COLOUR_LETTERS,
    COLOUR_WORDS,
    PillarAssessment,
    VisitSummary,
)
from citypeer.feedback.method.sections import figure_of, pillar_of
from citypeer.feedback.method.text import TextBlock, blocks

COLOUR_CLASSES = ("meets", "falls_short", "inconclusive", "not_assessed")


@dataclass
class Cell:
    colours: list[tuple[str, str]]  # (indicator code, colour)


@dataclass
class Matrix:
    values: list[tuple[str, str]]  # (code, name)
    rows: list[tuple[str, str, list[Cell]]]  # (pillar code, pillar name, one cell per value)


@dataclass
class TraceRow:
    indicator: str
    status: str
    interviews: str  # the interviews counted, by timetable number
    references: list[str]


@dataclass
class RecommendationRow:
    number: int
    text: str
    indicators: list[str]
    timescale: str
    findings: list[str]
    overridden: bool
    justification: str = ""
    override_problems: list[str] = field(default_factory=list)
    overridden_by: str = ""
    trace: list[TraceRow] = field(default_factory=list)
    response: str = ""
    commitment: str = ""


@dataclass
class DocumentSection:
    """A section as the outputs show it: its text read into blocks, and its figure."""

    key: str
    title: str
    blocks: tuple[TextBlock, ...]
    figure: str | None
    pillar: str = ""


@dataclass
class ReportDocument:
    city: str
    title: str
    programme: str
    state: str
    sections: list[DocumentSection]
    matrix: Matrix | None
    pillars: dict[str, PillarAssessment]
    visit: VisitSummary
    recommendations: list[RecommendationRow]
    legend: list[tuple[str, str, str]]  # (colour, letter, words)

    @property
    def overrides(self) -> list[RecommendationRow]:
        return [r for r in self.recommendations if r.overridden]


def _matrix(review, rows) -> Matrix | None:
    if review.programme.benchmark.kind != "matrix":
        return None
    values = list(Value.objects.filter(benchmark_id=review.programme.benchmark_id)
                  .order_by("position").values_list("code", "name"))
    index = {code: n for n, (code, _name) in enumerate(values)}
    out: dict[str, tuple[str, str, list[Cell]]] = {}
    for row in rows:
        pillar = row.indicator.pillar
        entry = out.setdefault(pillar.code, (pillar.code, pillar.name,
                                             [Cell([]) for _v in values]))
        entry[2][index[row.indicator.value.code]].colours.append((row.indicator.code,
                                                                  row.colour))
    return Matrix(values=values, rows=list(out.values()))


def _trace(rec, proposals, items_by_id, interview_numbers) -> list[TraceRow]:
    codes: list[str] = []
    for finding in rec.findings.all():
        codes += [i.code for i in finding.indicators.all()]
    codes += [i.code for i in rec.indicators.all()]
    out = []
    for code in dict.fromkeys(codes):
        proposal = proposals.get(code)
        if proposal is None:
            out.append(TraceRow(code, _("no proposal"), "", []))
            continue
        references = []
        for evidence_id in proposal.evidence:
            item = items_by_id.get(evidence_id)
            if item is not None:
                references += [r for r in references_of(item) if r.startswith(code + " ")]
        numbers = sorted(interview_numbers[i] for i in proposal.counted
                         if i in interview_numbers)
        out.append(TraceRow(code, str(proposal.status), ", ".join(map(str, numbers)),
                            references))
    return out


def _recommendation_rows(review, rows) -> list[RecommendationRow]:
    items = list(evidence_in_full(review))
    items_by_id = {str(i.pk): i for i in items}
    interview_numbers = {str(i.interview_id): i.interview.number for i in items
                         if i.interview_id}
    proposals = {r.indicator.code: r.proposal for r in rows}
    out = []
    for n, rec in enumerate(recommendations_in_full(review), start=1):
        commitment = getattr(rec, "commitment", None)
        out.append(RecommendationRow(
            number=n, text=rec.text, indicators=[i.code for i in rec.indicators.all()],
            timescale=rec.timescale, findings=[f.text for f in rec.findings.all()],
            overridden=bool(rec.override_justification),
            justification=rec.override_justification,
            override_problems=list(rec.override_problems or []),
            overridden_by=str(rec.overridden_by) if rec.overridden_by_id else "",
            trace=_trace(rec, proposals, items_by_id, interview_numbers),
            response=commitment.get_response_display() if commitment else "",
            commitment=commitment.commitment if commitment else "",
        ))
    return out


def report_document(review, *, report=None) -> ReportDocument:
    report = report or report_of(review)
    rows = assessment_rows(review)
    sections = [DocumentSection(s.key, s.title, blocks(s.text), figure_of(s.key),
                                pillar_of(s.key))
                for s in (sections_of(report) if report else ())]
    legend = [(c, COLOUR_LETTERS[c], _(COLOUR_WORDS[c])) for c in COLOUR_CLASSES]
    return ReportDocument(
        city=review.city.name,
        title=_("Peer review of %(city)s") % {"city": review.city.name},
        programme=review.programme.name,
        state=report.state if report else "",
        sections=sections, matrix=_matrix(review, rows), pillars=pillar_assessments(rows),
        visit=visit_summary(review, team_of(review)),
        recommendations=_recommendation_rows(review, rows), legend=legend,
    )
