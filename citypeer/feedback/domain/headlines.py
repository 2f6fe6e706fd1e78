"""Headline findings: drafted from the assessment on the last day of the visit, agreed by
every member of the team before it leaves (seed 002, step 7)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.assessment.domain.assessments import assessment_rows
from citypeer.feedback.domain.common import Conflict, clean_indicators, clean_text
from citypeer.feedback.domain.queries import member_ids
from citypeer.feedback.method import report as rules
from citypeer.feedback.models import HeadlineFinding, HeadlineVote

MAX_TEXT = 5_000


def headline_data(headline: HeadlineFinding) -> dict:
    return {"id": headline.pk, "text": headline.text, "revision": headline.revision,
            "indicators": [i.code for i in headline.indicators.all()]}


def state_of(headline: HeadlineFinding, *, members) -> rules.HeadlineState:
    votes = {v.person_id: v.agrees for v in headline.votes.all()}
    return rules.headline_state(members=members, votes=votes)


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
                revision=1)
            headline.indicators.set(entry["indicators"])
            made.append(headline)
    return made


def save_headline(*, review, by, text, indicators=(), headline: HeadlineFinding | None = None,
                  revision: int = 0) -> HeadlineFinding:
    """A new headline finding or a change to one. A change deletes the agreements: they were
    given to other words."""
    errors: dict[str, list[str]] = {}
    text = clean_text(text, field="text", errors=errors, required=True, limit=MAX_TEXT)
    chosen = clean_indicators(indicators, review=review, field="indicators", errors=errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if headline is None:
            headline = HeadlineFinding.objects.create(
                review=review, text=text, drafted_by=by, revision=1,
                position=HeadlineFinding.objects.filter(review=review).count() + 1)
        else:
            current = HeadlineFinding.objects.select_for_update().get(pk=headline.pk)
            if current.revision != revision:
                raise Conflict(current=headline_data(current),
                               attempted={"text": text, "revision": revision,
                                          "indicators": [i.code for i in chosen]})
            headline = current
            headline.text = text
            headline.revision += 1
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
