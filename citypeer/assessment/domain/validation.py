"""Checking a piece of evidence before it is written: every problem is reported under the
field it concerns, and nothing is written while there is one (`ValidationError`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from citypeer.assessment.domain.inputs import PAGED, interview_initials, split_initials
from citypeer.assessment.method import join_initials
from citypeer.assessment.models import EvidenceItem
from citypeer.benchmarks.models import Indicator
from citypeer.visits.models import Interview, Interviewee, Workshop

Source = EvidenceItem.Source
MAX_TEXT_LENGTH = 20_000
CLIENT_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
INITIALS = re.compile(r"^[A-ZÀ-ÖØ-Þ]{1,4}$")


@dataclass(frozen=True)
class CleanEvidence:
    indicators: list[Indicator]
    source: str
    interview: Interview | None
    workshop: Workshop | None
    interviewee: Interviewee | None
    document: str
    page: str
    interviewers: str
    text: str
    kind: str
    direction: str
    client_key: str


def clean_evidence(
    *, review, indicators, source, text, kind, direction=EvidenceItem.Direction.NEITHER,
    interview=None, workshop=None, interviewee=None, document="", page="", interviewers="",
    client_key="",
) -> CleanEvidence:
    """Check everything first; every problem is reported under the field it concerns.
    `indicators` are codes or Indicator rows; `interview`, `workshop`, `interviewee` rows or
    ids (an interview by its number too, as `int`, is not accepted: ids only)."""
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    benchmark_id = review.programme.benchmark_id
    chosen = _clean_indicators(indicators, benchmark_id, problem)
    if source not in Source.values:
        problem("source", _("%(value)r is not one of: %(choices)s.")
                % {"value": source, "choices": ", ".join(Source.values)})
    if kind not in EvidenceItem.Kind.values:
        problem("kind", _("%(value)r is not one of: %(choices)s.")
                % {"value": kind, "choices": ", ".join(EvidenceItem.Kind.values)})
    direction = direction or EvidenceItem.Direction.NEITHER
    if direction not in EvidenceItem.Direction.values:
        problem("direction", _("%(value)r is not one of: %(choices)s.")
                % {"value": direction, "choices": ", ".join(EvidenceItem.Direction.values)})
    text = (text or "").strip()
    if not text:
        problem("text", _("Write what was said or found."))
    elif len(text) > MAX_TEXT_LENGTH:
        problem("text", _("At most %(max)s characters.") % {"max": MAX_TEXT_LENGTH})

    interview_row = _row(Interview.objects.select_related("interviewee", "peer_a", "peer_b"),
                         interview, "interview", review, problem)
    workshop_row = _row(Workshop.objects.all(), workshop, "workshop", review, problem)
    interviewee_row = _row(Interviewee.objects.all(), interviewee, "interviewee", review,
                           problem)

    if source == Source.INTERVIEW and interview_row is None and "interview" not in errors:
        problem("interview", _("Choose the interview the evidence comes from."))
    if source != Source.INTERVIEW and interview_row is not None:
        problem("interview", _("Only evidence from an interview names an interview."))
    if source == Source.WORKSHOP and workshop_row is None and "workshop" not in errors:
        problem("workshop", _("Choose the workshop the evidence comes from."))
    if source != Source.WORKSHOP and workshop_row is not None:
        problem("workshop", _("Only evidence from a workshop names a workshop."))
    if interview_row is not None:
        if interviewee_row is not None and interviewee_row.pk != interview_row.interviewee_id:
            problem("interviewee", _("Interview %(number)s was held with someone else.")
                    % {"number": interview_row.number})
        interviewee_row = interview_row.interviewee
    elif interviewee_row is not None and source != Source.WORKSHOP:
        problem("interviewee", _("Only evidence from an interview or a workshop names an "
                                 "interviewee."))

    document = " ".join((document or "").split())
    if len(document) > 300:
        problem("document", _("At most %(max)s characters.") % {"max": 300})
    if source == Source.DOCUMENT and not document:
        problem("document", _("Name the document."))
    if source not in (Source.DOCUMENT, "") and document and source in Source.values:
        problem("document", _("Only evidence from a document names a document."))
    page = str(page or "").strip()
    if page:
        if source not in PAGED:
            problem("page", _("Only documents and the initial report have pages."))
        elif not page.isdigit() or int(page) < 1 or len(page) > 6:
            problem("page", _("A page is a whole number, 1 or more."))

    if interview_row is not None:
        initials = join_initials(interview_initials(interview_row))
    else:
        given = split_initials(interviewers or "")
        for part in given:
            if not INITIALS.match(part):
                problem("interviewers", _("%(value)r: initials are one to four capital "
                                          "letters, joined by “&”, as in “JB & FC”.")
                        % {"value": part})
        initials = join_initials(given)
    if len(initials) > 20:
        problem("interviewers", _("At most %(max)s characters.") % {"max": 20})

    client_key = (client_key or "").strip()
    if client_key and not CLIENT_KEY.match(client_key):
        problem("client_key", _("A client key is 8 to 64 letters, digits, “-” or “_”."))
    if errors:
        raise ValidationError(errors)
    return CleanEvidence(
        indicators=chosen, source=source, interview=interview_row, workshop=workshop_row,
        interviewee=interviewee_row, document=document, page=page, interviewers=initials,
        text=text, kind=kind, direction=direction, client_key=client_key,
    )


def _clean_indicators(values, benchmark_id, problem) -> list[Indicator]:
    if isinstance(values, str) or values is None or not isinstance(values, Iterable):
        problem("indicators", _("Give a list of indicators."))
        return []
    values = list(values)
    codes = [v.code if isinstance(v, Indicator) else str(v).strip() for v in values]
    if not codes:
        problem("indicators", _("Relate the evidence to at least one indicator."))
        return []
    if len(set(codes)) != len(codes):
        problem("indicators", _("An indicator is given twice."))
    rows = {i.code: i for i in Indicator.objects.filter(benchmark_id=benchmark_id,
                                                        code__in=codes)}
    for code in codes:
        if code not in rows:
            problem("indicators", _("%(code)s is not an indicator of this review's "
                                    "benchmark.") % {"code": code})
    return sorted({rows[c].pk: rows[c] for c in codes if c in rows}.values(),
                  key=lambda i: i.position)


def _row(queryset, value, field, review, problem):
    if value in (None, ""):
        return None
    if isinstance(value, queryset.model):
        row = value
    else:
        try:
            pk = int(value)
        except (TypeError, ValueError):
            problem(field, _("%(value)r is not a number.") % {"value": value})
            return None
        row = queryset.filter(pk=pk).select_related("visit").first()
        if row is None:
            problem(field, _("There is no %(what)s %(id)s.") % {"what": field, "id": pk})
            return None
    visit = row.visit if hasattr(row, "visit") else None
    if visit is None or visit.review_id != review.pk:
        problem(field, _("This %(what)s is not part of this review's visit.")
                % {"what": field})
        return None
    return row
