"""Training sessions (step 2): the sessions of a programme, who attended, the materials
handed out (served only to the programme's people) and the leaders appointed there."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_row, require
from citypeer.programmes.models import Programme
from citypeer.teams.domain import training
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.domain.refusals import AssignmentRefused, MaterialRefused, TrainingRefused
from citypeer.teams.interfaces.forms import (
    AppointLeaderForm,
    AttendanceForm,
    MaterialForm,
    TrainingEventForm,
)
from citypeer.teams.views.programmes import NOT_YOUR_PROGRAMME

NO_SUCH_SESSION = gettext_lazy("No such training session.")


@login_required
def training_list(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    require(request.user, "teams.view_training", programme, reason=NOT_YOUR_PROGRAMME)
    can_change = request.user.has_perm("teams.change_training", programme)
    form = None
    if can_change:
        form = TrainingEventForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                event = training.create_training_event(programme=programme, **form.cleaned_data)
            except TrainingRefused as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Training session created: %(event)s.")
                                 % {"event": event})
                return redirect("teams:training_event", pk=event.pk)
    elif request.method == "POST":
        raise PermissionDenied(NOT_YOUR_PROGRAMME)
    return render(request, "teams/training_list.html", {
        "programme": programme,
        "events": queries.training_events(programme=programme),
        "form": form,
    })


def _event_page(request, event, *, attendance_form=None, material_form=None,
                leader_form=None, status=200):
    can_change = request.user.has_perm("teams.change_training", event.programme)
    invited = training.invited_people(event=event)
    attended = {a.person_id for a in event.attendance.all() if a.attended}
    context = {
        "event": event,
        "programme": event.programme,
        "materials": list(event.materials.all()),
        "leaders": queries.leaders_appointed_at(event=event),
        "can_change": can_change,
    }
    if can_change:
        context.update({
            "attendance_form": attendance_form or AttendanceForm(
                people=invited, initial={"present": sorted(attended)}),
            "material_form": material_form or MaterialForm(),
            "leader_form": leader_form or AppointLeaderForm(event=event),
        })
    else:
        context["attendees"] = [u for u in invited if u.pk in attended]
    return render(request, "teams/training_event.html", context, status=status)


def _event(request, pk, permission):
    """The session (404 if there is none), if `request.user` may act on its programme."""
    event = get_row(queries.training_events_in_full(), pk, message=NO_SUCH_SESSION)
    require(request.user, permission, event.programme, reason=NOT_YOUR_PROGRAMME)
    return event


@login_required
def training_event(request, pk):
    return _event_page(request, _event(request, pk, "teams.view_training"))


@login_required
@require_POST
def training_attendance(request, pk):
    event = _event(request, pk, "teams.change_training")
    form = AttendanceForm(request.POST, people=training.invited_people(event=event))
    if form.is_valid():
        try:
            training.record_attendance(event=event, present=form.cleaned_data["present"])
        except TrainingRefused as exc:
            form.add_error("present", exc.message)
        else:
            messages.success(request, _("Attendance saved."))
            return redirect("teams:training_event", pk=event.pk)
    return _event_page(request, event, attendance_form=form)


@login_required
@require_POST
def training_material_add(request, pk):
    event = _event(request, pk, "teams.change_training")
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            material = training.add_material(
                event=event, title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"], uploaded_by=request.user,
            )
        except MaterialRefused as exc:
            form.add_error("file", exc.message)
        else:
            messages.success(request, _("Material added: %(title)s.")
                             % {"title": material.title})
            return redirect("teams:training_event", pk=event.pk)
    return _event_page(request, event, material_form=form)


@login_required
@require_POST
def training_appoint(request, pk):
    event = _event(request, pk, "teams.change_training")
    form = AppointLeaderForm(request.POST, event=event)
    if form.is_valid():
        review, person = form.cleaned_data["review"], form.cleaned_data["person"]
        try:
            training.appoint_leader(event=event, review=review, person=person)
        except (TrainingRefused, AssignmentRefused) as exc:
            form.add_error("person", exc.message)
        else:
            messages.success(request, _("%(person)s leads the team for %(city)s.")
                             % {"person": person, "city": review.city})
            return redirect("teams:training_event", pk=event.pk)
    return _event_page(request, event, leader_form=form)


@login_required
def material_download(request, pk):
    """The only way to a stored material: MEDIA_ROOT is not served by the web server."""
    material = get_row(queries.materials(), pk)
    require(request.user, "teams.view_training_material", material,
            reason=NOT_YOUR_PROGRAMME)
    try:
        handle = material.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404(_("The file is missing from storage.")) from exc
    response = FileResponse(handle, as_attachment=True, filename=material.original_name,
                            content_type=material.content_type)
    # Even if a browser were asked to show it, a stored file runs no script of ours.
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def material_remove(request, pk):
    material = get_row(queries.materials(), pk)
    require(request.user, "teams.change_training", material.event.programme,
            reason=NOT_YOUR_PROGRAMME)
    event_id = material.event_id
    training.remove_material(material=material)
    messages.success(request, _("Material removed: %(title)s.") % {"title": material.title})
    return redirect("teams:training_event", pk=event_id)
