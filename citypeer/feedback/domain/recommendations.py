"""Recommendations: each answers findings and names indicators, and rests only on
corroborated, uncontested findings. The guard reads the review's proposals (computed by
`citypeer.assessment.method` through the assessment app) and `citypeer.feedback.method.guard`
says what is wrong; only the coordinator can override it, with a written justification that
the report's annex lists."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import proposals_for
from citypeer.assessment.models import Finding
from citypeer.common.cleaning import clean_indicators, clean_text
from citypeer.common.editing import check_edit_count, compare
from citypeer.common.refusals import Refused
from citypeer.feedback.domain.reports import clear_approvals
from citypeer.feedback.method.guard import FindingBasis, GuardProblem, recommendation_problems
from citypeer.feedback.models import Recommendation
from citypeer.people.rules import is_coordinator

MAX_TEXT = 10_000


class RecommendationRefused(Refused):
    """The guard refused: `guard_problems` says which finding or indicator and why, and
    `problems` says it in words."""

    status_code = 400

    def __init__(self, problems: Sequence[GuardProblem]):
        self.guard_problems = tuple(problems)
        super().__init__(_("refused by the corroboration guard"),
                         problems=[p.text(_) for p in problems])


def guard_problems(*, review, indicators, findings) -> list[GuardProblem]:
    """What the corroboration guard says about a recommendation naming these indicators
    (rows) and answering these findings (rows, with their indicators)."""
    proposals = proposals_for(review)
    basis = [FindingBasis(id=f.pk, text=f.text,
                          indicators=tuple(i.code for i in f.indicators.all()))
             for f in findings]
    return recommendation_problems(indicators=[i.code for i in indicators],
                                   findings=basis, proposals=proposals)


def _clean_findings(values, *, review, errors) -> list[Finding]:
    ids = []
    for value in values or ():
        try:
            ids.append(int(value.pk if isinstance(value, Finding) else value))
        except (TypeError, ValueError):
            errors.setdefault("findings", []).append(
                _("%(value)r is not the number of a finding.") % {"value": value})
    found = {f.pk: f for f in Finding.objects.filter(review=review, pk__in=ids)
             .prefetch_related("indicators")}
    unknown = [str(i) for i in ids if i not in found]
    if unknown:
        errors.setdefault("findings", []).append(
            _("Not findings of this review: %(ids)s") % {"ids": ", ".join(unknown)})
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def _compared(rec: Recommendation, yours: dict):
    labels = {"text": _("Recommendation"), "indicators": _("Indicators"),
              "findings": _("Findings it answers"), "timescale": _("Timescale")}
    saved = {"text": rec.text, "timescale": rec.timescale,
             "indicators": [i.code for i in rec.indicators.all()],
             "findings": [f.pk for f in rec.findings.all()]}
    return compare(labels, saved, yours)


def save_recommendation(*, review, by, text, indicators, findings, timescale="",
                        recommendation=None, edit_count: int | None = None,
                        override_justification: str = "") -> Recommendation:
    """Creates a recommendation, or changes one from the edit count the change started
    from. Refused with `RecommendationRefused` when it rests on anything but corroborated,
    uncontested findings, unless the coordinator gives a justification; the justification
    and the problems it overrode are kept."""
    errors: dict[str, list[str]] = {}
    text = clean_text(text, field="text", errors=errors, required=True, limit=MAX_TEXT)
    timescale = clean_text(timescale, field="timescale", errors=errors, limit=200)
    justification = clean_text(override_justification, field="override_justification",
                               errors=errors, limit=MAX_TEXT)
    chosen_indicators = clean_indicators(indicators, benchmark_id=review.programme.benchmark_id,
                                         field="indicators", errors=errors)
    chosen_findings = _clean_findings(findings, review=review, errors=errors)
    if justification and not is_coordinator(by):
        errors.setdefault("override_justification", []).append(
            _("Only the coordinator can override the corroboration rule."))
    if errors:
        raise ValidationError(errors)
    problems = guard_problems(review=review, indicators=chosen_indicators,
                              findings=chosen_findings)
    structural = [p for p in problems if p.structural]
    if structural or (problems and not justification):
        raise RecommendationRefused(structural or problems)
    with transaction.atomic():
        if recommendation is None:
            rec = Recommendation(review=review, created_by=by, position=(
                Recommendation.objects.filter(review=review).count() + 1))
        else:
            rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
            yours = {"text": text, "timescale": timescale,
                     "indicators": [i.code for i in chosen_indicators],
                     "findings": [f.pk for f in chosen_findings]}
            check_edit_count(rec, started_from=edit_count,
                             what=_("recommendation %(n)s") % {"n": rec.position},
                             fields=lambda: _compared(rec, yours))
        rec.text, rec.timescale = text, timescale
        rec.edit_count += 1
        if problems:
            rec.override_justification = justification
            rec.override_problems = [p.text(_) for p in problems]
            rec.overridden_by, rec.overridden_at = by, timezone.now()
        else:
            rec.override_justification, rec.override_problems = "", []
            rec.overridden_by = rec.overridden_at = None
        rec._history_user = by
        rec.save()
        rec.indicators.set(chosen_indicators)
        rec.findings.set(chosen_findings)
        clear_approvals(review=review)
    return rec


def delete_recommendation(*, recommendation, by) -> None:
    with transaction.atomic():
        recommendation._history_user = by
        review = recommendation.review
        recommendation.delete()
        clear_approvals(review=review)
