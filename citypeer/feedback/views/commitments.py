"""The city's response to each recommendation once the report is released, and the
coordinator's follow-up of the commitments across a programme, with its CSV and Excel
exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, get_row, require
from citypeer.feedback.domain import commitments as domain
from citypeer.feedback.domain.queries import (
    get_programme,
    recommendations_in_full,
    recommendations_of,
)
from citypeer.feedback.domain.refusals import ReportRefused
from citypeer.feedback.interfaces.forms import edit_count_sent

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def commitments(request, review):
    user = request.user
    review = get_review(review, user=user, permission="feedback.view_report")
    can_edit = user.has_perm("feedback.update_commitment", review)
    errors, conflict, failed, status = {}, None, None, 200
    if request.method == "POST":
        require(user, "feedback.update_commitment", review)
        rec = get_row(recommendations_of(review), request.POST.get("recommendation"))
        try:
            domain.record_commitment(
                recommendation=rec, by=user, response=request.POST.get("response"),
                commitment=request.POST.get("commitment", ""),
                owner=request.POST.get("owner", ""), due_on=request.POST.get("due_on"),
                status=request.POST.get("status") or None,
                status_note=request.POST.get("status_note", ""),
                edit_count=edit_count_sent(request.POST))
            messages.success(request, _("Commitment recorded."))
            return redirect("feedback:commitments", review=review.pk)
        except ValidationError as exc:
            errors, failed, status = exc.message_dict, rec.pk, 400
        except ReportRefused as exc:
            errors, failed, status = {"__all__": [exc.message]}, rec.pk, 400
        except EditConflict as exc:
            conflict, failed, status = exc, rec.pk, 409
    return render(request, "feedback/commitments.html", {
        "review": review, "recommendations": recommendations_in_full(review),
        "can_edit": can_edit, "errors": errors, "conflict": conflict, "failed": failed,
        "responses": domain.Response.choices, "statuses": domain.Status.choices,
    }, status=status)


@login_required
def follow_up(request, slug):
    programme = get_programme(slug)
    require(request.user, "feedback.view_follow_up", programme)
    rows = domain.follow_up_rows(programme)
    fmt = request.GET.get("format")
    if fmt == "csv":
        response = HttpResponse(domain.follow_up_csv(rows),
                                content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="follow-up-{slug}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(domain.follow_up_xlsx(rows), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="follow-up-{slug}.xlsx"'
        return response
    return render(request, "feedback/follow_up.html", {"programme": programme, "rows": rows})
