"""One review's team: its members, each with the conflicts of interest they have with the
host city, and its leader; the coordinator adds and removes members and names the leader."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_review
from citypeer.people.models import User
from citypeer.teams.domain import membership
from citypeer.teams.domain.conflicts import flag_members
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.domain.refusals import AssignmentRefused
from citypeer.teams.interfaces.forms import AssignMemberForm, LeaderForm


def _team_page(request, review, *, add_form=None, leader_form=None, status=200):
    can_change = request.user.has_perm("teams.change_team", review)
    members = queries.members_of(review)
    return render(request, "teams/team.html", {
        "review": review,
        "team": queries.team_or_none(review),
        "member_rows": flag_members(review=review, members=members),
        "can_change": can_change,
        "add_form": add_form or (AssignMemberForm(review=review) if can_change else None),
        "leader_form": leader_form or (
            LeaderForm(review=review) if can_change and members else None
        ),
    }, status=status)


@login_required
def team_detail(request, review):
    return _team_page(request, get_review(review, user=request.user,
                                          permission="teams.view_team",
                                          queryset=queries.reviews_with_teams()))


def _post_team_form(request, review_id, form_class, form_name: str, change, done: str):
    """The coordinator's form on the team page: when it is valid, `change(review, person,
    cleaned_data)` and back to the team; a refusal becomes the form's error on the person,
    and the page is shown again with the form."""
    review = get_review(review_id, user=request.user, permission="teams.change_team",
                        queryset=queries.reviews_with_teams())
    form = form_class(request.POST, review=review)
    if form.is_valid():
        person = form.cleaned_data["person"]
        try:
            change(review, person, form.cleaned_data)
        except AssignmentRefused as exc:
            form.add_error("person", exc.message)
        else:
            messages.success(request, done % {"person": person, "city": review.city})
            return redirect("teams:team", review=review.pk)
    return _team_page(request, review, **{form_name: form})


@login_required
@require_POST
def team_add(request, review):
    return _post_team_form(
        request, review, AssignMemberForm, "add_form",
        lambda review, person, data: membership.assign_member(
            review=review, person=person, role=data["role"]),
        _("%(person)s joined the team for %(city)s."))


@login_required
@require_POST
def team_remove(request, review, person):
    review = get_review(review, user=request.user, permission="teams.change_team",
                        queryset=queries.reviews_with_teams())
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
    return _post_team_form(
        request, review, LeaderForm, "leader_form",
        lambda review, person, data: membership.set_leader(
            review=review, person=person, appointed_at=data["appointed_at"]),
        _("%(person)s leads the team for %(city)s."))
