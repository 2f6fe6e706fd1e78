"""Strengths, weaknesses with the barriers behind them, and good practices found in the
review; and the evidence trail a finding rests on.

Both carry a `revision` like every edited row: a save over a newer one is refused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.assessment.domain.evidence import NotRestorable, references_of
from citypeer.assessment.domain.history import (
    delete_with_history,
    last_version_before_deletion,
    save_with_history,
)
from citypeer.assessment.models import EvidenceItem, Finding
from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice

MAX_TEXT = 10_000
MAX_TITLE = 300


class StaleRevision(Exception):
    def __init__(self, *, what: str, current: dict | None, attempted: dict):
        self.current, self.attempted = current, attempted
        if current is None:
            message = _("This %(what)s was deleted by someone else. Nothing was changed.")
        else:
            message = _("This %(what)s was saved by someone else after you opened it. "
                        "Nothing was overwritten.")
        super().__init__(message % {"what": what})


def _indicators(review, codes, problem, *, required: bool) -> list[Indicator]:
    if isinstance(codes, str) or codes is None or not isinstance(codes, Iterable):
        problem("indicators", _("Give a list of indicators."))
        return []
    codes = [c.code if isinstance(c, Indicator) else str(c).strip() for c in codes]
    codes = [c for c in codes if c]
    if required and not codes:
        problem("indicators", _("Relate it to at least one indicator."))
    rows = {i.code: i for i in Indicator.objects.filter(
        benchmark_id=review.programme.benchmark_id, code__in=codes)}
    for code in codes:
        if code not in rows:
            problem("indicators", _("%(code)s is not an indicator of this review's "
                                    "benchmark.") % {"code": code})
    return sorted(rows.values(), key=lambda i: i.position)


def _text(value, field, problem, *, required: bool, limit: int = MAX_TEXT) -> str:
    if value is not None and not isinstance(value, str):
        problem(field, _("Give a text."))
        return ""
    value = (value or "").strip()
    if required and not value:
        problem(field, _("This field is required."))
    if len(value) > limit:
        problem(field, _("At most %(max)s characters.") % {"max": limit})
    return value


def _check_revision(revision, problem):
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        problem("revision", _("The revision must be a whole number, 0 or more."))


# --- strengths and weaknesses -----------------------------------------------------------

@dataclass(frozen=True)
class CleanFinding:
    kind: str
    text: str
    barriers: str
    indicators: list
    evidence: list


def clean_finding(*, review, kind, text, barriers="", indicators=(), evidence=(),
                  revision=0) -> CleanFinding:
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    if kind not in Finding.Kind.values:
        problem("kind", _("%(value)r is not one of: %(choices)s.")
                % {"value": kind, "choices": ", ".join(Finding.Kind.values)})
    text = _text(text, "text", problem, required=True)
    barriers = _text(barriers, "barriers", problem, required=False)
    if kind == Finding.Kind.STRENGTH and barriers:
        problem("barriers", _("Barriers are what holds back a weakness; a strength has "
                              "none."))
    chosen = _indicators(review, indicators, problem, required=False)
    ids = []
    if isinstance(evidence, str) or not isinstance(evidence, Iterable):
        problem("evidence", _("Give a list of evidence ids."))
    else:
        for value in evidence:
            try:
                ids.append(int(value))
            except (TypeError, ValueError):
                problem("evidence", _("%(value)r is not an evidence id.") % {"value": value})
    ids = sorted(set(ids))
    found = set(EvidenceItem.objects.filter(review=review, pk__in=ids)
                .values_list("pk", flat=True)) if ids else set()
    for missing in (i for i in ids if i not in found):
        problem("evidence", _("There is no piece of evidence %(id)s in this review.")
                % {"id": missing})
    _check_revision(revision, problem)
    if errors:
        raise ValidationError(errors)
    return CleanFinding(kind=kind, text=text, barriers=barriers, indicators=chosen,
                        evidence=ids)


def finding_data(finding: Finding) -> dict:
    return {
        "id": finding.pk, "kind": finding.kind, "text": finding.text,
        "barriers": finding.barriers,
        "indicators": [i.code for i in finding.indicators.all()],
        "evidence": sorted(e.pk for e in finding.evidence.all()),
        "revision": finding.revision,
    }


def save_finding(*, review, by, finding: Finding | None = None, revision: int = 0,
                 **fields) -> Finding:
    """Create a finding (`finding` None, revision 0) or change one."""
    clean = clean_finding(review=review, revision=revision, **fields)
    attempted = {**clean.__dict__, "indicators": [i.code for i in clean.indicators],
                 "revision": revision}
    with transaction.atomic():
        created = finding is None
        if not created:
            locked = Finding.objects.select_for_update().filter(pk=finding.pk).first()
            if locked is None or locked.revision != revision:
                raise StaleRevision(what=_("finding"), attempted=attempted,
                                    current=finding_data(locked) if locked else None)
            finding = locked
        else:
            finding = Finding(review=review)
        finding.kind, finding.text, finding.barriers = clean.kind, clean.text, clean.barriers
        finding.revision = revision + 1
        save_with_history(finding, by=by, created=created,
                          m2m={"indicators": clean.indicators, "evidence": clean.evidence})
    return finding


def delete_finding(*, finding: Finding, by, revision: int) -> None:
    with transaction.atomic():
        locked = Finding.objects.select_for_update().filter(pk=finding.pk).first()
        if locked is None or locked.revision != revision:
            raise StaleRevision(what=_("finding"), attempted={"revision": revision},
                                current=finding_data(locked) if locked else None)
        delete_with_history(locked, by=by)


@dataclass(frozen=True)
class TrailStep:
    item: EvidenceItem
    references: tuple[str, ...]
    interview: object | None


def evidence_trail(finding: Finding) -> list[TrailStep]:
    """What a finding rests on, back to the interviews: each piece of evidence with its
    references; `finding.evidence` prefetched with the bank's related rows
    (queries.findings_in_full)."""
    items = sorted(finding.evidence.all(),
                   key=lambda e: (e.interview.number if e.interview_id else 10**9, e.pk))
    return [TrailStep(item=e, references=references_of(e),
                      interview=e.interview if e.interview_id else None) for e in items]


# --- good practices (rows of citypeer.practices, written from the review) ----------------

@dataclass(frozen=True)
class CleanPractice:
    title: str
    description: str
    indicators: list
    transferable: bool


def clean_practice(*, review, title, description, indicators=(), transferable=False,
                   revision=0) -> CleanPractice:
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    title = _text(title, "title", problem, required=True, limit=MAX_TITLE)
    description = _text(description, "description", problem, required=True)
    chosen = _indicators(review, indicators, problem, required=True)
    if not isinstance(transferable, bool):
        problem("transferable", _("Say yes or no."))
    _check_revision(revision, problem)
    if errors:
        raise ValidationError(errors)
    return CleanPractice(title=title, description=description, indicators=chosen,
                         transferable=transferable)


def practice_data(practice: GoodPractice) -> dict:
    return {
        "id": practice.pk, "title": practice.title, "description": practice.description,
        "indicators": [i.code for i in practice.indicators.all()],
        "transferable": practice.transferable, "revision": practice.edit_count,
    }


def save_good_practice(*, review, by, practice: GoodPractice | None = None, revision: int = 0,
                       **fields) -> GoodPractice:
    clean = clean_practice(review=review, revision=revision, **fields)
    attempted = {**clean.__dict__, "indicators": [i.code for i in clean.indicators],
                 "revision": revision}
    with transaction.atomic():
        created = practice is None
        if not created:
            locked = GoodPractice.objects.select_for_update().filter(pk=practice.pk).first()
            if locked is None or locked.edit_count != revision:
                raise StaleRevision(what=_("good practice"), attempted=attempted,
                                    current=practice_data(locked) if locked else None)
            practice = locked
        else:
            practice = GoodPractice(review=review, origin=GoodPractice.Origin.REVIEW,
                                    city=review.city, year=None)
        practice.title, practice.description = clean.title, clean.description
        practice.transferable = clean.transferable
        practice.edit_count = revision + 1
        save_with_history(practice, by=by, created=created,
                          m2m={"indicators": clean.indicators})
    return practice


def delete_good_practice(*, practice: GoodPractice, by, revision: int) -> None:
    with transaction.atomic():
        locked = GoodPractice.objects.select_for_update().filter(pk=practice.pk).first()
        if locked is None or locked.edit_count != revision:
            raise StaleRevision(what=_("good practice"), attempted={"revision": revision},
                                current=practice_data(locked) if locked else None)
        delete_with_history(locked, by=by)


def restore_good_practice(*, review, practice_id: int, by) -> GoodPractice:
    with transaction.atomic():
        if GoodPractice.objects.filter(pk=practice_id).exists():
            raise NotRestorable(_("This good practice is not deleted."))
        record = last_version_before_deletion(GoodPractice.history.model, practice_id)
        if record is None or record.review_id != review.pk:
            raise NotRestorable(_("There is no deleted good practice %(id)s in this review.")
                                % {"id": practice_id})
        indicators = [row.indicator_id for row in record.indicators.all()]
        practice = record.instance
        practice.edit_count = record.edit_count + 1
        save_with_history(practice, m2m={"indicators": indicators}, by=by, created=True)
    return practice
