"""The written report: composed from the data, edited section by section by several peers at
once, every saved version kept, approved by every peer and released by the team leader.
Which sections and their first text are in `citypeer.feedback.method.sections` and
`.prefill`, the approval rules in `.approval`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.common.cleaning import clean_text
from citypeer.common.editing import check_edit_count, compare
from citypeer.feedback.domain.prefill import prefill_inputs
from citypeer.feedback.domain.queries import leader_id, peer_ids
from citypeer.feedback.domain.refusals import ReportRefused
from citypeer.feedback.method.approval import (
    Approval,
    approval,
    approve_refusal,
    release_refusal,
)
from citypeer.feedback.method.prefill import prefill
from citypeer.feedback.method.sections import SectionPlan, section_plan
from citypeer.feedback.models import Report, ReportApproval, ReportSection, ReportVersion
from citypeer.people.models import User
from citypeer.programmes.domain.programmes import mark_step
from citypeer.programmes.models import ReviewStep

MAX_SECTION = 200_000


def section_title(plan: SectionPlan) -> str:
    return _(plan.title) % dict(plan.title_args) if plan.title_args else _(plan.title)


def compose_report(*, review, by) -> Report:
    """The report with every section prefilled from the data, or the one that exists (its
    texts are the team's: composing again never overwrites them)."""
    existing = Report.objects.filter(review=review).first()
    if existing is not None:
        return existing
    inputs = prefill_inputs(review)
    try:
        with transaction.atomic():
            report = Report.objects.create(review=review)
            for plan in section_plan(inputs.pillar_names):
                text = prefill(plan.key, t=_, **inputs.prefill)
                section = ReportSection.objects.create(
                    report=report, key=plan.key, title=section_title(plan),
                    position=plan.position, text=text, edit_count=1, updated_by=by)
                ReportVersion.objects.create(section=section, edit_count=1,
                                             title=section.title, text=text, saved_by=by)
            mark_step(review=review, step=ReviewStep.Step.FEEDBACK,
                      status=ReviewStep.Status.IN_PROGRESS)
    except IntegrityError:
        # Two peers opened the composer at the same moment: the other one made it.
        return Report.objects.get(review=review)
    return report


def _compared(section: ReportSection, *, title: str, text: str):
    return compare({"title": _("Title"), "text": _("Text")},
                   {"title": section.title, "text": section.text},
                   {"title": title, "text": text})


def save_section(*, section: ReportSection, by, text, edit_count,
                 title: str | None = None) -> ReportSection:
    """A new version of one section. A save that started from an older edit count is
    refused with both versions (nothing is lost: the page shows the text that was not
    saved). Any change clears every approval."""
    errors: dict[str, list[str]] = {}
    text = clean_text(text, field="text", errors=errors, limit=MAX_SECTION)
    if title is not None:
        title = clean_text(title, field="title", errors=errors, required=True, limit=300)
    try:
        edit_count = int(edit_count)
    except (TypeError, ValueError):
        errors.setdefault("edit_count", []).append(_("A whole number is required."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=section.report_id)
        if report.state == Report.State.RELEASED:
            raise ReportRefused(_("The report has been released: it is no longer edited."))
        current = (ReportSection.objects.select_for_update(of=("self",))
                   .select_related("updated_by").get(pk=section.pk))
        check_edit_count(
            current, started_from=edit_count, what=current.title,
            fields=lambda: _compared(current, title=current.title if title is None else title,
                                     text=text),
            saved_by=str(current.updated_by) if current.updated_by_id else "",
            saved_at=current.updated_at)
        if text == current.text and (title is None or title == current.title):
            return current
        current.text = text
        if title is not None:
            current.title = title
        current.edit_count += 1
        current.updated_by = by
        current.save()
        ReportVersion.objects.create(section=current, edit_count=current.edit_count,
                                     title=current.title, text=text, saved_by=by)
        clear_approvals(review=report.review_id)
    return current


def clear_approvals(*, review) -> int:
    """Any change to what the report says withdraws every approval given before it."""
    review_id = getattr(review, "pk", review)
    deleted, _rows = ReportApproval.objects.filter(report__review_id=review_id,
                                                   report__state=Report.State.DRAFT).delete()
    return deleted


def approval_of(report: Report) -> Approval:
    return approval(peers=peer_ids(report.review),
                    approvals=report.approvals.values_list("person_id", flat=True))


def approve(*, report: Report, by) -> ReportApproval:
    refusal = approve_refusal(state=report.state, is_peer=by.pk in peer_ids(report.review))
    if refusal:
        raise ReportRefused(_(refusal))
    with transaction.atomic():
        row, _created = ReportApproval.objects.get_or_create(report=report, person=by)
    return row


def withdraw_approval(*, report: Report, by) -> None:
    ReportApproval.objects.filter(report=report, person=by, report__state=Report.State.DRAFT
                                  ).delete()


def release(*, report: Report, by) -> Report:
    with transaction.atomic():
        report = Report.objects.select_for_update().select_related("review").get(pk=report.pk)
        state = approval_of(report)
        names = dict(User.objects.filter(pk__in=state.required).values_list("pk", "name"))
        refusal = release_refusal(state=report.state,
                                  is_leader=by.pk == leader_id(report.review),
                                  approval_state=state, names=names)
        if refusal:
            message, args = refusal
            raise ReportRefused(_(message) % dict(args) if args else _(message))
        report.state = Report.State.RELEASED
        report.released_at, report.released_by = timezone.now(), by
        report.save()
        mark_step(review=report.review, step=ReviewStep.Step.FEEDBACK,
                  status=ReviewStep.Status.DONE)
    return report
