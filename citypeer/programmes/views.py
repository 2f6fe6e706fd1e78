"""Pages of programmes: the list, a new programme, its dashboard (reviews × steps) and a
review step's status, due date and responsible person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from rules.contrib.views import permission_required

from citypeer.common.lookup import get_programme, get_row, require
from citypeer.programmes.domain.programmes import ProgrammeError, create_programme, update_step
from citypeer.programmes.domain.queries.programmes import (
    programmes_for_dashboard,
    programmes_with_reviews,
    reviews_visible_to,
)
from citypeer.programmes.interfaces.forms import ProgrammeForm, ReviewStepForm
from citypeer.programmes.models import ReviewStep


@login_required
def programme_list(request):
    return render(request, "programmes/programme_list.html",
                  {"programmes": programmes_with_reviews()})


@permission_required("programmes.change_programme", raise_exception=True)
def programme_create(request):
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            programme = create_programme(
                name=data["name"], slug=data["slug"] or None, benchmark=data["benchmark"],
                cities=data["cities"], host_cities=data["host_cities"],
                peer_pool=data["peer_pool"], phases=form.phases(),
                team_size=data["team_size"], max_reviews_per_peer=data["max_reviews_per_peer"],
                description=data["description"],
            )
        except ProgrammeError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Programme created."))
            return redirect("programmes:detail", slug=programme.slug)
    return render(request, "programmes/programme_form.html", {"form": form})


@login_required
def programme_detail(request, slug):
    programme = get_programme(slug, queryset=programmes_for_dashboard())
    reviews = list(programme.reviews.all())
    return render(request, "programmes/programme_detail.html", {
        "programme": programme,
        "reviews": reviews_visible_to(request.user, reviews),
        "host_ids": {r.city_id for r in reviews},
        "steps": ReviewStep.Step.choices,
        "today": timezone.localdate(),
        "can_change": request.user.has_perm("programmes.change_programme", programme),
    })


def step_edit(request, slug, step_id):
    step = get_row(ReviewStep.objects.select_related("review__city", "review__programme")
                   .filter(review__programme__slug=slug), step_id)
    require(request.user, "programmes.change_review", step.review)
    form = ReviewStepForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        update_step(step=step, status=form.cleaned_data["status"],
                    due_on=form.cleaned_data["due_on"],
                    responsible=form.cleaned_data["responsible"])
        return redirect("programmes:detail", slug=slug)
    return render(request, "programmes/step_form.html", {"form": form, "step": step})
