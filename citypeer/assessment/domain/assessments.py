"""The assessment per indicator: the proposal computed by `citypeer.assessment.method` from the
bank, and the final colour the team sets with a rationale.

Where the final colour differs from the proposal both are kept: the decision stores the
proposal it was taken against, and the pages show the proposal of now, the one the team saw,
and the team's colour. Decisions carry an `edit_count`; a save over a newer decision is
refused with both versions (`common.editing.EditConflict`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from citypeer.assessment.domain.history import save_with_history
from citypeer.assessment.domain.inputs import evidence_inputs
from citypeer.assessment.domain.queries import (
    assessments_of,
    decision_on,
    evidence_in_full,
    evidence_on,
    indicators_of,
)
from citypeer.assessment.method import (
    AssessmentMatrix,
    Colour,
    Proposal,
    assess,
    colour_matrix,
    propose,
)
from citypeer.assessment.models import Assessment
from citypeer.benchmarks.domain.library import benchmark_document
from citypeer.common.editing import check_edit_count, compare

MAX_RATIONALE = 10_000


@dataclass(frozen=True)
class IndicatorAssessment:
    """What the pages and the API show for one indicator."""

    indicator: object  # benchmarks.Indicator
    proposal: Proposal
    decision: Assessment | None

    @property
    def final_colour(self) -> str | None:
        if self.decision is None or not self.decision.edit_count:
            return None
        return self.decision.colour

    @property
    def colour(self) -> str:
        """The team's colour when decided, else the proposal's."""
        return self.final_colour or self.proposal.colour.value

    @property
    def differs(self) -> bool:
        return self.final_colour is not None and self.final_colour != self.proposal.colour

    @property
    def proposal_changed(self) -> bool:
        """The bank has moved on since the team decided."""
        return bool(self.final_colour and self.decision.proposed_colour
                    and self.decision.proposed_colour != self.proposal.colour)


def min_interviews(review) -> int:
    return review.programme.min_corroborating_interviews


def proposals_for(review, *, items=None, indicators=None) -> dict[str, Proposal]:
    """The proposal for every indicator of the review's benchmark, by code (benchmark
    order). `items` (the bank in full) and `indicators` (the benchmark's, in order) when the
    caller has them already."""
    items = list(evidence_in_full(review)) if items is None else items
    codes = (list(indicators_of(review).values_list("code", flat=True)) if indicators is None
             else [i.code for i in indicators])
    proposals = assess(indicators=codes, evidence=evidence_inputs(items),
                       min_interviews=min_interviews(review))
    return {p.indicator: p for p in proposals}


def proposal_for(review, *, indicator) -> Proposal:
    items = evidence_on(review, indicator)
    return propose(indicator=indicator.code, evidence=evidence_inputs(items),
                   min_interviews=min_interviews(review))


def assessment_rows(review, *, items=None) -> list[IndicatorAssessment]:
    proposals = proposals_for(review, items=items)
    decisions = assessments_of(review)
    return [IndicatorAssessment(indicator=i, proposal=proposals[i.code],
                                decision=decisions.get(i.pk))
            for i in indicators_of(review)]


def assessment_for(review, *, indicator) -> IndicatorAssessment:
    decision = decision_on(review, indicator=indicator)
    return IndicatorAssessment(indicator=indicator,
                               proposal=proposal_for(review, indicator=indicator),
                               decision=decision)


def matrix_for(review, rows: list[IndicatorAssessment]) -> AssessmentMatrix | None:
    """Pillars x values with each indicator's colour (the team's where it decided); None for
    a benchmark without a matrix."""
    document = benchmark_document(review.programme.benchmark)
    if document.kind != "matrix":
        return None
    shown = [dataclasses.replace(r.proposal, colour=Colour(r.colour)) for r in rows]
    return colour_matrix(benchmark=document, proposals=shown)


def _compared(decision: Assessment, *, colour: str, rationale: str):
    labels = dict(Assessment.Colour.choices)
    return compare({"colour": _("Final colour"), "rationale": _("Rationale")},
                   {"colour": str(labels[decision.colour]), "rationale": decision.rationale},
                   {"colour": str(labels.get(colour, colour)), "rationale": rationale})


def _check(decision: Assessment, *, edit_count: int, colour: str, rationale: str) -> None:
    check_edit_count(
        decision, started_from=edit_count,
        what=_("the assessment of %(code)s") % {"code": decision.indicator.code},
        fields=lambda: _compared(decision, colour=colour, rationale=rationale),
        saved_by=str(decision.decided_by) if decision.decided_by_id else "",
        saved_at=decision.updated_at)


def set_final_colour(*, review, indicator, colour: str, rationale: str, edit_count: int,
                     by) -> Assessment:
    """The team's colour for one indicator, from the edit count the decision started from
    (0 for the first). A colour other than the proposal's needs a rationale, so that the
    report can say why the team departed from the evidence count."""
    errors: dict[str, list[str]] = {}
    if indicator.benchmark_id != review.programme.benchmark_id:
        errors["indicator"] = [_("%(code)s is not an indicator of this review's benchmark.")
                               % {"code": indicator.code}]
    if colour not in Assessment.Colour.values:
        errors["colour"] = [_("%(value)r is not one of: %(choices)s.")
                            % {"value": colour, "choices": ", ".join(Assessment.Colour.values)}]
    rationale = (rationale or "").strip()
    if len(rationale) > MAX_RATIONALE:
        errors["rationale"] = [_("At most %(max)s characters.") % {"max": MAX_RATIONALE}]
    if isinstance(edit_count, bool) or not isinstance(edit_count, int) or edit_count < 0:
        errors["edit_count"] = [_("The edit count must be a whole number, 0 or more.")]
    if errors:
        raise ValidationError(errors)
    proposal = proposal_for(review, indicator=indicator)
    if colour != proposal.colour and not rationale:
        raise ValidationError({"rationale": [
            _("The proposal is “%(proposal)s”: say why the team chooses another colour.")
            % {"proposal": Assessment.Colour(proposal.colour.value).label}]})
    try:
        with transaction.atomic():
            decision = (Assessment.objects.select_for_update()
                        .filter(review=review, indicator=indicator).first())
            created = decision is None
            if created:
                decision = Assessment(review=review, indicator=indicator)
            _check(decision, edit_count=edit_count, colour=colour, rationale=rationale)
            decision.colour, decision.rationale = colour, rationale
            decision.proposed_colour = proposal.colour.value
            decision.proposed_status = proposal.status.value
            decision.decided_by = by
            decision.edit_count += 1
            save_with_history(decision, by=by, created=created)
    except IntegrityError:
        # Two first decisions at once: the other one was stored first.
        current = (Assessment.objects.select_related("decided_by", "indicator")
                   .get(review=review, indicator=indicator))
        _check(current, edit_count=edit_count, colour=colour, rationale=rationale)
        raise
    return decision
