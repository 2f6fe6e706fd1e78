"""Writing the initial report: its background, provenance and self-assessment entries.

Every save names the revision it started from. A save over a newer revision that would change
what is there raises EditConflict with both versions; nothing is silently overwritten.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from citypeer.benchmarks.models import Indicator
from citypeer.initialreports.method import report as core
from citypeer.initialreports.method.workbook import PersonIn
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ResponsiblePerson,
    SelfAssessment,
    SupportingDocument,
)

PROVENANCE_FIELDS = (
    "drafted_by", "partners", "political_involvement", "political_involvement_note",
    "budget_local", "budget_regional", "budget_national", "budget_eu",
)
BUDGET_FIELDS = ("budget_local", "budget_regional", "budget_national", "budget_eu")
ENTRY_TEXT_FIELDS = ("not_applicable_reason", "evidence", "how", "why", "who")


class ReportLocked(Exception):
    """The host city cannot change the report in its present state."""

    def __init__(self, state: str):
        self.state = state
        label = InitialReport.State(state).label
        super().__init__(_("The report is %(state)s: the host city cannot change it now.")
                         % {"state": label})


@dataclass(frozen=True)
class Conflict:
    """One item two people changed: what the saver sent and what is stored now."""

    what: str  # a label: the section's title, "provenance", an indicator code
    yours: dict
    theirs: dict
    your_revision: int
    current_revision: int
    changed_by: str = ""
    changed_at: object = None


class EditConflict(Exception):
    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        super().__init__(
            _("Someone else saved %(what)s after you started; nothing of yours was saved.")
            % {"what": ", ".join(str(c.what) for c in conflicts)}
        )


@dataclass(frozen=True)
class EntryValues:
    """What a host city says about one indicator."""

    status: str = ""
    not_applicable_reason: str = ""
    evidence: str = ""
    how: str = ""
    why: str = ""
    who: str = ""
    politically_responsible: PersonIn | None = None
    operationally_responsible: PersonIn | None = None

    def cleaned(self) -> EntryValues:
        texts = {f: core.clean_text(getattr(self, f)) for f in ENTRY_TEXT_FIELDS}
        return EntryValues(
            status=self.status or "", **texts,
            politically_responsible=_clean_person(self.politically_responsible),
            operationally_responsible=_clean_person(self.operationally_responsible),
        )

    def as_dict(self) -> dict:
        return asdict(self)


def _clean_person(person: PersonIn | None) -> PersonIn | None:
    if person is None or not core.clean_line(person.name):
        return None
    return PersonIn(name=core.clean_line(person.name), role=core.clean_line(person.role),
                    organisation=core.clean_line(person.organisation))


def person_in(person: ResponsiblePerson | None) -> PersonIn | None:
    if person is None:
        return None
    return PersonIn(name=person.name, role=person.role, organisation=person.organisation)


def entry_values(entry: SelfAssessment) -> EntryValues:
    return EntryValues(
        status=entry.status,
        **{f: getattr(entry, f) for f in ENTRY_TEXT_FIELDS},
        politically_responsible=person_in(entry.politically_responsible),
        operationally_responsible=person_in(entry.operationally_responsible),
    )


def get_or_create_report(*, review) -> InitialReport:
    """The review's initial report, with its seven background sections and one
    self-assessment entry per indicator of the programme's benchmark version (added when
    missing, as for a report made elsewhere)."""
    report = InitialReport.objects.filter(review=review).first()
    if report is not None and not any(_missing_parts(report, review)):
        return report
    # Only a write takes the (on SQLite, database-wide) write lock.
    with transaction.atomic():
        report, _created = InitialReport.objects.get_or_create(review=review)
        sections, entries = _missing_parts(report, review)
        if sections:
            bulk_create_with_history(sections, BackgroundSection)
        if entries:
            bulk_create_with_history(entries, SelfAssessment)
    return report


def _missing_parts(report, review) -> tuple[list, list]:
    have = set(BackgroundSection.objects.filter(report=report).values_list("kind", flat=True))
    sections = [BackgroundSection(report=report, kind=k)
                for k in core.BACKGROUND_SECTION_KINDS if k not in have]
    assessed = SelfAssessment.objects.filter(report=report).values("indicator_id")
    missing = (
        Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
        .exclude(pk__in=assessed).order_by("position")
    )
    return sections, [SelfAssessment(report=report, indicator=i) for i in missing]


def _locked_report(report: InitialReport) -> InitialReport:
    locked = InitialReport.objects.select_for_update().get(pk=report.pk)
    if not core.host_may_edit(locked.state):
        raise ReportLocked(locked.state)
    return locked


def _last_change(obj) -> tuple[str, object]:
    record = obj.history.select_related("history_user").order_by("-history_date").first()
    if record is None:
        return "", None
    return (str(record.history_user) if record.history_user else ""), record.history_date


def provenance_values(report: InitialReport) -> dict:
    return {f: getattr(report, f) for f in PROVENANCE_FIELDS}


def _clean_provenance(values: dict) -> dict:
    out = {}
    for name, value in values.items():
        if name not in PROVENANCE_FIELDS:
            raise ValueError(f"{name!r} is not a provenance field")
        if name in BUDGET_FIELDS:
            out[name] = None if value in (None, "") else Decimal(value).quantize(Decimal("0.01"))
        elif name == "political_involvement":
            out[name] = value or ""
        else:
            out[name] = core.clean_text(value)
    return out


def save_background(
    *,
    report: InitialReport,
    by,
    sections: dict[int, tuple[str, int]] | None = None,
    provenance: dict | None = None,
    provenance_revision: int | None = None,
) -> InitialReport:
    """Save changed background sections ({kind: (text, revision started from)}) and changed
    provenance fields (with the report revision they started from), all or nothing."""
    sections = sections or {}
    provenance = _clean_provenance(provenance or {})
    with transaction.atomic():
        locked = _locked_report(report)
        stored = {
            s.kind: s for s in BackgroundSection.objects.select_for_update().filter(report=locked)
        }
        conflicts, writes = [], []
        for kind, (text, revision) in sorted(sections.items()):
            section = stored.get(kind)
            if section is None:
                raise ValueError(f"the report has no background section {kind}")
            text = core.clean_text(text)
            if text == section.text:
                continue
            if revision != section.revision:
                conflicts.append(_conflict(
                    section, section.get_kind_display(), {"text": text}, {"text": section.text},
                    revision,
                ))
                continue
            section.text = text
            writes.append(section)
        current = provenance_values(locked)
        changed = {k: v for k, v in provenance.items() if v != current[k]}
        if changed and provenance_revision != locked.revision:
            conflicts.append(_conflict(
                locked, _("provenance and budgets"), changed,
                {k: current[k] for k in changed}, provenance_revision,
            ))
        if conflicts:
            raise EditConflict(conflicts)
        for section in writes:
            section.revision += 1
            section._history_user = by
            section.save(update_fields=["text", "revision"])
        if changed:
            for name, value in changed.items():
                setattr(locked, name, value)
            locked.revision += 1
            locked._history_user = by
            locked.save(update_fields=[*changed, "revision"])
    return locked


def _conflict(obj, what, yours: dict, theirs: dict, revision) -> Conflict:
    changed_by, changed_at = _last_change(obj)
    return Conflict(what=str(what), yours=yours, theirs=theirs, your_revision=revision,
                    current_revision=obj.revision, changed_by=changed_by, changed_at=changed_at)


def _people_of(report: InitialReport) -> dict[tuple[str, str], ResponsiblePerson]:
    return {core.person_key(p.name, p.organisation): p
            for p in ResponsiblePerson.objects.filter(report=report)}


def resolve_person(report, person: PersonIn | None, people: dict) -> ResponsiblePerson | None:
    """The report's responsible person for a name and organisation, created when new: each
    person is listed once per report, whatever the indicators they answer for. A role given
    where none was known, or a changed role, is kept."""
    if person is None:
        return None
    key = person.key
    found = people.get(key)
    if found is None:
        found = ResponsiblePerson.objects.create(
            report=report, name=person.name, role=person.role, organisation=person.organisation
        )
        people[key] = found
    elif person.role and person.role != found.role:
        found.role = person.role
        found.save(update_fields=["role"])
    return found


def save_self_assessment(
    *, report: InitialReport, indicator_id: int, values: EntryValues, revision: int, by
) -> SelfAssessment:
    """Save one self-assessment entry, started from `revision`."""
    values = values.cleaned()
    if values.status and values.status not in core.STATUS_LABELS:
        raise ValueError(f"{values.status!r} is not a self-assessment status")
    with transaction.atomic():
        locked = _locked_report(report)
        entry = (
            SelfAssessment.objects.select_for_update(of=("self",))
            .select_related("indicator", "politically_responsible", "operationally_responsible")
            .get(report=locked, indicator_id=indicator_id)
        )
        current = entry_values(entry)
        if values == current:
            return entry
        if revision != entry.revision:
            raise EditConflict([_conflict(entry, entry.indicator.code, values.as_dict(),
                                          current.as_dict(), revision)])
        write_entry(entry, values, people=_people_of(locked), by=by)
    return entry


def write_entry(entry: SelfAssessment, values: EntryValues, *, people: dict, by) -> None:
    entry.status = values.status
    for name in ENTRY_TEXT_FIELDS:
        setattr(entry, name, getattr(values, name))
    entry.politically_responsible = resolve_person(
        entry.report, values.politically_responsible, people
    )
    entry.operationally_responsible = resolve_person(
        entry.report, values.operationally_responsible, people
    )
    entry.revision += 1
    entry._history_user = by
    entry.save()


def report_content(report: InitialReport) -> core.ReportContent:
    """What completeness looks at, in three queries."""
    sections = tuple(
        core.Section(kind=k, text=t)
        for k, t in BackgroundSection.objects.filter(report=report).values_list("kind", "text")
    )
    entries = tuple(
        core.Entry(code=code, status=status, not_applicable_reason=reason, evidence=evidence,
                   has_responsible_person=bool(political or operational))
        for code, status, reason, evidence, political, operational in (
            SelfAssessment.objects.filter(report=report)
            .order_by("indicator__position")
            .values_list("indicator__code", "status", "not_applicable_reason", "evidence",
                         "politically_responsible_id", "operationally_responsible_id")
        )
    )
    return core.ReportContent(
        sections=sections,
        entries=entries,
        drafted_by=report.drafted_by,
        political_involvement=report.political_involvement,
        has_structure_diagram=SupportingDocument.objects.filter(
            report=report, kind=SupportingDocument.Kind.STRUCTURE_DIAGRAM
        ).exists(),
    )


def report_completeness(report: InitialReport) -> core.Completeness:
    return core.completeness(report_content(report))
