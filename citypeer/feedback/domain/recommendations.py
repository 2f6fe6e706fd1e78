"""Recommendations: each answers findings and names indicators, and rests only on
corroborated, uncontested findings. The guard reads the review's proposals (computed by
`citypeer.assessment.method` through the assessment app) and
`citypeer.feedback.method.report` says what is wrong; only the coordinator can override it,
with a written justification that the report's annex lists."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import proposals_for
from citypeer.assessment.models import Finding
from citypeer.feedback.domain.common import Conflict, clean_indicators, clean_text
from citypeer.feedback.domain.reports import clear_approvals
from citypeer.feedback.method import report as rules
from citypeer.people.rules import is_coordinator

MAX_TEXT = 10_000


class RecommendationRefused(ValidationError):
    """The guard refused: `problems` says which finding or indicator and why."""

    def __init__(self, problems: list[rules.GuardProblem]):
        self.problems = problems
        messages: dict[str, list[str]] = {}
        for problem in problems:
            messages.setdefault(problem.field, []).append(problem.text(_))
        super().__init__(messages)


def recommendation_data(rec) -> dict:
    return {
        "id": rec.pk, "text": rec.text, "timescale": rec.timescale, "revision": rec.revision,
        "indicators": [i.code for i in rec.indicators.all()],
        "findings": [f.pk for f in rec.findings.all()],
        "override_justification": rec.override_justification,
    }


def guard_problems(*, review, indicators, findings) -> list[rules.GuardProblem]:
    """What the corroboration guard says about a recommendation naming these indicators
    (rows) and answering these findings (rows, with their indicators)."""
    proposals = proposals_for(review)
    basis = [rules.FindingBasis(id=f.pk, text=f.text,
                                indicators=tuple(i.code for i in f.indicators.all()))
             for f in findings]
    return rules.recommendation_problems(indicators=[i.code for i in indicators],
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


def save_recommendation(*, review, by, text, indicators, findings, timescale="",
                        recommendation=None, revision: int = 0,
                        override_justification: str = ""):
    """Creates or changes a recommendation. Refused with `RecommendationRefused` when it
    rests on anything but corroborated, uncontested findings, unless the coordinator gives
    a justification; the justification and the problems it overrode are kept."""
    errors: dict[str, list[str]] = {}
    text = clean_text(text, field="text", errors=errors, required=True, limit=MAX_TEXT)
    timescale = clean_text(timescale, field="timescale", errors=errors, limit=200)
    justification = clean_text(override_justification, field="override_justification",
                               errors=errors, limit=MAX_TEXT)
    chosen_indicators = clean_indicators(indicators, review=review, field="indicators",
                                         errors=errors)
    chosen_findings = _clean_findings(findings, review=review, errors=errors)
    if justification and not is_coordinator(by):
        errors.setdefault("override_justification", []).append(
            _("Only the coordinator can override the corroboration rule."))
    if errors:
        raise ValidationError(errors)
    problems = guard_problems(review=review, indicators=chosen_indicators,
                              findings=chosen_findings)
    structural = [p for p in problems if p.message in (rules.NO_FINDING, rules.NO_INDICATOR)]
    if structural or (problems and not justification):
        raise RecommendationRefused(structural or problems)
    with transaction.atomic():
        if recommendation is None:
            from citypeer.feedback.models import Recommendation

            rec = Recommendation(review=review, created_by=by, position=(
                Recommendation.objects.filter(review=review).count() + 1))
        else:
            rec = type(recommendation).objects.select_for_update().get(pk=recommendation.pk)
            if rec.revision != revision:
                raise Conflict(current=recommendation_data(rec), attempted={
                    "text": text, "timescale": timescale, "revision": revision,
                    "indicators": [i.code for i in chosen_indicators],
                    "findings": [f.pk for f in chosen_findings]})
        rec.text, rec.timescale = text, timescale
        rec.revision += 1
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
