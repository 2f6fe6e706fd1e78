"""The audit trail of a review (every creation, change and deletion, who and when), and the
coordinator's restore of deleted evidence and good practices."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.assessment.domain.audit import KINDS, audit_trail, deleted_items
from citypeer.assessment.domain.evidence import restore_evidence
from citypeer.assessment.domain.findings import restore_good_practice
from citypeer.assessment.domain.refusals import NotRestorable
from citypeer.assessment.views.shared import abilities
from citypeer.common.lookup import get_review


@login_required
def audit(request, review):
    review = get_review(review, user=request.user, permission="assessment.view_audit")
    wanted = request.GET.get("kind")
    kind = wanted if wanted in KINDS else ""
    return render(request, "assessment/audit.html", {
        "review": review, **abilities(request, review),
        "entries": audit_trail(review, kinds={kind} if kind else None),
        "deleted": deleted_items(review), "kind": kind,
    })


@require_POST
@login_required
def restore(request, review, kind, pk):
    review = get_review(review, user=request.user, permission="assessment.restore_deleted")
    try:
        if kind == "evidence":
            restore_evidence(review=review, item_id=pk, by=request.user)
        elif kind == "good_practice":
            restore_good_practice(review=review, practice_id=pk, by=request.user)
        else:
            raise Http404
    except NotRestorable as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Restored."))
    return redirect("assessment:audit", review=review.pk)
