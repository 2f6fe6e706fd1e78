"""The timetable page: the plan, planning it, and changes by hand (move, swap, lock, unlock,
cancel) answered with the checker's warnings at once (the board again, for htmx)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import get_review
from citypeer.visits.domain.board import gap, timetable_board
from citypeer.visits.domain.grid import timetable_grid
from citypeer.visits.domain.plan import (
    PAGE_TIME_LIMIT,
    cancel_interview,
    move_interview,
    set_locked,
    solve_visit,
    swap_interviews,
)
from citypeer.visits.domain.queries import visit_of
from citypeer.visits.domain.visits import VisitError, VisitProblems, create_visit
from citypeer.visits.interfaces.access import data_for, visit_or_404
from citypeer.visits.interfaces.forms import MoveForm
from citypeer.visits.labels import STATUS_HELP, warning_label
from citypeer.visits.method.model import hhmm


def board_context(request, review, visit, *, problems=(), conflict=None) -> dict:
    data, identities = data_for(request.user, review, visit)
    board = timetable_board(data)
    rows = []
    for row in board.rows:
        interview = row.interview
        form = MoveForm(initial={"day": interview.day, "start": hhmm(interview.start),
                                 "peer_a": interview.peers[0], "peer_b": interview.peers[1],
                                 "edit_count": visit.edit_count},
                        days=board.days, times=board.times, peers=board.peers,
                        prefix=f"i{interview.number}")
        rows.append({**vars(row), "form": form})
    return {
        "review": review, "visit": visit, "identities": identities,
        "can_plan": request.user.has_perm("visits.plan_visit", review),
        "grid": timetable_grid(data, identities=identities, flagged=board.flagged),
        "warnings": [{"warning": w, "label": warning_label(w.code)}
                     for w in board.check.warnings],
        "coverage": board.check.coverage, "rows": rows, "loads": board.loads,
        "days": board.days, "problems": problems, "conflict": conflict,
        "status_help": STATUS_HELP.get(visit.status, ""), "gap": gap(visit),
        "page_time_limit": int(PAGE_TIME_LIMIT),
    }


def _no_visit(request, review, **context):
    return render(request, "visits/no_visit.html", {
        "review": review, "can_plan": request.user.has_perm("visits.plan_visit", review),
        **context})


@login_required
def timetable(request, review):
    review = get_review(review, user=request.user, permission="visits.view_visit")
    visit = visit_of(review)
    if visit is None:
        return _no_visit(request, review)
    try:
        context = board_context(request, review, visit)
    except VisitError as exc:
        return _no_visit(request, review, visit=visit, error=str(exc))
    return render(request, "visits/timetable.html", context)


@require_POST
@login_required
def create(request, review):
    review = get_review(review, user=request.user, permission="visits.plan_visit")
    create_visit(review=review)
    return redirect("visits:timetable", review=review.pk)


def _edit_count(request) -> int | None:
    """The edit count the change started from; None (a conflict) when the form has none."""
    try:
        return int(request.POST.get("edit_count", ""))
    except ValueError:
        return None


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _after_change(request, review, visit, *, problems=(), conflict=None, anchor=""):
    """Answer a change: the board again for htmx, else back to the page (the page itself,
    showing both versions, after an edit conflict)."""
    if _is_htmx(request) or conflict is not None:
        visit.refresh_from_db()
        context = board_context(request, review, visit, problems=problems, conflict=conflict)
        if _is_htmx(request):
            return render(request, "visits/_board.html", context)
        return render(request, "visits/timetable.html", context, status=409)
    for problem in problems:
        messages.error(request, problem)
    return redirect(reverse("visits:timetable", kwargs={"review": review.pk}) + anchor)


def _change(request, review, action, *, anchor=""):
    review = get_review(review, user=request.user, permission="visits.plan_visit")
    visit = visit_or_404(review)
    try:
        action(visit, review, _edit_count(request))
    except VisitProblems as exc:
        return _after_change(request, review, visit, anchor=anchor,
                             problems=[f"{f}: {m}" for f, m in exc.problems])
    except VisitError as exc:
        return _after_change(request, review, visit, problems=[str(exc)], anchor=anchor)
    except EditConflict as exc:
        return _after_change(request, review, visit, conflict=exc, anchor=anchor)
    return _after_change(request, review, visit, anchor=anchor)


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@require_POST
@login_required
def move(request, review, number):
    prefix = f"i{number}-"

    def action(visit, review, edit_count):
        move_interview(
            visit=visit, review=review, number=number,
            day=request.POST.get(prefix + "day"), start=request.POST.get(prefix + "start"),
            peers=[request.POST.get(prefix + "peer_a", ""),
                   request.POST.get(prefix + "peer_b", "")],
            edit_count=edit_count)
    return _change(request, review, action, anchor=f"#interview-{number}")


@require_POST
@login_required
def swap(request, review, number):
    def action(visit, review, edit_count):
        swap_interviews(visit=visit, review=review, number=number,
                        other=_int(request.POST.get("with"), 0), edit_count=edit_count)
    return _change(request, review, action, anchor=f"#interview-{number}")


def _set_locked(request, review, number, locked: bool):
    def action(visit, review, edit_count):
        set_locked(visit=visit, review=review, number=number, locked=locked,
                   edit_count=edit_count)
    return _change(request, review, action, anchor=f"#interview-{number}")


@require_POST
@login_required
def lock(request, review, number):
    return _set_locked(request, review, number, True)


@require_POST
@login_required
def unlock(request, review, number):
    return _set_locked(request, review, number, False)


@require_POST
@login_required
def cancel(request, review, number):
    def action(visit, review, edit_count):
        cancel_interview(visit=visit, review=review, number=number, edit_count=edit_count)
    return _change(request, review, action)


@require_POST
@login_required
def solve(request, review):
    review = get_review(review, user=request.user, permission="visits.plan_visit")
    visit = visit_or_404(review)
    try:
        result = solve_visit(visit=visit, review=review, time_limit=PAGE_TIME_LIMIT,
                             edit_count=_edit_count(request))
    except EditConflict as exc:
        return _after_change(request, review, visit, conflict=exc)
    except VisitError as exc:
        messages.error(request, str(exc))
        return redirect("visits:timetable", review=review.pk)
    visit.refresh_from_db()
    messages.info(request, _("Planned: %(status)s.") % {"status": visit.get_status_display()}
                  if result.found else
                  _("No timetable: %(status)s. The current plan is kept.")
                  % {"status": visit.get_status_display()})
    return redirect("visits:timetable", review=review.pk)
