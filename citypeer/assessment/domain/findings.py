"""Strengths, weaknesses with the barriers behind them, and good practices found in the
review; and the evidence trail a finding rests on.

Both carry an edit count like every edited row: a save or a deletion over a newer edit is
refused with both versions (`common.editing.EditConflict`). Good practices are rows of
`citypeer.practices`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from citypeer.assessment.domain.evidence import references_of
from citypeer.assessment.domain.history import (
    delete_with_history,
    last_version_before_deletion,
    save_with_history,
)
from citypeer.assessment.domain.refusals import NotRestorable
from citypeer.assessment.models import EvidenceItem, Finding
from citypeer.benchmarks.models import Indicator
from citypeer.common.editing import EditConflict, StaleEdit, check_edit_count, compare
from citypeer.practices.models import GoodPractice

MAX_TEXT = 10_000
MAX_TITLE = 300


FINDING_FIELDS = {"kind": _l("kind"), "text": _l("text"), "barriers": _l("barriers behind it"),
                  "indicators": _l("indicators"), "evidence": _l("evidence it rests on")}
PRACTICE_FIELDS = {"title": _l("title"), "description": _l("description"),
                   "indicators": _l("indicators"), "transferable": _l("transferable")}


def _deleted(what: str, started_from: int | None) -> EditConflict:
    return EditConflict([StaleEdit(what=what, started_from=started_from, edit_count=0,
                                   deleted=True)])


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


def _check_edit_count(edit_count, problem):
    if edit_count is None:
        return
    if isinstance(edit_count, bool) or not isinstance(edit_count, int) or edit_count < 0:
        problem("edit_count", _("The edit count must be a whole number, 0 or more."))


# --- strengths and weaknesses -----------------------------------------------------------

@dataclass(frozen=True)
class CleanFinding:
    kind: str
    text: str
    barriers: str
    indicators: list
    evidence: list


def clean_finding(*, review, kind, text, barriers="", indicators=(), evidence=(),
                  edit_count=0) -> CleanFinding:
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
    _check_edit_count(edit_count, problem)
    if errors:
        raise ValidationError(errors)
    return CleanFinding(kind=kind, text=text, barriers=barriers, indicators=chosen,
                        evidence=ids)


def _finding_shown(finding: Finding) -> dict:
    return {"kind": finding.kind, "text": finding.text, "barriers": finding.barriers,
            "indicators": [i.code for i in finding.indicators.order_by("position")],
            "evidence": sorted(finding.evidence.values_list("pk", flat=True))}


def _finding_what(finding: Finding) -> str:
    return _("finding #%(id)s") % {"id": finding.pk}


def save_finding(*, review, by, finding: Finding | None = None, edit_count: int | None = 0,
                 **fields) -> Finding:
    """Create a finding (`finding` None) or change one from the edit count the change
    started from."""
    clean = clean_finding(review=review, edit_count=edit_count, **fields)
    yours = {**clean.__dict__, "indicators": [i.code for i in clean.indicators]}
    with transaction.atomic():
        created = finding is None
        if not created:
            locked = Finding.objects.select_for_update().filter(pk=finding.pk).first()
            if locked is None:
                raise _deleted(_finding_what(finding), edit_count)
            check_edit_count(locked, started_from=edit_count, what=_finding_what(locked),
                             fields=lambda: compare(FINDING_FIELDS, _finding_shown(locked),
                                                    yours))
            finding = locked
        else:
            finding = Finding(review=review)
        finding.kind, finding.text, finding.barriers = clean.kind, clean.text, clean.barriers
        finding.edit_count += 1
        save_with_history(finding, by=by, created=created,
                          m2m={"indicators": clean.indicators, "evidence": clean.evidence})
    return finding


def delete_finding(*, finding: Finding, by, edit_count: int | None) -> None:
    with transaction.atomic():
        locked = Finding.objects.select_for_update().filter(pk=finding.pk).first()
        if locked is None:
            raise _deleted(_finding_what(finding), edit_count)
        check_edit_count(locked, started_from=edit_count, what=_finding_what(locked))
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
                   edit_count=0) -> CleanPractice:
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    title = _text(title, "title", problem, required=True, limit=MAX_TITLE)
    description = _text(description, "description", problem, required=True)
    chosen = _indicators(review, indicators, problem, required=True)
    if not isinstance(transferable, bool):
        problem("transferable", _("Say yes or no."))
    _check_edit_count(edit_count, problem)
    if errors:
        raise ValidationError(errors)
    return CleanPractice(title=title, description=description, indicators=chosen,
                         transferable=transferable)


def _practice_shown(practice: GoodPractice) -> dict:
    return {"title": practice.title, "description": practice.description,
            "indicators": [i.code for i in practice.indicators.order_by("position")],
            "transferable": practice.transferable}


def _practice_what(practice: GoodPractice) -> str:
    return _("the good practice “%(title)s”") % {"title": practice.title}


def _check_practice(practice: GoodPractice, *, started_from: int | None, yours=None) -> None:
    check_edit_count(practice, started_from=started_from, what=_practice_what(practice),
                     fields=lambda: compare(PRACTICE_FIELDS, _practice_shown(practice), yours)
                     if yours else ())


def save_good_practice(*, review, by, practice: GoodPractice | None = None,
                       edit_count: int | None = 0, **fields) -> GoodPractice:
    """Create a good practice (`practice` None) or change one from the edit count the
    change started from."""
    clean = clean_practice(review=review, edit_count=edit_count, **fields)
    yours = {**clean.__dict__, "indicators": [i.code for i in clean.indicators]}
    with transaction.atomic():
        created = practice is None
        if not created:
            locked = GoodPractice.objects.select_for_update().filter(pk=practice.pk).first()
            if locked is None:
                raise _deleted(_practice_what(practice), edit_count)
            _check_practice(locked, started_from=edit_count, yours=yours)
            practice = locked
        else:
            practice = GoodPractice(review=review, origin=GoodPractice.Origin.REVIEW,
                                    city=review.city, year=None)
        practice.title, practice.description = clean.title, clean.description
        practice.transferable = clean.transferable
        practice.edit_count += 1
        save_with_history(practice, by=by, created=created,
                          m2m={"indicators": clean.indicators})
    return practice


def delete_good_practice(*, practice: GoodPractice, by, edit_count: int | None) -> None:
    with transaction.atomic():
        locked = GoodPractice.objects.select_for_update().filter(pk=practice.pk).first()
        if locked is None:
            raise _deleted(_practice_what(practice), edit_count)
        _check_practice(locked, started_from=edit_count)
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
