"""The assessment per indicator: the proposal computed by `citypeer.assessment.method` from the
bank, and the final colour the team sets with a rationale.

Where the final colour differs from the proposal both are kept: the decision stores the
proposal it was taken against, and the pages show the proposal of now, the one the team saw,
and the team's colour. Decisions carry a `revision`; a save over a newer decision is refused
with both versions.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from citypeer.assessment import method as core
from citypeer.assessment.domain.evidence import core_items
from citypeer.assessment.domain.history import save_with_history
from citypeer.assessment.domain.queries import assessments_of, evidence_in_full, indicators_of
from citypeer.assessment.models import Assessment
from citypeer.benchmarks.domain.library import benchmark_document

Colour = Assessment.Colour
MAX_RATIONALE = 10_000


class AssessmentConflict(Exception):
    def __init__(self, *, current: dict, attempted: dict):
        self.current, self.attempted = current, attempted
        super().__init__(
            _("This assessment was saved by someone else (revision %(current)s) after the "
              "revision you started from (%(yours)s). Nothing was overwritten.")
            % {"current": current["revision"], "yours": attempted["revision"]}
        )


@dataclass(frozen=True)
class IndicatorAssessment:
    """What the pages and the API show for one indicator."""

    indicator: object  # benchmarks.Indicator
    proposal: core.Proposal
    decision: Assessment | None

    @property
    def final_colour(self) -> str | None:
        if self.decision is None or not self.decision.revision:
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


def proposals_for(review, *, items=None) -> dict[str, core.Proposal]:
    """The proposal for every indicator of the review's benchmark, by code (benchmark
    order)."""
    items = list(evidence_in_full(review)) if items is None else items
    codes = [code for code in indicators_of(review).values_list("code", flat=True)]
    proposals = core.assess(indicators=codes, evidence=core_items(items),
                            min_interviews=min_interviews(review))
    return {p.indicator: p for p in proposals}


def proposal_for(review, *, indicator) -> core.Proposal:
    items = evidence_in_full(review).filter(indicators=indicator)
    return core.propose(indicator=indicator.code, evidence=core_items(items),
                        min_interviews=min_interviews(review))


def assessment_rows(review, *, items=None) -> list[IndicatorAssessment]:
    proposals = proposals_for(review, items=items)
    decisions = assessments_of(review)
    return [IndicatorAssessment(indicator=i, proposal=proposals[i.code],
                                decision=decisions.get(i.pk))
            for i in indicators_of(review)]


def assessment_for(review, *, indicator) -> IndicatorAssessment:
    decision = (Assessment.objects.select_related("decided_by")
                .filter(review=review, indicator=indicator).first())
    return IndicatorAssessment(indicator=indicator,
                               proposal=proposal_for(review, indicator=indicator),
                               decision=decision)


def matrix_for(review, rows: list[IndicatorAssessment]) -> core.AssessmentMatrix | None:
    """Pillars x values with each indicator's colour (the team's where it decided); None for
    a benchmark without a matrix."""
    document = benchmark_document(review.programme.benchmark)
    if document.kind != "matrix":
        return None
    shown = [dataclasses.replace(r.proposal, colour=core.Colour(r.colour)) for r in rows]
    return core.colour_matrix(benchmark=document, proposals=shown)


def decision_data(decision: Assessment | None, *, indicator) -> dict:
    if decision is None:
        return {"indicator": indicator.code, "colour": Colour.NOT_ASSESSED, "rationale": "",
                "proposed_colour": "", "decided_by": "", "updated_at": None, "revision": 0}
    return {
        "indicator": indicator.code, "colour": decision.colour, "rationale": decision.rationale,
        "proposed_colour": decision.proposed_colour,
        "decided_by": str(decision.decided_by) if decision.decided_by_id else "",
        "updated_at": decision.updated_at, "revision": decision.revision,
    }


def set_final_colour(*, review, indicator, colour: str, rationale: str, revision: int,
                     by) -> Assessment:
    """The team's colour for one indicator. A colour other than the proposal's needs a
    rationale, so that the report can say why the team departed from the evidence count."""
    errors: dict[str, list[str]] = {}
    if indicator.benchmark_id != review.programme.benchmark_id:
        errors["indicator"] = [_("%(code)s is not an indicator of this review's benchmark.")
                               % {"code": indicator.code}]
    if colour not in Colour.values:
        errors["colour"] = [_("%(value)r is not one of: %(choices)s.")
                            % {"value": colour, "choices": ", ".join(Colour.values)}]
    rationale = (rationale or "").strip()
    if len(rationale) > MAX_RATIONALE:
        errors["rationale"] = [_("At most %(max)s characters.") % {"max": MAX_RATIONALE}]
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        errors["revision"] = [_("The revision must be a whole number, 0 or more.")]
    if errors:
        raise ValidationError(errors)
    proposal = proposal_for(review, indicator=indicator)
    if colour != proposal.colour and not rationale:
        raise ValidationError({"rationale": [
            _("The proposal is “%(proposal)s”: say why the team chooses another colour.")
            % {"proposal": Colour(proposal.colour.value).label}]})
    attempted = {"indicator": indicator.code, "colour": colour, "rationale": rationale,
                 "proposed_colour": proposal.colour.value, "decided_by": str(by),
                 "updated_at": None, "revision": revision}
    try:
        with transaction.atomic():
            decision = (Assessment.objects.select_for_update()
                        .filter(review=review, indicator=indicator).first())
            stored = decision.revision if decision is not None else 0
            if revision != stored:
                raise AssessmentConflict(current=decision_data(decision, indicator=indicator),
                                         attempted=attempted)
            created = decision is None
            if created:
                decision = Assessment(review=review, indicator=indicator)
            decision.colour, decision.rationale = colour, rationale
            decision.proposed_colour = proposal.colour.value
            decision.proposed_status = proposal.status.value
            decision.decided_by = by
            decision.revision = stored + 1
            save_with_history(decision, by=by, created=created)
    except IntegrityError:
        # Two first decisions at once: the other one was stored first.
        current = Assessment.objects.get(review=review, indicator=indicator)
        raise AssessmentConflict(current=decision_data(current, indicator=indicator),
                                 attempted=attempted) from None
    return decision


def interview_numbers(review) -> dict[str, int]:
    """Interview ids (as the core's proposals name them) to their numbers."""
    from citypeer.visits.models import Interview

    return {str(pk): number for pk, number in
            Interview.objects.filter(visit__review=review).values_list("pk", "number")}


def assessment_data(row: IndicatorAssessment, *, numbers: dict[str, int]) -> dict:
    p = row.proposal
    return {
        "indicator": row.indicator.code,
        "proposal": {
            "colour": p.colour.value, "status": p.status.value,
            "direction": p.direction.value if p.direction else None,
            "corroborated": p.corroborated, "contested": p.contested,
            "may_recommend": p.may_recommend, "required": p.required,
            "interviewees": p.interviewees,
            "counted": [numbers[i] for i in p.counted if i in numbers],
            "cross_check": p.cross_check.value,
            "evidence": [int(i) for i in p.evidence],
        },
        "final": (decision_data(row.decision, indicator=row.indicator)
                  if row.final_colour else None),
        "differs": row.differs,
    }
