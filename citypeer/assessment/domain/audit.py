"""The audit trail of a review: every creation, change and deletion of its evidence,
assessments, findings and good practices, with who, when and what changed, read from
django-simple-history's records. A fixed number of queries whatever the length of the
trail."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from citypeer.assessment.models import Assessment, EvidenceItem, Finding
from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice
from citypeer.visits.models import Interview, Workshop

ACTIONS = {"+": gettext_lazy("created"), "~": gettext_lazy("changed"),
           "-": gettext_lazy("deleted")}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass
class AuditEntry:
    kind: str  # evidence, assessment, finding, good_practice
    object_id: int
    label: str
    action: str  # +, ~, -
    when: object
    who: str
    changes: list[FieldChange] = field(default_factory=list)
    edit_count: int | None = None

    @property
    def action_label(self) -> str:
        return str(ACTIONS[self.action])


@dataclass(frozen=True)
class _Spec:
    kind: str
    model: type
    fields: tuple[str, ...]
    m2m: tuple[tuple[str, str, str], ...]  # (name, through history model attr, target attname)


def _edit_count(record) -> int | None:
    return record.edit_count


SPECS = (
    _Spec("evidence", EvidenceItem,
          ("source", "interview_id", "workshop_id", "document", "page", "interviewers", "text",
           "kind", "direction"),
          (("indicators", "indicators", "indicator_id"),)),
    _Spec("assessment", Assessment, ("indicator_id", "colour", "rationale", "proposed_colour"),
          ()),
    _Spec("finding", Finding, ("kind", "text", "barriers"),
          (("indicators", "indicators", "indicator_id"),
           ("evidence", "evidence", "evidenceitem_id"))),
    _Spec("good_practice", GoodPractice, ("title", "description", "transferable"),
          (("indicators", "indicators", "indicator_id"),)),
)


KINDS = tuple(spec.kind for spec in SPECS)


def _field_label(model, name: str) -> str:
    name = name.removesuffix("_id")
    return str(model._meta.get_field(name).verbose_name)


def audit_trail(review, *, kinds=None, object_id=None) -> list[AuditEntry]:
    """The trail, newest first. `kinds` limits it to some of evidence, assessment, finding,
    good_practice; `object_id` (with one kind) to one row's history."""
    indicator_codes = dict(Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
                           .values_list("pk", "code"))
    interviews = dict(Interview.objects.filter(visit__review=review)
                      .values_list("pk", "number"))
    workshops = dict(Workshop.objects.filter(visit__review=review).values_list("pk", "label"))
    entries: list[AuditEntry] = []
    for spec in SPECS:
        if kinds is not None and spec.kind not in kinds:
            continue
        history = spec.model.history.model
        records = history.objects.filter(review=review).select_related("history_user")
        if object_id is not None:
            records = records.filter(id=object_id)
        records = list(records.order_by("id", "history_date", "history_id"))
        m2m_values: dict[tuple[str, int], list] = {}
        for name, _attr, target in spec.m2m:
            through = _m2m_history_model(spec.model, name)
            for history_id, value in (through.objects
                                      .filter(history_id__in=[r.history_id for r in records])
                                      .values_list("history_id", target)):
                m2m_values.setdefault((name, history_id), []).append(value)
        previous = None
        for record in records:
            if previous is not None and previous.id != record.id:
                previous = None
            entries.append(_entry(spec, record, previous, m2m_values, indicator_codes,
                                  interviews, workshops))
            if record.history_type != "-":
                previous = record
    entries.sort(key=lambda e: (e.when, e.kind, e.object_id), reverse=True)
    return entries


def _m2m_history_model(model, name):
    return HistoricalRecords.m2m_models[model._meta.get_field(name)]


def _show(spec, name, value, indicator_codes, interviews, workshops) -> str:
    if value is None or value == "":
        return "—"
    if name == "interview_id":
        return _("Interview %(number)s") % {"number": interviews.get(value, value)}
    if name == "workshop_id":
        return _("Workshop %(label)s") % {"label": workshops.get(value, value)}
    if name == "indicator_id":
        return indicator_codes.get(value, str(value))
    if name == "transferable":
        return _("yes") if value else _("no")
    model_field = spec.model._meta.get_field(name.removesuffix("_id"))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return str(value)


def _show_m2m(name, values, indicator_codes) -> str:
    if name == "indicators":
        shown = sorted(indicator_codes.get(v, str(v)) for v in values)
    else:
        shown = [f"#{v}" for v in sorted(values)]
    return ", ".join(shown) or "—"


def _entry(spec, record, previous, m2m_values, indicator_codes, interviews,
           workshops) -> AuditEntry:
    def current(name):
        return getattr(record, name)

    changes = []
    if record.history_type != "-":
        for name in spec.fields:
            new = current(name)
            old = getattr(previous, name) if previous is not None else None
            if previous is None and new in (None, ""):
                continue
            if previous is None or old != new:
                changes.append(FieldChange(
                    field=name.removesuffix("_id"), label=_field_label(spec.model, name),
                    old=_show(spec, name, old, indicator_codes, interviews, workshops)
                    if previous is not None else "",
                    new=_show(spec, name, new, indicator_codes, interviews, workshops)))
        for name, _attr, _target in spec.m2m:
            new = sorted(m2m_values.get((name, record.history_id), []))
            old = (sorted(m2m_values.get((name, previous.history_id), []))
                   if previous is not None else None)
            if (previous is None and new) or (previous is not None and old != new):
                changes.append(FieldChange(
                    field=name, label=_field_label(spec.model, name),
                    old=_show_m2m(name, old, indicator_codes) if old is not None else "",
                    new=_show_m2m(name, new, indicator_codes)))
    return AuditEntry(kind=spec.kind, object_id=record.id,
                      label=_label(spec, record, indicator_codes),
                      action=record.history_type, when=record.history_date,
                      who=str(record.history_user) if record.history_user_id else "",
                      changes=changes, edit_count=_edit_count(record))


def _label(spec, record, indicator_codes) -> str:
    if spec.kind == "assessment":
        return indicator_codes.get(record.indicator_id, "")
    if spec.kind == "good_practice":
        return record.title
    text = record.text
    return text if len(text) <= 80 else text[:79] + "…"


def deleted_items(review) -> list[AuditEntry]:
    """Evidence and good practices that were deleted and not restored: the coordinator may
    bring them back."""
    out = []
    for spec in (SPECS[0], SPECS[3]):
        history = spec.model.history.model
        gone = (history.objects.filter(review=review, history_type="-")
                .exclude(id__in=spec.model.objects.filter(review=review).values("pk"))
                .select_related("history_user").order_by("-history_date"))
        seen = set()
        for record in gone:
            if record.id in seen:
                continue
            seen.add(record.id)
            out.append(AuditEntry(
                kind=spec.kind, object_id=record.id, label=_label(spec, record, {}),
                action="-", when=record.history_date,
                who=str(record.history_user) if record.history_user_id else "",
                edit_count=_edit_count(record)))
    return out
