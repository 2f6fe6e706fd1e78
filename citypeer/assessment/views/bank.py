"""The evidence bank with its search and exports, fast entry during the visit, and one piece
of evidence with its history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeer.assessment.domain.assessments import proposals_for
from citypeer.assessment.domain.audit import audit_trail
from citypeer.assessment.domain.entry import evidence_entry
from citypeer.assessment.domain.evidence import (
    delete_evidence,
    edit_evidence,
    record_evidence,
    references_of,
)
from citypeer.assessment.domain.queries import (
    bank_size,
    entry_choices,
    evidence_in_full,
    indicators_of,
)
from citypeer.assessment.domain.refusals import EvidenceInUse
from citypeer.assessment.domain.search import SearchError, search_evidence
from citypeer.assessment.interfaces.exports import EXPORTS, export_response
from citypeer.assessment.interfaces.forms import EvidenceForm, EvidenceSearchForm, add_domain_errors
from citypeer.assessment.views.shared import abilities, colour_chip, posted_edit_count
from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, get_row, require
from citypeer.common.pages import wants_json

NO_SUCH_ITEM = gettext_lazy("No such piece of evidence in this review.")


def _referenced(items) -> list[dict]:
    return [{"item": item, "references": references_of(item)} for item in items]


@login_required
def bank(request, review):
    review = get_review(review, user=request.user, permission="assessment.view_bank")
    form = EvidenceSearchForm(request.GET or None, indicators=indicators_of(review))
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
        "review": review, "form": form, "error": error, **abilities(request, review),
        "rows": _referenced(items), "searching": any(v for v in request.GET.values()),
        "total": bank_size(review),
    })


@login_required
def record(request, review):
    """Fast entry during the visit: opens on the peer's current interview with its
    interviewee's indicators chosen; the page's script saves with Ctrl+Enter and keeps
    drafts in the browser while the connection is down."""
    review = get_review(review, user=request.user, permission="assessment.record_evidence")
    if request.method == "POST":
        return _record_post(request, review)
    wanted = request.GET.get("interview", "")
    entry = evidence_entry(review, peer=request.user,
                           interview_id=int(wanted) if wanted.isdigit() else None)
    rows = [{"indicator": i.indicator, "chosen": i.chosen,
             "colour": colour_chip(i.proposal.colour.value)} for i in entry.indicators]
    return render(request, "assessment/record.html", {
        "review": review, **abilities(request, review), "interview": entry.interview,
        "interviews": entry.interviews,
        "focus_rows": [r for r in rows if r["chosen"]],
        "other_rows": [r for r in rows if not r["chosen"]],
        "recorded_here": _referenced(entry.recorded_here),
    })


def _record_post(request, review):
    form = EvidenceForm(request.POST, **entry_choices(review))
    errors = None
    if form.is_valid():
        try:
            item, created = record_evidence(review=review, by=request.user,
                                            client_key=form.cleaned_data["client_key"],
                                            **form.domain_kwargs())
        except ValidationError as exc:
            errors = exc.message_dict
        else:
            if wants_json(request):
                item = get_row(evidence_in_full(review), item.pk)
                proposals = proposals_for(review)
                return JsonResponse({
                    "id": item.pk, "created": created, "client_key": item.client_key,
                    "references": list(references_of(item)),
                    "proposals": {code: {**colour_chip(p.colour.value), "status": p.status.value}
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
    if wants_json(request):
        return JsonResponse({"errors": errors}, status=422)
    for field, problems in errors.items():
        messages.error(request, f"{field}: {' '.join(problems)}")
    return redirect("assessment:record", review=review.pk)


@login_required
def item(request, review, pk):
    review = get_review(review, user=request.user, permission="assessment.view_bank")
    found = get_row(evidence_in_full(review), pk, message=NO_SUCH_ITEM)
    can_edit = request.user.has_perm("assessment.record_evidence", review)
    conflict, status = None, 200
    if request.method == "POST":
        require(request.user, "assessment.record_evidence", review)
        form = EvidenceForm(request.POST, **entry_choices(review))
        if form.is_valid():
            try:
                edit_evidence(item=found, by=request.user,
                              edit_count=form.cleaned_data["edit_count"],
                              **form.domain_kwargs())
            except ValidationError as exc:
                add_domain_errors(form, exc)
                status = 422
            except EditConflict as exc:
                conflict, status = exc, 409
            else:
                messages.success(request, _("Saved."))
                return redirect("assessment:item", review=review.pk, pk=found.pk)
        else:
            status = 422
    else:
        form = EvidenceForm(initial=EvidenceForm.initial_from(found), **entry_choices(review))
    return render(request, "assessment/item.html", {
        "review": review, **abilities(request, review), "item": found,
        "references": references_of(found), "form": form,
        "can_edit": can_edit, "conflict": conflict,
        "trail": audit_trail(review, kinds={"evidence"}, object_id=found.pk),
    }, status=status)


@require_POST
@login_required
def item_delete(request, review, pk):
    review = get_review(review, user=request.user, permission="assessment.record_evidence")
    found = get_row(evidence_in_full(review), pk, message=NO_SUCH_ITEM)
    try:
        delete_evidence(item=found, by=request.user, edit_count=posted_edit_count(request))
    except (EditConflict, EvidenceInUse) as exc:
        messages.error(request, exc.message)
        return redirect("assessment:item", review=review.pk, pk=pk)
    messages.success(request, _("Deleted. The coordinator can restore it from the audit "
                                "trail."))
    return redirect("assessment:bank", review=review.pk)


@login_required
def export(request, review, fmt):
    review = get_review(review, user=request.user, permission="assessment.view_bank")
    if fmt not in EXPORTS:
        raise Http404(_("No such export."))
    return export_response(review, fmt)
