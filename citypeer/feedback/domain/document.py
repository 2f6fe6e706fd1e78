"""The report as data: what the prefill reads, and everything the HTML, PDF and DOCX outputs
show (the sections' texts with the figures made from the data beside them). A fixed number
of queries whatever the size of the review."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import assessment_rows
from citypeer.assessment.domain.evidence import references_of
from citypeer.assessment.domain.queries import evidence_in_full
from citypeer.benchmarks.models import Pillar, Value
from citypeer.feedback.domain.queries import (
    findings_of,
    recommendations_in_full,
    report_of,
    sections_of,
    team_of,
)
from citypeer.feedback.method import report as rules
from citypeer.initialreports.models import BackgroundSection
from citypeer.practices.models import GoodPractice
from citypeer.visits.models import Interview, Interviewee, Workshop

COLOUR_CLASSES = ("meets", "falls_short", "inconclusive", "not_assessed")


def _visit(review, team) -> rules.Visit:
    interviews = list(Interview.objects.filter(visit__review=review, cancelled=False)
                      .values_list("interviewee__category", flat=True))
    labels = dict(Interviewee.Category.choices)
    return rules.Visit(
        interviews=len(interviews),
        by_category=tuple((str(labels.get(c, c)), n)
                          for c, n in rules.count_by_category(interviews)),
        workshops=Workshop.objects.filter(visit__review=review).count(),
        team=tuple(f"{m.person.name or m.person.username} ({m.get_role_display()})"
                   for m in team),
        min_interviews=review.programme.min_corroborating_interviews,
    )


def _pillars(review, rows) -> dict[str, rules.PillarAssessment]:
    grouped: dict[str, list] = {}
    names: dict[str, str] = {}
    for row in rows:
        pillar = row.indicator.pillar
        names[pillar.code] = pillar.name
        grouped.setdefault(pillar.code, []).append(rules.IndicatorColour(
            code=row.indicator.code, text=row.indicator.text, colour=row.colour,
            rationale=row.decision.rationale if row.final_colour else ""))
    return {code: rules.PillarAssessment(code, names[code], tuple(items))
            for code, items in grouped.items()}


def _findings(review) -> list[rules.FindingText]:
    return [rules.FindingText(id=f.pk, kind=f.kind, text=f.text, barriers=f.barriers,
                              indicators=tuple(i.code for i in f.indicators.all()))
            for f in findings_of(review)]


def _recommendation_texts(recommendations) -> list[rules.RecommendationText]:
    return [rules.RecommendationText(number=n, text=r.text,
                                     indicators=tuple(i.code for i in r.indicators.all()),
                                     timescale=r.timescale)
            for n, r in enumerate(recommendations, start=1)]


def prefill_inputs(review) -> dict:
    rows = assessment_rows(review)
    pillars = _pillars(review, rows)
    background = [rules.Background(title=s.get_kind_display(), text=s.text)
                  for s in BackgroundSection.objects.filter(report__review=review)
                  .order_by("kind")]
    practices = [rules.PracticeText(p.title, p.description, p.transferable)
                 for p in GoodPractice.objects.filter(review=review).order_by("title")]
    pillar_names = list(Pillar.objects.filter(benchmark_id=review.programme.benchmark_id)
                        .order_by("position").values_list("code", "name"))
    return {"pillar_names": pillar_names, "prefill": {
        "context": background, "visit": _visit(review, team_of(review)), "pillars": pillars,
        "findings": _findings(review),
        "recommendations": _recommendation_texts(recommendations_in_full(review)),
        "practices": practices}}


# --- the whole report ----------------------------------------------------------------------

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
class Section:
    key: str
    title: str
    blocks: tuple[rules.Block, ...]
    figure: str | None
    pillar: str = ""


@dataclass
class ReportDocument:
    city: str
    title: str
    programme: str
    state: str
    sections: list[Section]
    matrix: Matrix | None
    pillars: dict[str, rules.PillarAssessment]
    visit: rules.Visit
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


def report_document(review, *, report=None) -> ReportDocument:
    report = report or report_of(review)
    rows = assessment_rows(review)
    items = list(evidence_in_full(review))
    items_by_id = {str(i.pk): i for i in items}
    interview_numbers = {str(i.interview_id): i.interview.number for i in items
                         if i.interview_id}
    proposals = {r.indicator.code: r.proposal for r in rows}
    recommendations = []
    for n, rec in enumerate(recommendations_in_full(review), start=1):
        commitment = getattr(rec, "commitment", None)
        recommendations.append(RecommendationRow(
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
    sections = []
    for s in (sections_of(report) if report else ()):
        pillar = s.key[len(rules.PILLAR):] if s.key.startswith(rules.PILLAR) else ""
        sections.append(Section(s.key, s.title, rules.blocks(s.text), rules.figure_of(s.key),
                                pillar))
    legend = [(c, rules.COLOUR_LETTERS[c], _(rules.COLOUR_WORDS[c])) for c in COLOUR_CLASSES]
    return ReportDocument(
        city=review.city.name,
        title=_("Peer review of %(city)s") % {"city": review.city.name},
        programme=review.programme.name,
        state=report.state if report else "",
        sections=sections, matrix=_matrix(review, rows), pillars=_pillars(review, rows),
        visit=_visit(review, team_of(review)), recommendations=recommendations, legend=legend,
    )
