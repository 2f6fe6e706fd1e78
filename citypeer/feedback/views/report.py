"""The report composer: the sections with the approval state, composing, editing a section
(an edit conflict shows both versions and their differences), comparing versions, the peers'
approval and the leader's release."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review, get_row, require
from citypeer.feedback.domain import reports
from citypeer.feedback.domain.queries import (
    composed_report,
    recent_renderings,
    report_of,
    sections_of,
    sections_of_review,
    team_of,
    versions_of,
)
from citypeer.feedback.domain.refusals import ReportRefused
from citypeer.feedback.domain.rendering import FORMATS
from citypeer.feedback.interfaces.forms import edit_count_sent
from citypeer.feedback.method.text import diff_lines


@login_required
def report(request, review):
    user = request.user
    review = get_review(review, user=user, permission="feedback.view_feedback")
    report = report_of(review)
    context = {"review": review, "report": report,
               "can_write": user.has_perm("feedback.write_feedback", review)}
    if report is not None:
        state = reports.approval_of(report)
        people = {m.person_id: m.person for m in team_of(review)}
        context.update({
            "sections": sections_of(report),
            "approval": state,
            "approved": [people[p] for p in sorted(state.approved) if p in people],
            "missing": [people[p] for p in sorted(state.missing) if p in people],
            "i_approved": user.pk in state.approved,
            "can_approve": user.has_perm("feedback.approve_report", review),
            "can_release": user.has_perm("feedback.release_report", review),
            "renderings": recent_renderings(report),
            "formats": FORMATS,
        })
    return render(request, "feedback/report.html", context)


@require_POST
@login_required
def compose(request, review):
    review = get_review(review, user=request.user, permission="feedback.write_feedback")
    reports.compose_report(review=review, by=request.user)
    return redirect("feedback:report", review=review.pk)


def _saved_text(conflict: EditConflict) -> str:
    return next(f.saved for f in conflict.edits[0].fields if f.name == "text") or ""


@login_required
def section(request, review, pk):
    review = get_review(review, user=request.user, permission="feedback.view_feedback")
    section = get_row(sections_of_review(review), pk)
    context = {"review": review, "section": section, "text": section.text,
               "edit_count": section.edit_count, "title": section.title}
    status = 200
    if request.method == "POST":
        require(request.user, "feedback.write_feedback", review)
        text, title = request.POST.get("text", ""), request.POST.get("title")
        try:
            reports.save_section(section=section, by=request.user, text=text, title=title,
                                 edit_count=edit_count_sent(request.POST))
            messages.success(request, _("Section saved."))
            return redirect("feedback:report", review=review.pk)
        except EditConflict as exc:
            # Both versions, and the form holds the newer edit count with the user's text so
            # that "keep mine" is a deliberate second save.
            context.update({"conflict": exc, "text": text, "title": title or section.title,
                            "edit_count": exc.edits[0].edit_count,
                            "diff": diff_lines(_saved_text(exc), text,
                                               old_label=_("saved version"),
                                               new_label=_("your version"))})
            status = 409
        except ReportRefused as exc:
            messages.error(request, exc.message)
            return redirect("feedback:report", review=review.pk)
        except ValidationError as exc:
            context.update({"errors": exc.message_dict, "text": text})
            status = 400
    return render(request, "feedback/section.html", context, status=status)


@login_required
def versions(request, review, pk):
    review = get_review(review, user=request.user, permission="feedback.view_feedback")
    section = get_row(sections_of_review(review), pk)
    rows = list(versions_of(section, newest_first=True))
    by_edit_count = {v.edit_count: v for v in rows}
    a, b = request.GET.get("a"), request.GET.get("b")
    diff = None
    if a and b:
        try:
            old, new = by_edit_count[int(a)], by_edit_count[int(b)]
        except (KeyError, ValueError) as exc:
            raise Http404(_("No such version.")) from exc
        diff = diff_lines(old.text, new.text, old_label=_("version %(n)s") % {"n": a},
                          new_label=_("version %(n)s") % {"n": b})
    return render(request, "feedback/versions.html", {
        "review": review, "section": section, "versions": rows, "diff": diff, "a": a, "b": b})


@require_POST
@login_required
def approve(request, review):
    review = get_review(review, user=request.user, permission="feedback.approve_report")
    report = composed_report(review)
    try:
        if request.POST.get("action") == "withdraw":
            reports.withdraw_approval(report=report, by=request.user)
        else:
            reports.approve(report=report, by=request.user)
            messages.success(request, _("You approved the final draft."))
    except ReportRefused as exc:
        messages.error(request, exc.message)
    return redirect("feedback:report", review=review.pk)


@require_POST
@login_required
def release(request, review):
    review = get_review(review, user=request.user, permission="feedback.release_report")
    report = composed_report(review)
    try:
        reports.release(report=report, by=request.user)
        messages.success(request, _("The report is released to the host city."))
    except ReportRefused as exc:
        messages.error(request, exc.message)
    return redirect("feedback:report", review=review.pk)
