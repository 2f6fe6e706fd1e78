"""Pages: a programme's teams and suggested teams, a review's team, conflicts of interest,
training sessions and their materials. Coordinators manage; team members and the host
city's officers see their team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.people.models import User
from citypeer.people.rules import is_coordinator
from citypeer.programmes.models import Programme
from citypeer.teams.domain import conflicts as conflict_domain
from citypeer.teams.domain import membership, suggestions, training
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.domain.refusals import (
    AssignmentRefused,
    ConflictRefused,
    SuggestionRefused,
    TrainingRefused,
    UploadRefused,
)
from citypeer.teams.interfaces.forms import (
    AcceptSuggestionForm,
    AppointLeaderForm,
    AssignMemberForm,
    AttendanceForm,
    ConflictForm,
    LeaderForm,
    MaterialForm,
    TrainingEventForm,
)
from citypeer.teams.models import Conflict, TeamMember, TrainingMaterial


def _require(request, permission, obj=None):
    if not request.user.has_perm(permission, obj):
        raise PermissionDenied


# -- programmes and their teams ---------------------------------------------------------------

@login_required
def index(request):
    programmes = Programme.objects.select_related("benchmark").order_by("name")
    user = request.user
    if not is_coordinator(user):
        mine = Q(peer_pool=user) | Q(reviews__team__members__person=user)
        if user.is_host_officer and user.city_id is not None:
            mine |= Q(reviews__city_id=user.city_id)
        programmes = programmes.filter(mine).distinct()
    return render(request, "teams/index.html", {"programmes": programmes})


def _team_rows(reviews):
    rows = []
    for review in reviews:
        members = queries.members_of(review)
        rows.append({
            "review": review,
            "team": queries.team_or_none(review),
            "peers": [m for m in members if m.role == TeamMember.Role.PEER],
            "experts": [m for m in members if m.role == TeamMember.Role.EXPERT],
        })
    return rows


def _programme_page(request, programme, *, suggestion=None, problems=(), status=200):
    reviews = list(queries.visible_reviews(user=request.user, programme=programme))
    return render(request, "teams/programme.html", {
        "programme": programme,
        "rows": _team_rows(reviews),
        "can_suggest": request.user.has_perm("teams.suggest_teams", programme),
        "suggestion": suggestion,
        "problems": problems,
    }, status=status)


@login_required
def programme_teams(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    _require(request, "teams.view_programme_teams", programme)
    return _programme_page(request, programme)


@login_required
@require_POST
def programme_suggest(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    _require(request, "teams.suggest_teams", programme)
    suggestion = suggestions.suggest_teams(programme=programme)
    return _programme_page(request, programme, suggestion=suggestion)


@login_required
@require_POST
def programme_accept(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    _require(request, "teams.suggest_teams", programme)
    form = AcceptSuggestionForm(request.POST)
    if not form.is_valid():
        return _programme_page(request, programme, problems=form.non_field_errors(), status=400)
    try:
        created = suggestions.accept_suggestion(
            programme=programme, assignments=form.assignments
        )
    except SuggestionRefused as exc:
        return _programme_page(request, programme, problems=exc.problems, status=409)
    messages.success(request, _("Teams accepted: %(count)d peers added.")
                     % {"count": len(created)})
    return redirect("teams:programme", slug=programme.slug)


# -- one review's team ------------------------------------------------------------------------

def _review(request, review_id, permission="teams.view_team"):
    review = queries.review_with_team(review_id)
    if review is None:
        raise Http404(_("No such review."))
    _require(request, permission, review)
    return review


def _team_page(request, review, *, add_form=None, leader_form=None, status=200):
    can_change = request.user.has_perm("teams.change_team", review)
    members = queries.members_of(review)
    # A conflict declared after someone joined is shown beside them: the coordinator decides.
    stored = queries.conflicts_for(review=review)
    member_rows = []
    for m in members:
        reasons = [str(c.get_kind_display()) for c in stored.get(m.person_id, [])]
        if m.person.city_id == review.city_id:
            reasons.insert(0, str(Conflict.Kind.OWN_CITY.label))
        member_rows.append({"member": m, "conflicts": reasons})
    return render(request, "teams/team.html", {
        "review": review,
        "team": queries.team_or_none(review),
        "member_rows": member_rows,
        "can_change": can_change,
        "add_form": add_form or (AssignMemberForm(review=review) if can_change else None),
        "leader_form": leader_form or (
            LeaderForm(review=review) if can_change and members else None
        ),
    }, status=status)


@login_required
def team_detail(request, review):
    return _team_page(request, _review(request, review))


@login_required
@require_POST
def team_add(request, review):
    review = _review(request, review, "teams.change_team")
    form = AssignMemberForm(request.POST, review=review)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            membership.assign_member(review=review, person=person,
                                     role=form.cleaned_data["role"])
        except AssignmentRefused as exc:
            form.add_error("person", exc.message)
        else:
            messages.success(request, _("%(person)s joined the team for %(city)s.")
                             % {"person": person, "city": review.city})
            return redirect("teams:team", review=review.pk)
    return _team_page(request, review, add_form=form)


@login_required
@require_POST
def team_remove(request, review, person):
    review = _review(request, review, "teams.change_team")
    person = get_object_or_404(User, pk=person)
    try:
        membership.remove_member(review=review, person=person)
    except AssignmentRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(person)s left the team for %(city)s.")
                         % {"person": person, "city": review.city})
    return redirect("teams:team", review=review.pk)


@login_required
@require_POST
def team_leader(request, review):
    review = _review(request, review, "teams.change_team")
    form = LeaderForm(request.POST, review=review)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            membership.set_leader(review=review, person=person,
                                  appointed_at=form.cleaned_data["appointed_at"])
        except AssignmentRefused as exc:
            form.add_error("person", exc.message)
        else:
            messages.success(request, _("%(person)s leads the team for %(city)s.")
                             % {"person": person, "city": review.city})
            return redirect("teams:team", review=review.pk)
    return _team_page(request, review, leader_form=form)


# -- conflicts of interest --------------------------------------------------------------------

@login_required
def conflict_list(request):
    _require(request, "teams.list_conflicts")
    coordinator = bool(is_coordinator(request.user))
    form = ConflictForm(request.POST or None, user=request.user, coordinator=coordinator)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        _require(request, "teams.declare_conflict", person)
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


def _conflict(request, pk, permission):
    conflict = get_object_or_404(Conflict.objects.select_related("person", "city"), pk=pk)
    if not request.user.has_perm("teams.view_conflict", conflict):
        raise Http404(_("No such conflict."))
    _require(request, permission, conflict)
    return conflict


@login_required
@require_POST
def conflict_pin(request, pk):
    conflict = conflict_domain.pin_conflict(
        conflict=_conflict(request, pk, "teams.pin_conflict"))
    messages.success(request, _("Pinned: %(conflict)s.") % {"conflict": conflict})
    return redirect("teams:conflicts")


@login_required
@require_POST
def conflict_unpin(request, pk):
    conflict = conflict_domain.unpin_conflict(
        conflict=_conflict(request, pk, "teams.pin_conflict"))
    messages.success(request, _("Unpinned: %(conflict)s.") % {"conflict": conflict})
    return redirect("teams:conflicts")


@login_required
@require_POST
def conflict_remove(request, pk):
    conflict = get_object_or_404(Conflict.objects.select_related("person", "city"), pk=pk)
    if not request.user.has_perm("teams.view_conflict", conflict):
        raise Http404(_("No such conflict."))
    if conflict.pinned:
        messages.error(request, _("The conflict %(conflict)s is pinned: the coordinator must "
                                  "unpin it before it can be removed.") % {"conflict": conflict})
        return redirect("teams:conflicts")
    _require(request, "teams.remove_conflict", conflict)
    try:
        conflict_domain.remove_conflict(conflict=conflict)
    except ConflictRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Removed: %(conflict)s.") % {"conflict": conflict})
    return redirect("teams:conflicts")


# -- training ---------------------------------------------------------------------------------

@login_required
def training_list(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    _require(request, "teams.view_training", programme)
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
        raise PermissionDenied
    return render(request, "teams/training_list.html", {
        "programme": programme,
        "events": queries.training_events(programme=programme),
        "form": form,
    })


def _event(request, pk, permission="teams.view_training"):
    event = queries.training_event_in_full(pk)
    if event is None:
        raise Http404(_("No such training session."))
    _require(request, permission, event.programme)
    return event


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


@login_required
def training_event(request, pk):
    return _event_page(request, _event(request, pk))


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
        except UploadRefused as exc:
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


def _material(request, pk, permission):
    material = get_object_or_404(
        TrainingMaterial.objects.select_related("event__programme"), pk=pk
    )
    _require(request, permission, material)
    return material


@login_required
def material_download(request, pk):
    """The only way to a stored material: MEDIA_ROOT is not served by the web server."""
    material = _material(request, pk, "teams.view_training_material")
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
    material = get_object_or_404(TrainingMaterial.objects.select_related("event__programme"),
                                 pk=pk)
    _require(request, "teams.change_training", material.event.programme)
    event_id = material.event_id
    training.remove_material(material=material)
    messages.success(request, _("Material removed: %(title)s.") % {"title": material.title})
    return redirect("teams:training_event", pk=event_id)

