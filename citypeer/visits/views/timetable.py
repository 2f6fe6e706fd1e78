"""Pages of the visit: the timetable with changes by hand checked at once, the interviewees,
the interview briefs and the exports. Who sees what is `citypeer.visits.rules`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.visits.domain.briefs import interview_briefs
from citypeer.visits.domain.exports import timetable_pdf, visit_calendar, visit_json
from citypeer.visits.domain.grid import interview_lines, timetable_grid
from citypeer.visits.domain.interviewees import (
    add_interviewee,
    draw_interviewees,
    update_interviewee,
)
from citypeer.visits.domain.plan import (
    PAGE_TIME_LIMIT,
    cancel_interview,
    check_plan,
    move_interview,
    set_locked,
    solve_visit,
    swap_interviews,
)
from citypeer.visits.domain.queries import interviewees_in_full, review_for_visit, visit_of
from citypeer.visits.domain.visits import PlanConflict, VisitError, VisitProblems, create_visit
from citypeer.visits.interfaces.access import data_for
from citypeer.visits.interfaces.forms import IntervieweeForm, MoveForm, add_problems
from citypeer.visits.labels import STATUS_HELP, warning_label
from citypeer.visits.method.model import hhmm


def _review(review_id):
    review = review_for_visit(review_id)
    if review is None:
        raise Http404(_("No such review."))
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _visit(review):
    visit = visit_of(review)
    if visit is None:
        raise Http404(_("This review has no visit yet."))
    return visit


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _data(request, review, visit):
    return data_for(request.user, review, visit)


def _board_context(request, review, visit, *, data=None, identities=None, problems=()):
    if data is None:
        data, identities = _data(request, review, visit)
    check = check_plan(data)
    flagged = {w.interview for w in check.warnings if w.severity == "error" and w.interview}
    instance = data.instance
    days = [(n, d.label or f"Day {n}") for n, d in enumerate(instance.visit.days, start=1)]
    slot = instance.visit.slot_minutes
    times = sorted({hhmm(t) for d in instance.visit.days for t in range(d.start, d.end, slot)})
    peers = sorted(data.peers)
    interviews = sorted(instance.timetable.interviews, key=lambda i: i.number)
    rows = []
    for interview in interviews:
        form = MoveForm(initial={"day": interview.day, "start": hhmm(interview.start),
                                 "peer_a": interview.peers[0], "peer_b": interview.peers[1],
                                 "revision": visit.revision},
                        days=days, times=times, peers=peers, prefix=f"i{interview.number}")
        when = (f"{days[interview.day - 1][1]} {hhmm(interview.start)}–{hhmm(interview.end)}"
                if 1 <= interview.day <= len(days) else "?")
        rows.append({"interview": interview, "form": form, "when": when,
                     "row": data.interviews[interview.interviewee],
                     "held": data.interviews[interview.interviewee].pk in data.held})
    loads = []
    for initials in peers:
        per_day = [sum(1 for i in interviews if initials in i.peers and i.day == n)
                   for n, _label in days]
        loads.append({"initials": initials, "per_day": per_day, "total": sum(per_day)})
    warnings = [{"warning": w, "label": warning_label(w.code)} for w in check.warnings]
    return {
        "review": review, "visit": visit, "identities": identities,
        "can_plan": request.user.has_perm("visits.plan_visit", review),
        "grid": timetable_grid(data, identities=identities, flagged=flagged),
        "warnings": warnings, "coverage": check.coverage, "rows": rows, "loads": loads,
        "days": days, "problems": problems, "status_help": STATUS_HELP.get(visit.status, ""),
        "gap": (abs(visit.objective - visit.bound) / max(1, abs(visit.objective))
                if visit.objective is not None and visit.bound is not None else None),
        "page_time_limit": int(PAGE_TIME_LIMIT),
    }


@login_required
def timetable(request, review):
    review = _review(review)
    _require(request.user, "visits.view_visit", review)
    visit = visit_of(review)
    if visit is None:
        return render(request, "visits/no_visit.html", {
            "review": review, "can_plan": request.user.has_perm("visits.plan_visit", review)})
    try:
        context = _board_context(request, review, visit)
    except VisitError as exc:
        return render(request, "visits/no_visit.html", {
            "review": review, "visit": visit, "error": str(exc),
            "can_plan": request.user.has_perm("visits.plan_visit", review)})
    return render(request, "visits/timetable.html", context)


@require_POST
@login_required
def create(request, review):
    review = _review(review)
    _require(request.user, "visits.plan_visit", review)
    create_visit(review=review)
    return redirect("visits:timetable", review=review.pk)


def _revision(request) -> int:
    try:
        return int(request.POST.get("revision", ""))
    except ValueError:
        return -1


def _after_change(request, review, visit, *, problems=(), anchor=""):
    """Answer a change: the board again for htmx, else back to the page."""
    if _is_htmx(request):
        visit.refresh_from_db()
        context = _board_context(request, review, visit, problems=problems)
        return render(request, "visits/_board.html", context)
    for problem in problems:
        messages.error(request, problem)
    return redirect(f"{review_url(review)}{anchor}")


def review_url(review) -> str:
    from django.urls import reverse

    return reverse("visits:timetable", kwargs={"review": review.pk})


def _change(request, review, action, *, anchor=""):
    review = _review(review)
    _require(request.user, "visits.plan_visit", review)
    visit = _visit(review)
    try:
        action(visit, review, _revision(request))
    except VisitProblems as exc:
        return _after_change(request, review, visit,
                             problems=[f"{f}: {m}" for f, m in exc.problems], anchor=anchor)
    except (PlanConflict, VisitError) as exc:
        return _after_change(request, review, visit, problems=[str(exc)], anchor=anchor)
    return _after_change(request, review, visit, anchor=anchor)


@require_POST
@login_required
def move(request, review, number):
    prefix = f"i{number}-"

    def action(visit, review, revision):
        move_interview(
            visit=visit, review=review, number=number,
            day=request.POST.get(prefix + "day"), start=request.POST.get(prefix + "start"),
            peers=[request.POST.get(prefix + "peer_a", ""),
                   request.POST.get(prefix + "peer_b", "")],
            revision=revision)
    return _change(request, review, action, anchor=f"#interview-{number}")


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@require_POST
@login_required
def swap(request, review, number):
    def action(visit, review, revision):
        swap_interviews(visit=visit, review=review, number=number,
                        other=_int(request.POST.get("with"), 0), revision=revision)
    return _change(request, review, action, anchor=f"#interview-{number}")


@require_POST
@login_required
def lock(request, review, number):
    def action(visit, review, revision):
        set_locked(visit=visit, review=review, number=number, locked=True, revision=revision)
    return _change(request, review, action, anchor=f"#interview-{number}")


@require_POST
@login_required
def unlock(request, review, number):
    def action(visit, review, revision):
        set_locked(visit=visit, review=review, number=number, locked=False, revision=revision)
    return _change(request, review, action, anchor=f"#interview-{number}")


@require_POST
@login_required
def cancel(request, review, number):
    def action(visit, review, revision):
        cancel_interview(visit=visit, review=review, number=number, revision=revision)
    return _change(request, review, action)


@require_POST
@login_required
def solve(request, review):
    review = _review(review)
    _require(request.user, "visits.plan_visit", review)
    visit = _visit(review)
    try:
        result = solve_visit(visit=visit, review=review, time_limit=PAGE_TIME_LIMIT,
                             revision=_revision(request))
    except (PlanConflict, VisitError) as exc:
        messages.error(request, str(exc))
        return redirect("visits:timetable", review=review.pk)
    visit.refresh_from_db()
    messages.info(request, _("Planned: %(status)s.") % {"status": visit.get_status_display()}
                  if result.found else
                  _("No timetable: %(status)s. The current plan is kept.")
                  % {"status": visit.get_status_display()})
    return redirect("visits:timetable", review=review.pk)


# -- interviewees ------------------------------------------------------------------------------

@login_required
def interviewees(request, review):
    review = _review(review)
    _require(request.user, "visits.view_identities", review)
    visit = _visit(review)
    can_plan = request.user.has_perm("visits.plan_visit", review)
    form = IntervieweeForm()
    if request.method == "POST":
        _require(request.user, "visits.plan_visit", review)
        form = IntervieweeForm(request.POST)
        if form.is_valid():
            try:
                row = add_interviewee(visit=visit, review=review, data=form.domain_data())
            except VisitProblems as exc:
                add_problems(form, exc.problems)
            else:
                messages.info(request, _("%(name)s added.") % {"name": row.name})
                return redirect("visits:interviewees", review=review.pk)
    rows = list(interviewees_in_full(visit))
    planned = {i.interviewee_id: i for i in visit.interviews.filter(cancelled=False)}
    return render(request, "visits/interviewees.html", {
        "review": review, "visit": visit, "form": form, "can_plan": can_plan,
        "rows": [{"person": r, "interview": planned.get(r.pk)} for r in rows],
    })


@require_POST
@login_required
def draw(request, review):
    review = _review(review)
    _require(request.user, "visits.plan_visit", review)
    visit = _visit(review)
    drawn = draw_interviewees(visit=visit, review=review)
    messages.info(request, _("%(added)s people added, %(updated)s given more indicators.")
                  % {"added": drawn.added, "updated": drawn.updated})
    return redirect("visits:interviewees", review=review.pk)


@login_required
def interviewee(request, review, pk):
    review = _review(review)
    _require(request.user, "visits.view_identities", review)
    visit = _visit(review)
    row = interviewees_in_full(visit).filter(pk=pk).first()
    if row is None:
        raise Http404(_("No such interviewee."))
    can_plan = request.user.has_perm("visits.plan_visit", review)
    form = IntervieweeForm(initial=IntervieweeForm.initial_for(row))
    if request.method == "POST":
        _require(request.user, "visits.plan_visit", review)
        form = IntervieweeForm(request.POST)
        if form.is_valid():
            try:
                update_interviewee(interviewee=row, review=review, data=form.domain_data(),
                                   revision=form.cleaned_data["revision"] or 0)
            except VisitProblems as exc:
                add_problems(form, exc.problems)
            except VisitError as exc:
                form.add_error(None, str(exc))
            else:
                messages.info(request, _("%(name)s saved.") % {"name": form.cleaned_data["name"]})
                return redirect(f"{_interviewees_url(review)}#{row.reference}")
    return render(request, "visits/interviewee.html", {
        "review": review, "visit": visit, "person": row, "form": form, "can_plan": can_plan})


def _interviewees_url(review):
    from django.urls import reverse

    return reverse("visits:interviewees", kwargs={"review": review.pk})


# -- briefs and exports ------------------------------------------------------------------------

def _briefs(request, review, numbers=None):
    review = _review(review)
    _require(request.user, "visits.view_briefs", review)
    visit = _visit(review)
    data, _identities = _data(request, review, visit)
    briefs = interview_briefs(data, numbers)
    if numbers is not None and not briefs:
        raise Http404(_("No such interview."))
    return render(request, "visits/briefs.html", {"review": review, "visit": visit,
                                                  "briefs": briefs,
                                                  "desk_review": data.compiled is not None})


@login_required
def brief(request, review, number):
    return _briefs(request, review, {number})


@login_required
def briefs(request, review):
    return _briefs(request, review)


def _print_context(request, review):
    review = _review(review)
    _require(request.user, "visits.view_visit", review)
    visit = _visit(review)
    data, identities = _data(request, review, visit)
    check = check_plan(data)
    interviews = interview_lines(data, identities=identities)
    return {"review": review, "visit": visit, "identities": identities,
            "grid": timetable_grid(data, identities=identities), "coverage": check.coverage,
            "interviews": interviews}


@login_required
def print_timetable(request, review):
    return render(request, "visits/print.html", _print_context(request, review))


@login_required
def pdf_timetable(request, review):
    context = _print_context(request, review)
    html = render_to_string("visits/print.html", context, request=request)
    pdf = timetable_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="visit-{context["review"].pk}-timetable.pdf"')
    return response


@login_required
def json_timetable(request, review):
    review = _review(review)
    _require(request.user, "visits.view_visit", review)
    visit = _visit(review)
    data, identities = _data(request, review, visit)
    return JsonResponse(visit_json(data, identities=identities))


@login_required
def calendar(request, review, initials=None):
    review = _review(review)
    _require(request.user, "visits.view_visit", review)
    visit = _visit(review)
    data, identities = _data(request, review, visit)
    if initials is not None and initials not in data.peers:
        raise Http404(_("No such peer in the team."))
    try:
        body = visit_calendar(data, identities=identities, peer=initials,
                              site=request.get_host())
    except VisitError as exc:
        messages.error(request, str(exc))
        return redirect("visits:timetable", review=review.pk)
    name = f"visit-{review.pk}-{initials or 'team'}.ics"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

