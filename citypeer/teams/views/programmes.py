"""A programme's teams: the programmes one takes part in, their teams, suggested teams and
accepting them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeer.common.lookup import require
from citypeer.programmes.models import Programme
from citypeer.teams.domain import suggestions
from citypeer.teams.domain.queries import teams as queries
from citypeer.teams.domain.refusals import SuggestionRefused
from citypeer.teams.interfaces.forms import AcceptSuggestionForm

NOT_YOUR_PROGRAMME = gettext_lazy("Your role in this programme does not allow this.")


@login_required
def index(request):
    return render(request, "teams/index.html", {
        "programmes": queries.programmes_taking_part(user=request.user)})


def _programme_page(request, programme, *, suggestion=None, problems=(), status=200):
    reviews = queries.visible_reviews(user=request.user, programme=programme)
    return render(request, "teams/programme.html", {
        "programme": programme,
        "rows": queries.team_rows(reviews),
        "can_suggest": request.user.has_perm("teams.suggest_teams", programme),
        "suggestion": suggestion,
        "problems": problems,
    }, status=status)


@login_required
def programme_teams(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    require(request.user, "teams.view_programme_teams", programme, reason=NOT_YOUR_PROGRAMME)
    return _programme_page(request, programme)


@login_required
@require_POST
def programme_suggest(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    require(request.user, "teams.suggest_teams", programme, reason=NOT_YOUR_PROGRAMME)
    suggestion = suggestions.suggest_teams(programme=programme)
    return _programme_page(request, programme, suggestion=suggestion)


@login_required
@require_POST
def programme_accept(request, slug):
    programme = get_object_or_404(Programme, slug=slug)
    require(request.user, "teams.suggest_teams", programme, reason=NOT_YOUR_PROGRAMME)
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
