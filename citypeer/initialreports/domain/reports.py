"""Writing the initial report: its background, provenance and self-assessment entries.

Every save names the edit count it started from. A save over a newer edit that would change
what is there raises `common.editing.EditConflict` with both versions of every stale part at
once; nothing is silently overwritten.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from citypeer.benchmarks.models import Indicator
from citypeer.common.editing import EditCollector
from citypeer.common.refusals import Refused
from citypeer.initialreports.domain.comparing import (
    entry_fields,
    provenance_fields,
    section_fields,
)
from citypeer.initialreports.method.report import (
    AREA_SELF_ASSESSMENT,
    BACKGROUND_SECTION_KINDS,
    BUDGET_FIELDS,
    ENTRY_TEXT_FIELDS,
    PROVENANCE_FIELDS,
    STATUS_LABELS,
    Completeness,
    EntryContent,
    EntryValues,
    PersonIn,
    ReportContent,
    SectionContent,
    clean_text,
    completeness,
    host_may_edit,
    person_key,
)
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ResponsiblePerson,
    SelfAssessment,
    SupportingDocument,
)


class ReportLocked(Refused):
    """The host city cannot change the report in its present state."""

    status_code = 403

    def __init__(self, state: str):
        self.state = state
        label = InitialReport.State(state).label
        super().__init__(_("The report is %(state)s: the host city cannot change it now.")
                         % {"state": label})


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
                for k in BACKGROUND_SECTION_KINDS if k not in have]
    assessed = SelfAssessment.objects.filter(report=report).values("indicator_id")
    missing = (
        Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
        .exclude(pk__in=assessed).order_by("position")
    )
    return sections, [SelfAssessment(report=report, indicator=i) for i in missing]


def locked_report(report: InitialReport) -> InitialReport:
    """The report, locked for this transaction; ReportLocked if the host city may not
    change it now."""
    locked = InitialReport.objects.select_for_update().get(pk=report.pk)
    if not host_may_edit(locked.state):
        raise ReportLocked(locked.state)
    return locked


def _last_change(row) -> tuple[str, object]:
    record = row.history.select_related("history_user").order_by("-history_date").first()
    if record is None:
        return "", None
    return (str(record.history_user) if record.history_user else ""), record.history_date


def _check(edits: EditCollector, row, *, started_from: int, what: str, fields) -> None:
    """Note `row` as stale unless it is still at the edit count the save started from; who
    saved it last is looked up only then."""
    if started_from == row.edit_count:
        return
    saved_by, saved_at = _last_change(row)
    edits.check(row, started_from=started_from, what=str(what), fields=fields,
                saved_by=saved_by, saved_at=saved_at)


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
            out[name] = clean_text(value)
    return out


def save_background(
    *,
    report: InitialReport,
    by,
    sections: dict[int, tuple[str, int]] | None = None,
    provenance: dict | None = None,
    provenance_edit_count: int | None = None,
) -> InitialReport:
    """Save changed background sections ({kind: (text, edit count started from)}) and
    changed provenance fields (with the report's edit count they started from), all or
    nothing: EditConflict names every part someone else saved in the meantime."""
    sections = sections or {}
    provenance = _clean_provenance(provenance or {})
    with transaction.atomic():
        locked = locked_report(report)
        stored = {
            s.kind: s for s in BackgroundSection.objects.select_for_update().filter(report=locked)
        }
        edits, writes = EditCollector(), []
        for kind, (text, started_from) in sorted(sections.items()):
            section = stored.get(kind)
            if section is None:
                raise ValueError(f"the report has no background section {kind}")
            text = clean_text(text)
            if text == section.text:
                continue
            _check(edits, section, started_from=started_from, what=section.get_kind_display(),
                   fields=lambda s=section.text, t=text: section_fields(saved=s, yours=t))
            writes.append((section, text))
        current = provenance_values(locked)
        changed = {k: v for k, v in provenance.items() if v != current[k]}
        if changed:
            _check(edits, locked, started_from=provenance_edit_count,
                   what=_("provenance and budgets"),
                   fields=lambda: provenance_fields(saved=current, yours=changed))
        edits.raise_if_any()
        write_background(locked, sections=writes, provenance=changed, by=by)
    return locked


def write_background(report: InitialReport, *, sections, provenance: dict, by) -> None:
    """Write checked changes, inside the caller's transaction: new texts of sections
    ([(section, text)]) and provenance fields ({name: value}), each row once, one edit
    more."""
    for section, text in sections:
        section.text = text
        section.edit_count += 1
        section._history_user = by
        section.save(update_fields=["text", "edit_count"])
    if provenance:
        for name, value in provenance.items():
            setattr(report, name, value)
        report.edit_count += 1
        report._history_user = by
        report.save(update_fields=[*provenance, "edit_count"])


def people_of(report: InitialReport) -> dict[tuple[str, str], ResponsiblePerson]:
    return {person_key(p.name, p.organisation): p
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
    *, report: InitialReport, indicator_id: int, values: EntryValues, edit_count: int, by
) -> SelfAssessment:
    """Save one self-assessment entry, started from `edit_count`."""
    values = values.cleaned()
    if values.status and values.status not in STATUS_LABELS:
        raise ValueError(f"{values.status!r} is not a self-assessment status")
    with transaction.atomic():
        locked = locked_report(report)
        entry = (
            SelfAssessment.objects.select_for_update(of=("self",))
            .select_related("indicator", "politically_responsible", "operationally_responsible")
            .get(report=locked, indicator_id=indicator_id)
        )
        current = entry_values(entry)
        if values == current:
            return entry
        edits = EditCollector()
        _check(edits, entry, started_from=edit_count, what=entry.indicator.code,
               fields=lambda: entry_fields(saved=current, yours=values))
        edits.raise_if_any()
        write_entry(entry, values, people=people_of(locked), by=by)
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
    entry.edit_count += 1
    entry._history_user = by
    entry.save()


def entry_content(entry: SelfAssessment) -> EntryContent:
    return EntryContent(
        code=entry.indicator.code, status=entry.status,
        not_applicable_reason=entry.not_applicable_reason, evidence=entry.evidence,
        has_responsible_person=bool(entry.politically_responsible_id
                                    or entry.operationally_responsible_id),
    )


def entry_gaps(entries) -> dict[str, list[str]]:
    """What each of these entries still lacks, by indicator code."""
    content = ReportContent(sections=(), entries=tuple(entry_content(e) for e in entries))
    return completeness(content).gaps_by_place(AREA_SELF_ASSESSMENT)


def report_content(report: InitialReport) -> ReportContent:
    """What completeness looks at, in three queries."""
    sections = tuple(
        SectionContent(kind=k, text=t)
        for k, t in BackgroundSection.objects.filter(report=report).values_list("kind", "text")
    )
    entries = tuple(
        EntryContent(code=code, status=status, not_applicable_reason=reason, evidence=evidence,
                     has_responsible_person=bool(political or operational))
        for code, status, reason, evidence, political, operational in (
            SelfAssessment.objects.filter(report=report)
            .order_by("indicator__position")
            .values_list("indicator__code", "status", "not_applicable_reason", "evidence",
                         "politically_responsible_id", "operationally_responsible_id")
        )
    )
    return ReportContent(
        sections=sections,
        entries=entries,
        drafted_by=report.drafted_by,
        political_involvement=report.political_involvement,
        has_structure_diagram=SupportingDocument.objects.filter(
            report=report, kind=SupportingDocument.Kind.STRUCTURE_DIAGRAM
        ).exists(),
    )


def report_completeness(report: InitialReport) -> Completeness:
    return completeness(report_content(report))
