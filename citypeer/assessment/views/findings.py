"""Strengths and weaknesses with the evidence they rest on, and the good practices found in
the review: each page lists them and holds the form to add one or change one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.assessment.domain.evidence import references_of
from citypeer.assessment.domain.findings import (
    delete_finding,
    delete_good_practice,
    evidence_trail,
    save_finding,
    save_good_practice,
)
from citypeer.assessment.domain.queries import (
    evidence_in_full,
    findings_in_full,
    good_practices_of,
    indicators_of,
)
from citypeer.assessment.interfaces.forms import FindingForm, GoodPracticeForm, add_domain_errors
from citypeer.assessment.views.shared import abilities, posted_edit_count
from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, require


def _editing(rows, pk, missing: str):
    """The row of the list being changed; None for a new one."""
    if pk is None:
        return None
    found = next((row for row in rows if row.pk == pk), None)
    if found is None:
        raise Http404(missing)
    return found


def _post(request, review, *, form, save, editing, page: str, deleted: str):
    """A save or a deletion from the page's form: (the redirect once done, or None; the
    status of the page shown again; the edit conflict it shows, if any)."""
    require(request.user, "assessment.change_assessment", review)
    if "delete" in request.POST and editing is not None:
        try:
            save(delete=True, edit_count=posted_edit_count(request))
        except EditConflict as exc:
            messages.error(request, exc.message)
            return redirect(f"assessment:{page}", review=review.pk, pk=editing.pk), 302, None
        messages.success(request, deleted)
        return redirect(f"assessment:{page}s", review=review.pk), 302, None
    if not form.is_valid():
        return None, 422, None
    try:
        saved = save(delete=False, **form.cleaned_data)
    except ValidationError as exc:
        add_domain_errors(form, exc)
        return None, 422, None
    except EditConflict as exc:
        return None, 409, exc
    messages.success(request, _("Saved."))
    return redirect(f"assessment:{page}", review=review.pk, pk=saved.pk), 302, None


@login_required
def findings(request, review, pk=None):
    review = get_review(review, user=request.user, permission="assessment.view_assessment")
    can_edit = request.user.has_perm("assessment.change_assessment", review)
    all_findings = list(findings_in_full(review))
    editing = _editing(all_findings, pk, _("No such finding in this review."))
    choices = {"indicators": list(indicators_of(review)),
               "evidence": [(i.pk, "; ".join(references_of(i)) + " — " + i.text[:80])
                            for i in evidence_in_full(review)]}
    status, conflict = 200, None
    if request.method == "POST":

        def save(*, delete, **fields):
            if delete:
                return delete_finding(finding=editing, by=request.user, **fields)
            return save_finding(review=review, by=request.user, finding=editing, **fields)

        form = FindingForm(request.POST, **choices)
        done, status, conflict = _post(request, review, form=form, save=save, editing=editing,
                                       page="finding", deleted=_("Deleted."))
        if done:
            return done
    else:
        form = FindingForm(initial=FindingForm.initial_from(editing), **choices)
    return render(request, "assessment/findings.html", {
        "review": review, **abilities(request, review), "form": form, "can_edit": can_edit,
        "editing": editing, "conflict": conflict,
        "findings": [{"finding": f, "trail": evidence_trail(f)} for f in all_findings],
    }, status=status)


@login_required
def practices(request, review, pk=None):
    review = get_review(review, user=request.user, permission="assessment.view_assessment")
    can_edit = request.user.has_perm("assessment.change_assessment", review)
    all_practices = list(good_practices_of(review))
    editing = _editing(all_practices, pk, _("No such good practice in this review."))
    indicators = list(indicators_of(review))
    status, conflict = 200, None
    if request.method == "POST":

        def save(*, delete, **fields):
            if delete:
                return delete_good_practice(practice=editing, by=request.user, **fields)
            return save_good_practice(review=review, by=request.user, practice=editing,
                                      **fields)

        form = GoodPracticeForm(request.POST, indicators=indicators)
        done, status, conflict = _post(
            request, review, form=form, save=save, editing=editing, page="practice",
            deleted=_("Deleted. The coordinator can restore it from the audit trail."))
        if done:
            return done
    else:
        form = GoodPracticeForm(initial=GoodPracticeForm.initial_from(editing),
                                indicators=indicators)
    return render(request, "assessment/practices.html", {
        "review": review, **abilities(request, review), "form": form, "can_edit": can_edit,
        "editing": editing, "conflict": conflict, "practices": all_practices,
    }, status=status)
