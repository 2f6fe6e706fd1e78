"""The catalogue of good practices: search, one practice, adding one found in a review, and
the practices to learn from where a reviewed city falls short."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.lookup import get_review, get_row
from citypeer.practices.domain.practices import add_review_practice
from citypeer.practices.domain.queries import search_practices, visible_practices
from citypeer.practices.domain.suggestions import suggestions_for_review
from citypeer.practices.interfaces.forms import PracticeForm, PracticeSearchForm


@login_required
def catalogue(request):
    form = PracticeSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    practices = search_practices(
        visible_practices(request.user), text=criteria.get("q", ""),
        indicator=criteria.get("indicator", ""), pillar=criteria.get("pillar", ""),
        key_factor=criteria.get("key_factor", ""), city=criteria.get("city", ""),
    )
    page = Paginator(practices, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "practices/catalogue.html",
                  {"form": form, "page": page, "query": query.urlencode()})


@login_required
def detail(request, pk):
    practice = get_row(visible_practices(request.user), pk, message=_("No such practice."))
    return render(request, "practices/detail.html", {"practice": practice})


@login_required
def add(request, review):
    review = get_review(review, user=request.user, permission="practices.add_practice")
    form = PracticeForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        practice = add_review_practice(review=review, data=form.cleaned_data,
                                       indicators=form.cleaned_data["indicators"],
                                       user=request.user)
        messages.success(request, _("The practice is in the catalogue."))
        return redirect("practices:detail", pk=practice.pk)
    return render(request, "practices/add.html", {"form": form, "review": review})


@login_required
def suggestions(request, review):
    review = get_review(review, user=request.user, permission="practices.view_suggestions")
    return render(request, "practices/suggestions.html", {
        "review": review,
        "suggestions": suggestions_for_review(review=review, user=request.user),
    })
