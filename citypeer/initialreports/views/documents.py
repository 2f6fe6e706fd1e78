"""The report's supporting documents: the list, uploading one (checked by content), its
download and deleting it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_row, require
from citypeer.common.uploads import UploadRefused
from citypeer.initialreports.domain.documents import add_document, delete_document
from citypeer.initialreports.domain.queries.reports import (
    assessed_indicators,
    documents_of,
    entry_of,
)
from citypeer.initialreports.domain.reports import ReportLocked
from citypeer.initialreports.interfaces.access import CHANGE, load_report, permissions
from citypeer.initialreports.interfaces.downloads import file_response
from citypeer.initialreports.interfaces.forms import DocumentForm
from citypeer.initialreports.views import back_to_overview


@login_required
def documents(request, review):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    form = DocumentForm(request.POST or None, request.FILES or None,
                        indicators=assessed_indicators(report))
    if request.method == "POST":
        require(request.user, CHANGE, report)
        if form.is_valid():
            data = form.cleaned_data
            entry_for = entry_of(report, int(data["indicator"])) if data["indicator"] else None
            try:
                document = add_document(
                    report=report, upload=data["file"], by=request.user, title=data["title"],
                    kind=data["kind"], self_assessment=entry_for,
                )
            except UploadRefused as refused:
                form.add_error("file", refused.render(_))
            except ReportLocked as locked:
                return back_to_overview(request, review, locked)
            else:
                messages.success(request, _("“%(title)s” is uploaded.") % {"title": document.title})
                return redirect("initialreports:documents", review=review.pk)
    return render(request, "initialreports/documents.html", {
        "review": review, "report": report, "can": can, "form": form,
        "documents": documents_of(report),
    }, status=400 if form.errors else 200)


@login_required
def document_download(request, review, document):
    review, report = load_report(request.user, review)
    return file_response(get_row(documents_of(report), document))


@login_required
@require_POST
def document_delete(request, review, document):
    review, report = load_report(request.user, review, CHANGE)
    found = get_row(documents_of(report), document)
    try:
        delete_document(document=found, by=request.user)
    except ReportLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, _("“%(title)s” is deleted.") % {"title": found.title})
    return redirect("initialreports:documents", review=review.pk)
