"""The host city's response to each recommendation, its commitment and, later, how it
stands; the coordinator's follow-up across the reviews of a programme and its export."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.common.cleaning import clean_text
from citypeer.common.editing import check_edit_count, compare
from citypeer.feedback.domain.queries import recommendations_of_programme
from citypeer.feedback.domain.refusals import ReportRefused
from citypeer.feedback.models import Commitment, Report

Response = Commitment.Response
Status = Commitment.Status


def _choice(value, choices, *, field, errors, required=True):
    value = "" if value is None else str(value).strip()
    if not value and not required:
        return ""
    if value not in dict(choices):
        errors.setdefault(field, []).append(
            _("%(value)r is not one of %(choices)s.")
            % {"value": value, "choices": ", ".join(dict(choices))})
    return value


def _date(value, *, field, errors):
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors.setdefault(field, []).append(
            _("%(value)r is not a date of the form YYYY-MM-DD.") % {"value": value})
        return None


LABELS = {"response": gettext_lazy("Response"), "commitment": gettext_lazy("Commitment"),
          "owner": gettext_lazy("Owner"), "due_on": gettext_lazy("Due on"),
          "status": gettext_lazy("Status"), "status_note": gettext_lazy("Note on the status")}


def _fields_of(c: Commitment) -> dict:
    return {"response": c.response, "commitment": c.commitment, "owner": c.owner,
            "due_on": c.due_on.isoformat() if c.due_on else None, "status": c.status,
            "status_note": c.status_note}


def record_commitment(*, recommendation, by, response, commitment="", owner="", due_on=None,
                      status=None, status_note="", edit_count: int | None = 0) -> Commitment:
    """The city's response and commitment, and the status of it, from the edit count the
    change started from (0: there was no response yet). Only once the report is released:
    before that the city has no recommendations to answer."""
    errors: dict[str, list[str]] = {}
    response = _choice(response, Response.choices, field="response", errors=errors)
    commitment = clean_text(commitment, field="commitment", errors=errors, limit=10_000)
    owner = clean_text(owner, field="owner", errors=errors, limit=200)
    due_on = _date(due_on, field="due_on", errors=errors)
    status = _choice(status, Status.choices, field="status", errors=errors,
                     required=False) or None
    status_note = clean_text(status_note, field="status_note", errors=errors, limit=10_000)
    if response in (Response.ACCEPTED, Response.PARTLY) and not commitment:
        errors.setdefault("commitment", []).append(
            _("Say what the city commits to for a recommendation it accepts."))
    if errors:
        raise ValidationError(errors)
    released = Report.objects.filter(review_id=recommendation.review_id,
                                     state=Report.State.RELEASED).exists()
    if not released:
        raise ReportRefused(_("The report has not been released to the city yet."))
    with transaction.atomic():
        row = (Commitment.objects.select_for_update(of=("self",)).select_related("updated_by")
               .filter(recommendation=recommendation).first()
               or Commitment(recommendation=recommendation))
        yours = {"response": response, "commitment": commitment, "owner": owner,
                 "due_on": due_on.isoformat() if due_on else None,
                 "status": status or row.status, "status_note": status_note}
        check_edit_count(
            row, started_from=edit_count,
            what=_("the response to recommendation %(n)s") % {"n": recommendation.position},
            fields=lambda: compare(LABELS, _fields_of(row), yours),
            saved_by=str(row.updated_by) if row.updated_by_id else "",
            saved_at=row.updated_at)
        row.response, row.commitment, row.owner, row.due_on = (response, commitment, owner,
                                                                due_on)
        if status:
            row.status = status
        row.status_note = status_note
        row.updated_by = by
        row.edit_count += 1
        row._history_user = by
        row.save()
    return row


FOLLOW_UP_COLUMNS = ("city", "number", "recommendation", "indicators", "timescale",
                     "response", "commitment", "owner", "due_on", "status", "status_note",
                     "updated_at")


def follow_up_rows(programme) -> list[dict]:
    """One row per recommendation of every released report of the programme, with what the
    city answered (blank where it has not yet)."""
    released = set(Report.objects.filter(review__programme=programme,
                                         state=Report.State.RELEASED)
                   .values_list("review_id", flat=True))
    rows, numbers = [], {}
    for rec in recommendations_of_programme(programme):
        numbers[rec.review_id] = numbers.get(rec.review_id, 0) + 1
        if rec.review_id not in released:
            continue
        c = getattr(rec, "commitment", None)
        rows.append({
            "review": rec.review_id, "city": rec.review.city.name,
            "number": numbers[rec.review_id], "recommendation": rec.text,
            "indicators": ", ".join(i.code for i in rec.indicators.all()),
            "timescale": rec.timescale,
            "response": c.get_response_display() if c else "",
            "commitment": c.commitment if c else "", "owner": c.owner if c else "",
            "due_on": c.due_on.isoformat() if c and c.due_on else "",
            "status": c.get_status_display() if c else "",
            "status_note": c.status_note if c else "",
            "updated_at": c.updated_at.date().isoformat() if c else "",
            "overdue": bool(c and c.due_on and c.due_on < dt.date.today()
                            and c.status not in (Status.DONE, Status.DROPPED)),
        })
    return rows


def _headings() -> list[str]:
    return [_("City"), _("Number"), _("Recommendation"), _("Indicators"), _("Timescale"),
            _("Response"), _("Commitment"), _("Owner"), _("Due on"), _("Status"),
            _("Note on the status"), _("Updated on")]


def follow_up_csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_headings())
    for row in rows:
        writer.writerow([row[c] for c in FOLLOW_UP_COLUMNS])
    return out.getvalue()


def follow_up_xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Follow-up")[:31]
    sheet.append(_headings())
    for row in rows:
        sheet.append([row[c] for c in FOLLOW_UP_COLUMNS])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
