"""The offline template: downloading it pre-filled, and uploading it back (every cell
checked first, then all of it imported, or nothing)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from citypeer.common.uploads import XLSX, UploadRefused, check_upload
from citypeer.initialreports.domain.reports import ReportLocked
from citypeer.initialreports.domain.workbook import import_initial_report
from citypeer.initialreports.interfaces.access import CHANGE, load_report
from citypeer.initialreports.interfaces.forms import WorkbookImportForm
from citypeer.initialreports.interfaces.workbook import read_workbook, write_workbook
from citypeer.initialreports.method.workbook_problems import WorkbookProblems
from citypeer.initialreports.views import back_to_overview, overview_url


@login_required
def template(request, review):
    review, report = load_report(request.user, review)
    response = HttpResponse(write_workbook(report), content_type=XLSX.content_type)
    name = f"initial-report-{slugify(review.city.name) or 'city'}-{review.pk}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def import_workbook(request, review):
    review, report = load_report(request.user, review, CHANGE)
    form = WorkbookImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_upload(name=upload.name, size=upload.size, stream=upload,
                         max_bytes=settings.UPLOAD_MAX_BYTES, accepted=(XLSX,))
            outcome = import_initial_report(
                report=report, sheets=read_workbook(upload, name=upload.name), by=request.user
            )
        except UploadRefused as refused:
            form.add_error("file", refused.render(_))
        except WorkbookProblems as exc:
            problems = [(p.where(_), p.text(_)) for p in exc.problems]
        except ReportLocked as locked:
            return back_to_overview(request, review, locked)
        else:
            messages.success(request, _(
                "The workbook is imported: %(sections)d background sections, %(provenance)d "
                "provenance items and %(entries)d self-assessment entries changed."
            ) % {"sections": outcome.sections, "provenance": outcome.provenance,
                 "entries": outcome.entries})
            return redirect(overview_url(review))
    return render(request, "initialreports/import.html", {
        "review": review, "report": report, "form": form, "problems": problems,
    }, status=400 if (problems or form.errors) else 200)
