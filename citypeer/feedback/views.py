"""Pages of step 7: headline findings and their one-page summary, recommendations with the
corroboration guard, the report composer (sections, versions, diffs, conflicts, approval,
release, downloads made in the background), the city's commitments and the coordinator's
follow-up across a programme."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.benchmarks.models import Indicator
from citypeer.feedback.domain import commitments as commitments_domain
from citypeer.feedback.domain import headlines as headlines_domain
from citypeer.feedback.domain import reports as reports_domain
from citypeer.feedback.domain.common import Conflict, Refused
from citypeer.feedback.domain.document import report_document
from citypeer.feedback.domain.queries import (
    findings_of,
    headlines_in_full,
    member_ids,
    recommendations_in_full,
    report_of,
    review_for_feedback,
    sections_of,
    team_of,
)
from citypeer.feedback.domain.recommendations import (
    RecommendationRefused,
    delete_recommendation,
    recommendation_data,
    save_recommendation,
)
from citypeer.feedback.domain.rendering import (
    CONTENT_TYPES,
    FORMATS,
    start_rendering,
)
from citypeer.feedback.method import report as rules
from citypeer.feedback.models import (
    HeadlineFinding,
    Recommendation,
    Rendering,
    ReportSection,
    ReportVersion,
)
from citypeer.programmes.models import Programme


def _review(review_id):
    review = review_for_feedback(review_id)
    if review is None:
        raise Http404(_("No such review."))
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _codes(value: str) -> list[str]:
    return [c.strip() for c in value.replace(";", ",").split(",") if c.strip()]


@login_required
def overview(request, review):
    review = _review(review)
    user = request.user
    if not (user.has_perm("feedback.view_feedback", review)
            or user.has_perm("feedback.view_report", review)):
        raise PermissionDenied
    report = report_of(review)
    return render(request, "feedback/overview.html", {
        "review": review, "report": report,
        "can_write": user.has_perm("feedback.write_feedback", review),
        "can_see_team_work": user.has_perm("feedback.view_feedback", review),
        "can_see_report": user.has_perm("feedback.view_report", review),
        "can_respond": user.has_perm("feedback.update_commitment", review),
    })


# --- headline findings ---------------------------------------------------------------------

def _headline_rows(review, user):
    members = member_ids(review)
    rows = []
    for headline in headlines_in_full(review):
        state = headlines_domain.state_of(headline, members=members)
        mine = next((v for v in headline.votes.all() if v.person_id == user.pk), None)
        rows.append({"headline": headline, "state": state.state, "mine": mine,
                     "votes": sorted(headline.votes.all(), key=lambda v: v.person.name),
                     "waiting": len(state.waiting)})
    return rows


@login_required
def headlines(request, review):
    review = _review(review)
    _require(request.user, "feedback.view_feedback", review)
    can_write = request.user.has_perm("feedback.write_feedback", review)
    errors = {}
    if request.method == "POST":
        _require(request.user, "feedback.write_feedback", review)
        action = request.POST.get("action")
        try:
            if action == "draft":
                made = headlines_domain.draft_from_assessment(review=review, by=request.user)
                messages.success(request, _("%(n)s headline findings drafted from the "
                                            "assessment.") % {"n": len(made)})
            elif action in ("agree", "object"):
                headline = get_object_or_404(HeadlineFinding, review=review,
                                             pk=request.POST.get("headline"))
                headlines_domain.vote(headline=headline, person=request.user,
                                      agrees=action == "agree",
                                      comment=request.POST.get("comment", ""))
            else:
                headline = None
                if request.POST.get("headline"):
                    headline = get_object_or_404(HeadlineFinding, review=review,
                                                 pk=request.POST["headline"])
                headlines_domain.save_headline(
                    review=review, by=request.user, text=request.POST.get("text", ""),
                    indicators=_codes(request.POST.get("indicators", "")), headline=headline,
                    revision=int(request.POST.get("revision") or 0))
            return redirect("feedback:headlines", review=review.pk)
        except ValidationError as exc:
            errors = exc.message_dict
        except Conflict as exc:
            messages.error(request, str(exc))
    rows = _headline_rows(review, request.user)
    return render(request, "feedback/headlines.html", {
        "review": review, "rows": rows, "can_write": can_write, "errors": errors,
        "all_agreed": bool(rows) and all(r["state"] == rules.AGREED for r in rows),
    }, status=400 if errors else 200)


@login_required
def headline_summary(request, review):
    """One printable page for the presentation to the host city."""
    review = _review(review)
    _require(request.user, "feedback.view_feedback", review)
    rows = _headline_rows(review, request.user)
    return render(request, "feedback/headline_summary.html", {
        "review": review, "rows": rows, "team": team_of(review),
        "all_agreed": bool(rows) and all(r["state"] == rules.AGREED for r in rows)})


# --- recommendations -----------------------------------------------------------------------

def _recommendation_form(request, review, recommendation=None):
    can_override = request.user.has_perm("feedback.override_guard", review)
    errors, problems, values = {}, [], {}
    if request.method == "POST":
        if not (request.user.has_perm("feedback.write_feedback", review) or can_override):
            raise PermissionDenied
        values = {"text": request.POST.get("text", ""),
                  "indicators": request.POST.get("indicators", ""),
                  "findings": request.POST.getlist("findings"),
                  "timescale": request.POST.get("timescale", ""),
                  "override_justification": request.POST.get("override_justification", "")}
        try:
            save_recommendation(
                review=review, by=request.user, text=values["text"],
                indicators=_codes(values["indicators"]), findings=values["findings"],
                timescale=values["timescale"], recommendation=recommendation,
                revision=int(request.POST.get("revision") or 0),
                override_justification=values["override_justification"])
            messages.success(request, _("Recommendation saved."))
            return redirect("feedback:recommendations", review=review.pk), None
        except RecommendationRefused as exc:
            problems = [p.text(_) for p in exc.problems]
        except ValidationError as exc:
            errors = exc.message_dict
        except Conflict as exc:
            errors = {"revision": [str(exc)]}
    elif recommendation is not None:
        data = recommendation_data(recommendation)
        values = {**data, "indicators": ", ".join(data["indicators"]),
                  "findings": [str(f) for f in data["findings"]]}
    return None, {"errors": errors, "problems": problems, "values": values,
                  "can_override": can_override}


@login_required
def recommendations(request, review):
    review = _review(review)
    _require(request.user, "feedback.view_feedback", review)
    response, form = _recommendation_form(request, review)
    if response:
        return response
    return render(request, "feedback/recommendations.html", {
        "review": review, "recommendations": recommendations_in_full(review),
        "findings": findings_of(review),
        "indicators": Indicator.objects.filter(benchmark_id=review.programme.benchmark_id)
        .order_by("position").values_list("code", flat=True),
        "can_write": request.user.has_perm("feedback.write_feedback", review), **form,
    }, status=400 if (form["errors"] or form["problems"]) else 200)


@login_required
def recommendation(request, review, pk):
    review = _review(review)
    _require(request.user, "feedback.view_feedback", review)
    rec = get_object_or_404(Recommendation, review=review, pk=pk)
    if request.method == "POST" and request.POST.get("action") == "delete":
        _require(request.user, "feedback.write_feedback", review)
        delete_recommendation(recommendation=rec, by=request.user)
        return redirect("feedback:recommendations", review=review.pk)
    response, form = _recommendation_form(request, review, rec)
    if response:
        return response
    return render(request, "feedback/recommendation.html", {
        "review": review, "recommendation": rec, "findings": findings_of(review), **form,
    }, status=400 if (form["errors"] or form["problems"]) else 200)


# --- the report composer -------------------------------------------------------------------

@login_required
def report(request, review):
    review = _review(review)
    user = request.user
    _require(user, "feedback.view_feedback", review)
    report = report_of(review)
    context = {"review": review, "report": report,
               "can_write": user.has_perm("feedback.write_feedback", review)}
    if report is not None:
        state = reports_domain.approval_of(report)
        people = {m.person_id: m.person for m in team_of(review)}
        context.update({
            "sections": sections_of(report),
            "approval": state,
            "approved": [people[p] for p in sorted(state.approved) if p in people],
            "missing": [people[p] for p in sorted(state.missing) if p in people],
            "i_approved": user.pk in state.approved,
            "can_approve": user.has_perm("feedback.approve_report", review),
            "can_release": user.has_perm("feedback.release_report", review),
            "renderings": report.renderings.all()[:6],
            "formats": FORMATS,
        })
    return render(request, "feedback/report.html", context)


@require_POST
@login_required
def compose(request, review):
    review = _review(review)
    _require(request.user, "feedback.write_feedback", review)
    reports_domain.compose_report(review=review, by=request.user)
    return redirect("feedback:report", review=review.pk)


@login_required
def section(request, review, pk):
    review = _review(review)
    _require(request.user, "feedback.view_feedback", review)
    section = get_object_or_404(ReportSection.objects.select_related("report", "updated_by"),
                                report__review=review, pk=pk)
    context = {"review": review, "section": section, "text": section.text,
               "revision": section.revision, "title": section.title}
    status = 200
    if request.method == "POST":
        _require(request.user, "feedback.write_feedback", review)
        text, title = request.POST.get("text", ""), request.POST.get("title")
        try:
            reports_domain.save_section(section=section, by=request.user, text=text,
                                        title=title, revision=request.POST.get("revision"))
            messages.success(request, _("Section saved."))
            return redirect("feedback:report", review=review.pk)
        except Conflict as exc:
            # Both versions, and the form holds the newer revision with the user's text so
            # that "keep mine" is a deliberate second save.
            context.update({"conflict": exc, "text": text, "title": title or section.title,
                            "revision": exc.current["revision"],
                            "diff": rules.diff_lines(exc.current["text"], text,
                                                     old_label=_("saved version"),
                                                     new_label=_("your version"))})
            status = 409
        except Refused as exc:
            messages.error(request, str(exc))
            return redirect("feedback:report", review=review.pk)
        except ValidationError as exc:
            context.update({"errors": exc.message_dict, "text": text})
            status = 400
    return render(request, "feedback/section.html", context, status=status)


@login_required
def versions(request, review, pk):
    review = _review(review)
    _require(request.user, "feedback.view_feedback", review)
    section = get_object_or_404(ReportSection, report__review=review, pk=pk)
    rows = list(ReportVersion.objects.filter(section=section).select_related("saved_by")
                .order_by("-revision"))
    by_revision = {v.revision: v for v in rows}
    a, b = request.GET.get("a"), request.GET.get("b")
    diff = None
    if a and b:
        try:
            old, new = by_revision[int(a)], by_revision[int(b)]
        except (KeyError, ValueError) as exc:
            raise Http404(_("No such version.")) from exc
        diff = rules.diff_lines(old.text, new.text, old_label=_("version %(n)s") % {"n": a},
                                new_label=_("version %(n)s") % {"n": b})
    return render(request, "feedback/versions.html", {
        "review": review, "section": section, "versions": rows, "diff": diff, "a": a, "b": b})


@require_POST
@login_required
def approve(request, review):
    review = _review(review)
    _require(request.user, "feedback.approve_report", review)
    report = report_of(review)
    if report is None:
        raise Http404
    try:
        if request.POST.get("action") == "withdraw":
            reports_domain.withdraw_approval(report=report, by=request.user)
        else:
            reports_domain.approve(report=report, by=request.user)
            messages.success(request, _("You approved the final draft."))
    except Refused as exc:
        messages.error(request, str(exc))
    return redirect("feedback:report", review=review.pk)


@require_POST
@login_required
def release(request, review):
    review = _review(review)
    _require(request.user, "feedback.release_report", review)
    report = report_of(review)
    if report is None:
        raise Http404
    try:
        reports_domain.release(report=report, by=request.user)
        messages.success(request, _("The report is released to the host city."))
    except Refused as exc:
        messages.error(request, str(exc))
    return redirect("feedback:report", review=review.pk)


@login_required
def read(request, review):
    """The report as the host city reads it (and the team before release)."""
    review = _review(review)
    _require(request.user, "feedback.view_report", review)
    report = report_of(review)
    if report is None:
        raise Http404(_("The report has not been composed yet."))
    return render(request, "feedback/read.html", {
        "review": review, "report": report,
        "doc": report_document(review, report=report),
        "formats": FORMATS, "renderings": report.renderings.filter(
            requested_by=request.user)[:6],
    })


@require_POST
@login_required
def start_render(request, review, fmt):
    review = _review(review)
    _require(request.user, "feedback.view_report", review)
    report = report_of(review)
    if report is None or fmt not in FORMATS:
        raise Http404
    rendering = start_rendering(report=report, fmt=fmt, by=request.user)
    return redirect("feedback:rendering", review=review.pk, pk=rendering.pk)


@login_required
def rendering(request, review, pk):
    review = _review(review)
    _require(request.user, "feedback.view_report", review)
    rendering = get_object_or_404(Rendering, report__review=review, pk=pk)
    template = ("feedback/_rendering.html" if request.headers.get("HX-Request") == "true"
                else "feedback/rendering.html")
    return render(request, template, {"review": review, "rendering": rendering})


@login_required
def rendering_file(request, review, pk):
    review = _review(review)
    _require(request.user, "feedback.view_report", review)
    rendering = get_object_or_404(Rendering, report__review=review, pk=pk,
                                  state=Rendering.State.DONE)
    path = Path(rendering.path)
    if not path.is_file():
        raise Http404(_("The file is gone; make it again."))
    name = f"citypeer-report-{review.city.slug}.{rendering.format}"
    return FileResponse(path.open("rb"), as_attachment=True, filename=name,
                        content_type=CONTENT_TYPES[rendering.format])


# --- the city's response -------------------------------------------------------------------

@login_required
def commitments(request, review):
    review = _review(review)
    user = request.user
    if not (user.has_perm("feedback.view_report", review)):
        raise PermissionDenied
    can_edit = user.has_perm("feedback.update_commitment", review)
    errors, failed = {}, None
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        rec = get_object_or_404(Recommendation, review=review,
                                pk=request.POST.get("recommendation"))
        try:
            commitments_domain.record_commitment(
                recommendation=rec, by=user, response=request.POST.get("response"),
                commitment=request.POST.get("commitment", ""),
                owner=request.POST.get("owner", ""), due_on=request.POST.get("due_on"),
                status=request.POST.get("status") or None,
                status_note=request.POST.get("status_note", ""),
                revision=int(request.POST.get("revision") or 0))
            messages.success(request, _("Commitment recorded."))
            return redirect("feedback:commitments", review=review.pk)
        except ValidationError as exc:
            errors, failed = exc.message_dict, rec.pk
        except (Conflict, Refused) as exc:
            errors, failed = {"__all__": [str(exc)]}, rec.pk
    return render(request, "feedback/commitments.html", {
        "review": review, "recommendations": recommendations_in_full(review),
        "can_edit": can_edit, "errors": errors, "failed": failed,
        "responses": commitments_domain.Response.choices,
        "statuses": commitments_domain.Status.choices,
    }, status=400 if errors else 200)


@login_required
def follow_up(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    _require(request.user, "feedback.view_follow_up", programme)
    rows = commitments_domain.follow_up_rows(programme)
    fmt = request.GET.get("format")
    if fmt == "csv":
        response = HttpResponse(commitments_domain.follow_up_csv(rows),
                                content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="follow-up-{slug}.csv"'
        return response
    if fmt == "xlsx":
        response = HttpResponse(
            commitments_domain.follow_up_xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="follow-up-{slug}.xlsx"'
        return response
    return render(request, "feedback/follow_up.html", {"programme": programme, "rows": rows})
