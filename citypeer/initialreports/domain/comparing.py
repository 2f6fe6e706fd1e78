"""A stale save's two versions side by side, as the shared edit-conflict template and the
API's 409 show them: only the fields that differ, each value in words (a status by its
label, a person as name, role and organisation)."""

from __future__ import annotations

from dataclasses import fields

from django.utils.translation import gettext_lazy as _

from citypeer.common.editing import ComparedField, compare
from citypeer.initialreports.method.report import EntryValues, PersonIn
from citypeer.initialreports.models import InitialReport, SelfAssessment

ENTRY_LABELS = {
    "status": _("status"),
    "not_applicable_reason": _("why not applicable"),
    "evidence": _("evidence"),
    "how": _("how"),
    "why": _("why"),
    "who": _("who"),
    "politically_responsible": _("politically responsible"),
    "operationally_responsible": _("operationally responsible"),
}


def _in_words(name: str, value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, PersonIn):
        return str(value)
    if name == "status":
        return str(SelfAssessment.Status(value).label)
    if name == "political_involvement":
        return str(InitialReport.PoliticalInvolvement(value).label)
    return str(value)


def _differing(labels: dict, saved: dict, yours: dict) -> tuple[ComparedField, ...]:
    names = [name for name in labels if name in yours and yours[name] != saved.get(name)]
    return compare(
        {name: str(labels[name]) for name in names},
        {name: _in_words(name, saved.get(name)) for name in names},
        {name: _in_words(name, yours[name]) for name in names},
    )


def section_fields(*, saved: str, yours: str) -> tuple[ComparedField, ...]:
    return _differing({"text": _("text")}, {"text": saved}, {"text": yours})


def provenance_fields(*, saved: dict, yours: dict) -> tuple[ComparedField, ...]:
    labels = {name: InitialReport._meta.get_field(name).verbose_name for name in yours}
    return _differing(labels, saved, yours)


def entry_fields(*, saved: EntryValues, yours: EntryValues) -> tuple[ComparedField, ...]:
    return _differing(ENTRY_LABELS, _by_name(saved), _by_name(yours))


def _by_name(values: EntryValues) -> dict:
    return {f.name: getattr(values, f.name) for f in fields(values)}
