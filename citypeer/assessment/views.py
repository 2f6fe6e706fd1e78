"""Pages of the evidence bank and the assessment (step 6): the bank with its search and
exports, fast entry during the visit, one item with its history, the assessment per
indicator and the pillar x value matrix, strengths and weaknesses, good practices, and the
audit trail with restore for the coordinator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.assessment.domain import exports
from citypeer.assessment.domain.assessments import (
    AssessmentConflict,
    assessment_for,
    assessment_rows,
    decision_data,
    matrix_for,
    proposals_for,
    set_final_colour,
)
from citypeer.assessment.domain.audit import audit_trail, deleted_items
from citypeer.assessment.domain.evidence import (
    EvidenceConflict,
    EvidenceInUse,
    NotRestorable,
    current_interview,
    delete_evidence,
    edit_evidence,
    record_evidence,
    references_of,
    restore_evidence,
)
from citypeer.assessment.domain.findings import (
    StaleRevision,
    delete_finding,
    delete_good_practice,
    evidence_trail,
    finding_data,
    practice_data,
    restore_good_practice,
    save_finding,
    save_good_practice,
)
from citypeer.assessment.domain.queries import (
    evidence_in_full,
    findings_in_full,
    good_practices_of,
    indicators_of,
    interviews_of,
    review_for_evidence,
)
from citypeer.assessment.domain.search import SearchError, search_evidence
from citypeer.assessment.interfaces.forms import (
    AssessmentForm,
    EvidenceForm,
    FindingForm,
    GoodPracticeForm,
    SearchForm,
    add_domain_errors,
)
from citypeer.assessment.method import Colour as CoreColour
from citypeer.assessment.models import Assessment, EvidenceItem
from citypeer.visits.models import Interviewee, Workshop

COLOUR_LABELS = dict(Assessment.Colour.choices)


def _review(review_id):
    review = review_for_evidence(review_id)
    if review is None:
        raise Http404(_("No such review."))
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _colour(code: str) -> dict:
    return {"code": code, "label": str(COLOUR_LABELS.get(code, code)),
            "rgb": CoreColour(code).rgb}


def _can(request, review) -> dict:
    user = request.user
    return {
        "can_record": user.has_perm("assessment.record_evidence", review),
        "can_restore": user.has_perm("assessment.restore_deleted", review),
        "can_decide": user.has_perm("assessment.change_assessment", review),
    }


def _evidence_form(review, *args, **kwargs):
    visit_interviews = list(interviews_of(review))
    return EvidenceForm(
        *args, indicators=list(indicators_of(review)), interviews=visit_interviews,
        workshops=Workshop.objects.filter(visit__review=review).order_by("label"),
        interviewees=Interviewee.objects.filter(visit__review=review).order_by("name"),
        **kwargs,
    ), visit_interviews


# --- the bank ---------------------------------------------------------------------------

@login_required
def bank(request, review):
    review = _review(review)
    _require(request.user, "assessment.view_bank", review)
    indicators = list(indicators_of(review))
    form = SearchForm(request.GET or None, indicators=indicators)
    items, error = [], None
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if request.GET else {}
        try:
            items = list(search_evidence(review=review, text=data.get("q", ""),
                                         filters={k: v for k, v in data.items() if k != "q"}))
        except SearchError as exc:
            error = str(exc)
    else:
        error = _("Check the search fields.")
    return render(request, "assessment/bank.html", {
        "review": review, "form": form, "error": error, **_can(request, review),
        "rows": [{"item": item, "references": references_of(item)} for item in items],
        "searching": any(v for v in request.GET.values()),
        "total": EvidenceItem.objects.filter(review=review).count(),
    })


@login_required
def record(request, review):
    """Fast entry during the visit: opens on the peer's current interview with its
    interviewee's indicators chosen; the page's script saves with Ctrl+Enter and keeps
    drafts in the browser while the connection is down."""
    review = _review(review)
    _require(request.user, "assessment.record_evidence", review)
    if request.method == "POST":
        return _record_post(request, review)
    form, visit_interviews = _evidence_form(review)
    chosen = None
    wanted = request.GET.get("interview", "")
    if wanted.isdigit():
        chosen = next((i for i in visit_interviews if i.pk == int(wanted)), None)
    if chosen is None:
        chosen = current_interview(interviews=visit_interviews, peer=request.user)
    preselected = {i.code for i in chosen.interviewee.indicators.all()} if chosen else set()
    proposals = proposals_for(review)
    indicators = list(indicators_of(review))
    rows = [{"indicator": i, "chosen": i.code in preselected,
             "colour": _colour(proposals[i.code].colour.value)} for i in indicators]
    return render(request, "assessment/record.html", {
        "review": review, **_can(request, review), "form": form, "interview": chosen,
        "interviews": visit_interviews,
        "focus_rows": [r for r in rows if r["chosen"]],
        "other_rows": [r for r in rows if not r["chosen"]],
        "recorded_here": [
            {"item": item, "references": references_of(item)}
            for item in evidence_in_full(review).filter(interview=chosen).order_by("-id")[:20]
        ] if chosen else [],
    })


def _record_post(request, review):
    form, _interviews = _evidence_form(review, request.POST)
    errors = None
    if form.is_valid():
        try:
            item, created = record_evidence(review=review, by=request.user,
                                            client_key=form.cleaned_data["client_key"],
                                            **form.domain_kwargs())
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            if _wants_json(request):
                item = evidence_in_full(review).get(pk=item.pk)
                proposals = proposals_for(review)
                return JsonResponse({
                    "id": item.pk, "created": created, "client_key": item.client_key,
                    "references": list(references_of(item)),
                    "proposals": {code: {**_colour(p.colour.value), "status": p.status.value}
                                  for code, p in proposals.items()},
                }, status=201 if created else 200)
            messages.success(request, _("Saved: %(reference)s")
                             % {"reference": "; ".join(references_of(item))})
            target = reverse("assessment:record", kwargs={"review": review.pk})
            if item.interview_id:
                target += f"?interview={item.interview_id}"
            return redirect(target)
    else:
        errors = form.errors.get_json_data()
        errors = {k: [e["message"] for e in v] for k, v in errors.items()}
    if _wants_json(request):
        return JsonResponse({"errors": errors}, status=422)
    for field, problems in errors.items():
        messages.error(request, f"{field}: {' '.join(problems)}")
    return redirect("assessment:record", review=review.pk)


@login_required
def item(request, review, pk):
    review = _review(review)
    _require(request.user, "assessment.view_bank", review)
    found = evidence_in_full(review).filter(pk=pk).first()
    if found is None:
        raise Http404(_("No such piece of evidence in this review."))
    can_edit = request.user.has_perm("assessment.record_evidence", review)
    conflict, status = None, 200
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        form, _i = _evidence_form(review, request.POST)
        if form.is_valid():
            try:
                edit_evidence(item=found, by=request.user,
                              revision=form.cleaned_data["revision"] or 0,
                              **form.domain_kwargs())
            except ValidationError as exc:
                add_domain_errors(form, exc)
                status = 422
            except EvidenceConflict as exc:
                conflict, status = _conflict_rows(exc.current, exc.attempted, str(exc)), 409
            else:
                messages.success(request, _("Saved."))
                return redirect("assessment:item", review=review.pk, pk=found.pk)
        else:
            status = 422
    else:
        form, _i = _evidence_form(review, initial={
            "indicators": [i.code for i in found.indicators.all()], "source": found.source,
            "interview": found.interview_id, "workshop": found.workshop_id,
            "interviewee": found.interviewee_id, "document": found.document,
            "page": found.page, "interviewers": found.interviewers, "text": found.text,
            "kind": found.kind, "direction": found.direction, "revision": found.revision,
        })
    return render(request, "assessment/item.html", {
        "review": review, **_can(request, review), "item": found,
        "references": references_of(found), "form": form,
        "can_edit": can_edit, "conflict": conflict,
        "current_revision": found.revision if conflict else None,
        "trail": audit_trail(review, kinds={"evidence"}, object_id=found.pk),
    }, status=status)


def _shown(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _conflict_rows(current: dict | None, attempted: dict, message: str) -> dict:
    rows = []
    for key, value in attempted.items():
        if key in ("revision", "updated_at"):
            continue
        saved = current.get(key) if current else None
        rows.append({"label": key, "current": _shown(saved), "yours": _shown(value),
                     "differs": saved != value})
    return {"message": message, "rows": rows, "deleted": current is None}


@require_POST
@login_required
def item_delete(request, review, pk):
    review = _review(review)
    _require(request.user, "assessment.record_evidence", review)
    found = EvidenceItem.objects.filter(review=review, pk=pk).first()
    if found is None:
        raise Http404(_("No such piece of evidence in this review."))
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = -1
    try:
        delete_evidence(item=found, by=request.user, revision=revision)
    except (EvidenceConflict, EvidenceInUse) as exc:
        messages.error(request, str(exc))
        return redirect("assessment:item", review=review.pk, pk=pk)
    messages.success(request, _("Deleted. The coordinator can restore it from the audit "
                                "trail."))
    return redirect("assessment:bank", review=review.pk)


@require_POST
@login_required
def restore(request, review, kind, pk):
    review = _review(review)
    _require(request.user, "assessment.restore_deleted", review)
    try:
        if kind == "evidence":
            restore_evidence(review=review, item_id=pk, by=request.user)
        elif kind == "good_practice":
            restore_good_practice(review=review, practice_id=pk, by=request.user)
        else:
            raise Http404
    except NotRestorable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Restored."))
    return redirect("assessment:audit", review=review.pk)


@login_required
def audit(request, review):
    review = _review(review)
    _require(request.user, "assessment.view_audit", review)
    kinds = {"evidence", "assessment", "finding", "good_practice"}
    wanted = request.GET.get("kind")
    return render(request, "assessment/audit.html", {
        "review": review, **_can(request, review),
        "entries": audit_trail(review, kinds={wanted} if wanted in kinds else None),
        "deleted": deleted_items(review),
        "kind": wanted if wanted in kinds else "",
    })


# --- the assessment -----------------------------------------------------------------------

@login_required
def assessment(request, review):
    review = _review(review)
    _require(request.user, "assessment.view_assessment", review)
    rows = assessment_rows(review)
    matrix = matrix_for(review, rows)
    by_code = {r.indicator.code: r for r in rows}
    matrix_rows = []
    if matrix is not None:
        names = {r.indicator.pillar.code: r.indicator.pillar.name for r in rows}
        for pillar, cells in matrix.rows:
            matrix_rows.append({"pillar": pillar, "name": names.get(pillar, pillar), "cells": [
                {"cell": cell, "indicators": [
                    {"code": code, "colour": _colour(colour.value),
                     "differs": by_code[code].differs}
                    for code, colour in cell.colours]}
                for cell in cells]})
    return render(request, "assessment/assessment.html", {
        "review": review, **_can(request, review), "matrix": matrix,
        "matrix_rows": matrix_rows,
        "rows": [{"row": r, "proposal_colour": _colour(r.proposal.colour.value),
                  "final_colour": _colour(r.final_colour) if r.final_colour else None}
                 for r in rows],
    })


@login_required
def indicator(request, review, code):
    review = _review(review)
    _require(request.user, "assessment.view_assessment", review)
    found = indicators_of(review).filter(code=code).first()
    if found is None:
        raise Http404(_("No such indicator in this benchmark."))
    current = assessment_for(review, indicator=found)
    can_decide = request.user.has_perm("assessment.change_assessment", review)
    conflict, status = None, 200
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied
        form = AssessmentForm(request.POST)
        if form.is_valid():
            try:
                set_final_colour(review=review, indicator=found, by=request.user,
                                 **form.cleaned_data)
            except ValidationError as exc:
                add_domain_errors(form, exc)
                status = 422
            except AssessmentConflict as exc:
                conflict = _assessment_conflict(exc)
                status = 409
            else:
                messages.success(request, _("The assessment of %(code)s is saved.")
                                 % {"code": found.code})
                return redirect("assessment:indicator", review=review.pk, code=found.code)
        else:
            status = 422
    else:
        data = decision_data(current.decision, indicator=found)
        if not data["revision"]:
            data["colour"] = current.proposal.colour.value
        form = AssessmentForm(initial=data)
    items = list(evidence_in_full(review).filter(indicators=found))
    counted = set(current.proposal.evidence)
    return render(request, "assessment/indicator.html", {
        "review": review, **_can(request, review), "indicator": found, "current": current,
        "form": form,
        "can_decide": can_decide, "conflict": conflict,
        "current_revision": conflict["revision"] if conflict else None,
        "proposal_colour": _colour(current.proposal.colour.value),
        "final_colour": _colour(current.final_colour) if current.final_colour else None,
        "decided_against": (_colour(current.decision.proposed_colour)
                            if current.final_colour and current.decision.proposed_colour
                            else None),
        "counted_numbers": sorted({i.interview.number for i in items
                                   if str(i.interview_id) in current.proposal.counted}),
        "evidence": [{"item": i, "references": references_of(i), "counts": str(i.pk) in counted}
                     for i in items],
        "trail": audit_trail(review, kinds={"assessment"},
                             object_id=current.decision.pk) if current.decision else [],
    }, status=status)


def _assessment_conflict(exc: AssessmentConflict) -> dict:
    current, yours = exc.current, exc.attempted
    return {
        "message": str(exc), "revision": current["revision"],
        "rows": [
            {"label": _("Final colour"), "current": COLOUR_LABELS.get(current["colour"]),
             "yours": COLOUR_LABELS.get(yours["colour"]),
             "differs": current["colour"] != yours["colour"]},
            {"label": _("Rationale"), "current": current["rationale"],
             "yours": yours["rationale"], "differs": current["rationale"] != yours["rationale"]},
            {"label": _("Decided by"), "current": current["decided_by"],
             "yours": yours["decided_by"], "differs": True},
        ],
        "yours": yours,
    }


# --- strengths, weaknesses and good practices -------------------------------------------

def _evidence_choices(review):
    return [(i.pk, "; ".join(references_of(i)) + " — " + i.text[:80])
            for i in evidence_in_full(review)]


@login_required
def findings(request, review, pk=None):
    review = _review(review)
    _require(request.user, "assessment.view_assessment", review)
    can_edit = request.user.has_perm("assessment.change_assessment", review)
    all_findings = list(findings_in_full(review))
    editing = None
    if pk is not None:
        editing = next((f for f in all_findings if f.pk == pk), None)
        if editing is None:
            raise Http404(_("No such finding in this review."))
    indicators = list(indicators_of(review))
    kwargs = {"indicators": indicators, "evidence": _evidence_choices(review)}
    status, conflict = 200, None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "delete" in request.POST and editing is not None:
            try:
                delete_finding(finding=editing, by=request.user,
                               revision=int(request.POST.get("revision") or -1))
            except StaleRevision as exc:
                messages.error(request, str(exc))
                return redirect("assessment:finding", review=review.pk, pk=editing.pk)
            messages.success(request, _("Deleted."))
            return redirect("assessment:findings", review=review.pk)
        form = FindingForm(request.POST, **kwargs)
        if form.is_valid():
            try:
                saved = save_finding(review=review, by=request.user, finding=editing,
                                     **form.cleaned_data)
            except ValidationError as exc:
                add_domain_errors(form, exc)
                status = 422
            except StaleRevision as exc:
                conflict = _conflict_rows(exc.current, exc.attempted, str(exc))
                status = 409
            else:
                messages.success(request, _("Saved."))
                return redirect("assessment:finding", review=review.pk, pk=saved.pk)
        else:
            status = 422
    else:
        form = FindingForm(initial=finding_data(editing) if editing else {"revision": 0},
                           **kwargs)
    return render(request, "assessment/findings.html", {
        "review": review, **_can(request, review), "form": form, "can_edit": can_edit,
        "editing": editing,
        "conflict": conflict,
        "findings": [{"finding": f, "trail": evidence_trail(f)} for f in all_findings],
    }, status=status)


@login_required
def practices(request, review, pk=None):
    review = _review(review)
    _require(request.user, "assessment.view_assessment", review)
    can_edit = request.user.has_perm("assessment.change_assessment", review)
    all_practices = list(good_practices_of(review))
    editing = None
    if pk is not None:
        editing = next((p for p in all_practices if p.pk == pk), None)
        if editing is None:
            raise Http404(_("No such good practice in this review."))
    indicators = list(indicators_of(review))
    status, conflict = 200, None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if "delete" in request.POST and editing is not None:
            try:
                delete_good_practice(practice=editing, by=request.user,
                                     revision=int(request.POST.get("revision") or -1))
            except StaleRevision as exc:
                messages.error(request, str(exc))
                return redirect("assessment:practice", review=review.pk, pk=editing.pk)
            messages.success(request, _("Deleted. The coordinator can restore it from the "
                                        "audit trail."))
            return redirect("assessment:practices", review=review.pk)
        form = GoodPracticeForm(request.POST, indicators=indicators)
        if form.is_valid():
            try:
                saved = save_good_practice(review=review, by=request.user, practice=editing,
                                           **form.cleaned_data)
            except ValidationError as exc:
                add_domain_errors(form, exc)
                status = 422
            except StaleRevision as exc:
                conflict = _conflict_rows(exc.current, exc.attempted, str(exc))
                status = 409
            else:
                messages.success(request, _("Saved."))
                return redirect("assessment:practice", review=review.pk, pk=saved.pk)
        else:
            status = 422
    else:
        form = GoodPracticeForm(initial=practice_data(editing) if editing else {"revision": 0},
                                indicators=indicators)
    return render(request, "assessment/practices.html", {
        "review": review, **_can(request, review), "form": form, "can_edit": can_edit,
        "editing": editing,
        "conflict": conflict, "practices": all_practices,
    }, status=status)


# --- exports -----------------------------------------------------------------------------

EXPORTS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             exports.bank_xlsx),
    "csv": ("text/csv; charset=utf-8", exports.bank_csv),
    "qdpx": ("application/zip", lambda review: exports.bank_qdpx(review)),
    "qdc": ("application/xml", lambda review: exports.codebook_qdc(review)),
}


def export_response(review, fmt: str) -> HttpResponse:
    content_type, make = EXPORTS[fmt]
    response = HttpResponse(make(review), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.file_name(review, fmt)}"')
    return response


@login_required
def export(request, review, fmt):
    review = _review(review)
    _require(request.user, "assessment.view_bank", review)
    if fmt not in EXPORTS:
        raise Http404(_("No such export."))
    return export_response(review, fmt)
