"""Pages of the host city's initial report. Every view receives `review` (the review's id)
from the URL it is mounted at, and checks the report's permissions at object level."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeer.common.uploads import XLSX, UploadRefused, check_upload
from citypeer.initialreports.domain.describe import gap_place
from citypeer.initialreports.domain.documents import add_document, delete_document
from citypeer.initialreports.domain.queries.reports import (
    background_sections,
    candidate_interviewees,
    documents_of,
    entries_in_full,
    review_for_report,
)
from citypeer.initialreports.domain.reports import (
    EditConflict,
    ReportLocked,
    get_or_create_report,
    report_completeness,
    save_background,
    save_self_assessment,
)
from citypeer.initialreports.domain.transitions import (
    QuestionRequired,
    ReportIncomplete,
    TransitionNotAllowed,
    resubmit_report,
    return_report,
    submit_report,
)
from citypeer.initialreports.domain.workbook import import_initial_report
from citypeer.initialreports.interfaces.forms import (
    BackgroundForm,
    DocumentForm,
    EntryForm,
    ReturnForm,
    WorkbookImportForm,
)
from citypeer.initialreports.interfaces.workbook import read_workbook, write_workbook
from citypeer.initialreports.method import report as core
from citypeer.initialreports.method.workbook import WorkbookProblems
from citypeer.initialreports.models import InitialReport, SelfAssessment, SupportingDocument

VIEW = "initialreports.view_report"
CHANGE = "initialreports.change_report"
XLSX_TYPE = XLSX.content_type


def load_report(user, review_id: int, permission: str = VIEW):
    """The review and its report (created on first visit), or 404/403."""
    review = review_for_report(review_id)
    if review is None:
        raise Http404(_("No such peer review."))
    # Reading depends on who asks and on the review, not on the report's state: the check
    # comes before the report is made on a first visit.
    if not user.has_perm(VIEW, InitialReport(review=review)):
        raise PermissionDenied
    report = get_or_create_report(review=review)
    report.review = review
    if permission != VIEW and not user.has_perm(permission, report):
        raise PermissionDenied
    return review, report


def permissions(user, report) -> dict:
    return {
        "change": user.has_perm(CHANGE, report),
        "submit": user.has_perm("initialreports.submit_report", report),
        "resubmit": user.has_perm("initialreports.resubmit_report", report),
        "return": user.has_perm("initialreports.return_report", report),
    }


def _shown(name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):  # a responsible person
        return ", ".join(v for v in (value["name"], value["role"], value["organisation"]) if v)
    if name == "status":
        return str(SelfAssessment.Status(value).label)
    if name == "political_involvement":
        return str(InitialReport.PoliticalInvolvement(value).label)
    return str(value)


FIELD_LABELS = {
    "text": gettext_lazy("text"),
    "status": gettext_lazy("status"),
    "not_applicable_reason": gettext_lazy("why not applicable"),
    "evidence": gettext_lazy("evidence"),
    "how": gettext_lazy("how"),
    "why": gettext_lazy("why"),
    "who": gettext_lazy("who"),
    "politically_responsible": gettext_lazy("politically responsible"),
    "operationally_responsible": gettext_lazy("operationally responsible"),
}


def present_conflict(conflict) -> dict:
    """A conflict as the page shows it: each field that differs, yours beside theirs."""
    rows = []
    for name, yours in conflict.yours.items():
        theirs = conflict.theirs.get(name)
        if yours == theirs:
            continue
        label = FIELD_LABELS.get(name) or InitialReport._meta.get_field(name).verbose_name
        rows.append((label, _shown(name, yours), _shown(name, theirs)))
    return {**conflict.__dict__, "rows": rows}


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _overview_url(review) -> str:
    return reverse("initialreports:overview", kwargs={"review": review.pk})


@login_required
def overview(request, review):
    review, report = load_report(request.user, review)
    completeness = report_completeness(report)
    statuses = dict(
        SelfAssessment.objects.filter(report=report).values_list("status")
        .annotate(n=Count("id")).values_list("status", "n")
    )

    def gaps(area):
        return [(gap_place(g), _(g.problem)) for g in completeness.gaps_in(area)]

    return render(request, "initialreports/overview.html", {
        "review": review,
        "report": report,
        "completeness": completeness,
        "background_gaps": gaps(core.AREA_BACKGROUND),
        "provenance_gaps": gaps(core.AREA_PROVENANCE),
        "entry_gaps": [
            (code, "; ".join(_(p) for p in problems)) for code, problems in
            completeness.gaps_by_place(core.AREA_SELF_ASSESSMENT).items()
        ],
        "status_counts": [
            (label, statuses.get(value, 0)) for value, label in
            [*SelfAssessment.Status.choices, ("", _("no status yet"))]
        ],
        "transitions": report.transitions.select_related("by"),
        "documents": documents_of(report),
        "interviewees": candidate_interviewees(report),
        "can": permissions(request.user, report),
        "return_form": ReturnForm(),
    })


@login_required
def background(request, review):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    sections = list(background_sections(report))
    form = BackgroundForm(request.POST or None, report=report, sections=sections)
    if request.method == "POST":
        if not can["change"]:
            raise PermissionDenied
        if form.is_valid():
            try:
                save_background(report=report, by=request.user, **form.changes())
            except EditConflict as conflict:
                report.refresh_from_db()
                again = BackgroundForm.after_conflict(
                    form, report=report, sections=list(background_sections(report))
                )
                return render(request, "initialreports/conflict.html", {
                    "review": review, "report": report,
                    "conflicts": [present_conflict(c) for c in conflict.conflicts],
                    "background_form": again,
                }, status=409)
            except ReportLocked as locked:
                messages.error(request, str(locked))
                return redirect(_overview_url(review))
            messages.success(request, _("The background is saved."))
            return redirect("initialreports:background", review=review.pk)
    return render(request, "initialreports/background.html", {
        "review": review, "report": report, "form": form, "can": can,
        "sections": sections,
    })


def _editor_groups(entries, forms, gaps):
    """Entries grouped by pillar, then by transversal value, in benchmark order."""
    pillars: dict[int, dict] = {}
    for entry in entries:
        indicator = entry.indicator
        pillar = pillars.setdefault(indicator.pillar_id, {"pillar": indicator.pillar,
                                                          "values": {}})
        value = pillar["values"].setdefault(indicator.value_id, {"value": indicator.value,
                                                                 "items": []})
        value["items"].append({"entry": entry, "form": forms.get(entry.pk),
                               "gaps": [_(p) for p in gaps.get(indicator.code, [])]})
    return [{"pillar": p["pillar"], "values": list(p["values"].values())}
            for p in pillars.values()]


def _entry_gaps(entries) -> dict:
    content = core.ReportContent(sections=(), entries=tuple(
        core.Entry(code=e.indicator.code, status=e.status,
                   not_applicable_reason=e.not_applicable_reason, evidence=e.evidence,
                   has_responsible_person=bool(e.politically_responsible_id
                                               or e.operationally_responsible_id))
        for e in entries
    ))
    return core.completeness(content).gaps_by_place(core.AREA_SELF_ASSESSMENT)


@login_required
def self_assessment(request, review):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    entries = list(entries_in_full(report))
    forms = {e.pk: EntryForm.for_entry(e) for e in entries} if can["change"] else {}
    return render(request, "initialreports/self_assessment.html", {
        "review": review, "report": report, "can": can,
        "groups": _editor_groups(entries, forms, _entry_gaps(entries)),
        "entry_count": len(entries),
    })


def _entry_of(report, indicator_id: int) -> SelfAssessment:
    return get_object_or_404(
        SelfAssessment.objects.select_related(
            "indicator__pillar", "indicator__value", "politically_responsible",
            "operationally_responsible",
        ).prefetch_related("documents"),
        report=report, indicator_id=indicator_id,
    )


@login_required
def entry(request, review, indicator):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    item = _entry_of(report, indicator)
    anchor = (reverse("initialreports:self_assessment", kwargs={"review": review.pk})
              + f"#code-{slugify(item.indicator.code)}")
    context = {"review": review, "report": report, "can": can}
    if request.method != "POST":
        if not is_htmx(request):
            return redirect(anchor)
        form = EntryForm.for_entry(item) if can["change"] else None
        return render(request, "initialreports/_entry.html", {
            **context, "item": {"entry": item, "form": form,
                                "gaps": [_(p) for p in _entry_gaps([item]).get(
                                    item.indicator.code, [])]},
        })
    if not can["change"]:
        raise PermissionDenied
    form = EntryForm.for_entry(item, data=request.POST)
    conflict = None
    saved = False
    if form.is_valid():
        try:
            item = save_self_assessment(
                report=report, indicator_id=item.indicator_id, values=form.values(),
                revision=form.cleaned_data["revision"], by=request.user,
            )
        except EditConflict as exc:
            conflict = present_conflict(exc.conflicts[0])
            item = _entry_of(report, indicator)
            data = request.POST.copy()
            data[form.add_prefix("revision")] = str(item.revision)
            form = EntryForm.for_entry(item, data=data)
            form.is_valid()
        except ReportLocked as locked:
            messages.error(request, str(locked))
            if is_htmx(request):
                response = HttpResponse(status=204)
                response["HX-Redirect"] = _overview_url(review)
                return response
            return redirect(_overview_url(review))
        else:
            saved = True
            item = _entry_of(report, indicator)
            if not is_htmx(request):
                messages.success(request, _("%(code)s is saved.") % {"code": item.indicator.code})
                return redirect(anchor)
            form = EntryForm.for_entry(item)
    gaps = [_(p) for p in _entry_gaps([item]).get(item.indicator.code, [])]
    page = "initialreports/_entry.html" if is_htmx(request) else "initialreports/entry.html"
    return render(request, page, {
        **context, "item": {"entry": item, "form": form, "gaps": gaps},
        "conflict": conflict, "saved": saved,
    }, status=409 if conflict and not is_htmx(request) else 200)


@login_required
def documents(request, review):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    indicators = [e.indicator for e in SelfAssessment.objects.filter(report=report)
                  .select_related("indicator").order_by("indicator__position")]
    form = DocumentForm(request.POST or None, request.FILES or None, indicators=indicators)
    if request.method == "POST":
        if not can["change"]:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            entry_for = None
            if data["indicator"]:
                entry_for = SelfAssessment.objects.filter(
                    report=report, indicator_id=int(data["indicator"])
                ).first()
            try:
                document = add_document(
                    report=report, upload=data["file"], by=request.user, title=data["title"],
                    kind=data["kind"], self_assessment=entry_for,
                )
            except UploadRefused as refused:
                form.add_error("file", refused.render(_))
            except ReportLocked as locked:
                messages.error(request, str(locked))
                return redirect(_overview_url(review))
            else:
                messages.success(request, _("“%(title)s” is uploaded.") % {"title": document.title})
                return redirect("initialreports:documents", review=review.pk)
    return render(request, "initialreports/documents.html", {
        "review": review, "report": report, "can": can, "form": form,
        "documents": documents_of(report),
    }, status=400 if form.errors else 200)


def _document_of(report, document_id: int) -> SupportingDocument:
    return get_object_or_404(SupportingDocument, report=report, pk=document_id)


def file_response(document: SupportingDocument) -> FileResponse:
    """The stored file as a download: never shown inline, never sniffed into something else."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(handle, as_attachment=True, filename=document.original_name,
                            content_type=document.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def document_download(request, review, document):
    review, report = load_report(request.user, review)
    return file_response(_document_of(report, document))


@login_required
@require_POST
def document_delete(request, review, document):
    review, report = load_report(request.user, review, CHANGE)
    found = _document_of(report, document)
    try:
        delete_document(document=found, by=request.user)
    except ReportLocked as locked:
        messages.error(request, str(locked))
    else:
        messages.success(request, _("“%(title)s” is deleted.") % {"title": found.title})
    return redirect("initialreports:documents", review=review.pk)


def _move(request, review_id, permission, action, **kwargs):
    review, report = load_report(request.user, review_id, permission)
    try:
        action(report=report, by=request.user, **kwargs)
    except ReportIncomplete as incomplete:
        messages.error(request, _("The report cannot be sent yet: %(count)d things are missing "
                                  "(listed below).") % {"count": len(incomplete.missing)})
    except (TransitionNotAllowed, QuestionRequired) as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The report is %(state)s.")
                         % {"state": report.get_state_display()})
    return redirect(_overview_url(review))


@login_required
@require_POST
def submit(request, review):
    return _move(request, review, "initialreports.submit_report", submit_report)


@login_required
@require_POST
def resubmit(request, review):
    return _move(request, review, "initialreports.resubmit_report", resubmit_report,
                 message=request.POST.get("message", ""))


@login_required
def return_for_clarification(request, review):
    review, report = load_report(request.user, review, "initialreports.return_report")
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _move(request, review.pk, "initialreports.return_report", return_report,
                     question=form.cleaned_data["question"])
    return render(request, "initialreports/return.html", {
        "review": review, "report": report, "form": form,
    }, status=400 if form.errors else 200)


@login_required
def template(request, review):
    review, report = load_report(request.user, review)
    response = HttpResponse(write_workbook(report), content_type=XLSX_TYPE)
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
                         max_bytes=_max_bytes(), accepted=(XLSX,))
            outcome = import_initial_report(
                report=report, sheets=read_workbook(upload, name=upload.name), by=request.user
            )
        except UploadRefused as refused:
            form.add_error("file", refused.render(_))
        except WorkbookProblems as exc:
            problems = [(p.where(_), p.text(_)) for p in exc.problems]
        except ReportLocked as locked:
            messages.error(request, str(locked))
            return redirect(_overview_url(review))
        else:
            messages.success(request, _(
                "The workbook is imported: %(sections)d background sections, %(provenance)d "
                "provenance items and %(entries)d self-assessment entries changed."
            ) % {"sections": outcome.sections, "provenance": outcome.provenance,
                 "entries": outcome.entries})
            return redirect(_overview_url(review))
    return render(request, "initialreports/import.html", {
        "review": review, "report": report, "form": form, "problems": problems,
    }, status=400 if (problems or form.errors) else 200)


def _max_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES

