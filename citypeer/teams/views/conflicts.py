"""Conflicts of interest: anyone declares their own, the coordinator anyone's and pins them;
a pinned conflict is removed only after the coordinator unpins it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_row, require
from citypeer.people.rules import is_coordinator
from citypeer.teams.domain import conflicts as conflict_domain
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.domain.refusals import ConflictRefused
from citypeer.teams.interfaces.forms import ConflictForm

NO_SUCH_CONFLICT = gettext_lazy("No such conflict.")


@login_required
def conflict_list(request):
    require(request.user, "teams.list_conflicts")
    coordinator = bool(is_coordinator(request.user))
    form = ConflictForm(request.POST or None, user=request.user, coordinator=coordinator)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        require(request.user, "teams.declare_conflict", person)
        try:
            conflict = conflict_domain.declare_conflict(
                person=person, city=form.cleaned_data["city"],
                kind=form.cleaned_data["kind"], note=form.cleaned_data["note"],
                declared_by=request.user,
                pinned=coordinator and form.cleaned_data.get("pinned", False),
            )
        except ConflictRefused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Conflict recorded: %(conflict)s.")
                             % {"conflict": conflict})
            return redirect("teams:conflicts")
    rows = [
        # Superusers pass every has_perm: a pinned conflict still offers no removal.
        {"conflict": c,
         "can_remove": not c.pinned and request.user.has_perm("teams.remove_conflict", c),
         "can_pin": request.user.has_perm("teams.pin_conflict", c)}
        for c in queries.visible_conflicts(user=request.user)
    ]
    return render(request, "teams/conflicts.html", {
        "rows": rows, "form": form, "coordinator": coordinator,
    })


def _pin(request, pk, *, pinned: bool):
    conflict = get_row(queries.visible_conflicts(user=request.user), pk,
                       message=NO_SUCH_CONFLICT)
    require(request.user, "teams.pin_conflict", conflict)
    if pinned:
        conflict = conflict_domain.pin_conflict(conflict=conflict)
        messages.success(request, _("Pinned: %(conflict)s.") % {"conflict": conflict})
    else:
        conflict = conflict_domain.unpin_conflict(conflict=conflict)
        messages.success(request, _("Unpinned: %(conflict)s.") % {"conflict": conflict})
    return redirect("teams:conflicts")


@login_required
@require_POST
def conflict_pin(request, pk):
    return _pin(request, pk, pinned=True)


@login_required
@require_POST
def conflict_unpin(request, pk):
    return _pin(request, pk, pinned=False)


@login_required
@require_POST
def conflict_remove(request, pk):
    conflict = get_row(queries.visible_conflicts(user=request.user), pk,
                       message=NO_SUCH_CONFLICT)
    if not conflict.pinned:
        require(request.user, "teams.remove_conflict", conflict)
    try:
        conflict_domain.remove_conflict(conflict=conflict)
    except ConflictRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Removed: %(conflict)s.") % {"conflict": conflict})
    return redirect("teams:conflicts")
