"""Headline findings: drafted from the assessment on the last day of the visit, agreed by
every member of the team before it leaves (seed 002, step 7)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import assessment_rows
from citypeer.common.cleaning import clean_indicators, clean_text
from citypeer.common.editing import check_edit_count, compare
from citypeer.feedback.domain.queries import member_ids
from citypeer.feedback.method.agreement import HeadlineState, headline_state
from citypeer.feedback.models import HeadlineFinding, HeadlineVote

MAX_TEXT = 5_000


def state_of(headline: HeadlineFinding, *, members) -> HeadlineState:
    votes = {v.person_id: v.agrees for v in headline.votes.all()}
    return headline_state(members=members, votes=votes)


def draft_from_assessment(*, review, by) -> list[HeadlineFinding]:
    """One draft headline per pillar from the team's colours (the proposal's where the team
    has not decided), naming what meets and what falls short; the team then rewrites them.
    Pillars without a green or red indicator give no headline."""
    by_pillar: dict[str, dict] = {}
    for row in assessment_rows(review):
        pillar = row.indicator.pillar
        entry = by_pillar.setdefault(pillar.code if pillar else "", {
            "name": pillar.name if pillar else _("Key factors"), "meets": [],
            "falls_short": [], "indicators": []})
        if row.colour in ("meets", "falls_short"):
            entry[row.colour].append(row.indicator.code)
            entry["indicators"].append(row.indicator)
    start = HeadlineFinding.objects.filter(review=review).count()
    made = []
    with transaction.atomic():
        for entry in by_pillar.values():
            if not entry["indicators"]:
                continue
            parts = []
            if entry["meets"]:
                parts.append(_("meets or surpasses the benchmark on %(codes)s")
                             % {"codes": ", ".join(entry["meets"])})
            if entry["falls_short"]:
                parts.append(_("falls short on %(codes)s")
                             % {"codes": ", ".join(entry["falls_short"])})
            text = _("%(pillar)s: the city %(parts)s.") % {
                "pillar": entry["name"], "parts": _(" and ").join(parts)}
            headline = HeadlineFinding.objects.create(
                review=review, text=text, position=start + len(made) + 1, drafted_by=by,
                edit_count=1)
            headline.indicators.set(entry["indicators"])
            made.append(headline)
    return made


def _compared(headline: HeadlineFinding, *, text: str, indicators):
    labels = {"text": _("Headline finding"), "indicators": _("Indicators")}
    return compare(labels,
                   {"text": headline.text, "indicators": [i.code for i in
                                                          headline.indicators.all()]},
                   {"text": text, "indicators": [i.code for i in indicators]})


def save_headline(*, review, by, text, indicators=(), headline: HeadlineFinding | None = None,
                  edit_count: int | None = None) -> HeadlineFinding:
    """A new headline finding or a change to one, which names the edit count it started
    from. A change deletes the agreements: they were given to other words."""
    errors: dict[str, list[str]] = {}
    text = clean_text(text, field="text", errors=errors, required=True, limit=MAX_TEXT)
    chosen = clean_indicators(indicators, benchmark_id=review.programme.benchmark_id,
                              field="indicators", errors=errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if headline is None:
            headline = HeadlineFinding.objects.create(
                review=review, text=text, drafted_by=by, edit_count=1,
                position=HeadlineFinding.objects.filter(review=review).count() + 1)
        else:
            current = HeadlineFinding.objects.select_for_update().get(pk=headline.pk)
            check_edit_count(
                current, started_from=edit_count,
                what=_("headline finding %(n)s") % {"n": current.position},
                fields=lambda: _compared(current, text=text, indicators=chosen))
            headline = current
            headline.text = text
            headline.edit_count += 1
            headline.save()
            headline.votes.all().delete()
        headline.indicators.set(chosen)
    return headline


def vote(*, headline: HeadlineFinding, person, agrees: bool, comment: str = "") -> HeadlineVote:
    errors: dict[str, list[str]] = {}
    if person.pk not in member_ids(headline.review):
        errors["person"] = [_("Only members of the review team agree or object.")]
    comment = clean_text(comment, field="comment", errors=errors, limit=MAX_TEXT)
    if not agrees and not comment:
        errors.setdefault("comment", []).append(
            _("Say why you object, so that the team can redraft the finding."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        row, _created = HeadlineVote.objects.update_or_create(
            headline=headline, person=person, defaults={"agrees": agrees, "comment": comment})
    return row
