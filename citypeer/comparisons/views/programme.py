"""The programme's comparison for those taking part: the page, a city's page, the PDF and the
downloads of today's data, and publishing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_programme
from citypeer.comparisons.domain.comparisons import (
    NotComparable,
    comparison_data,
    publish_comparison,
    unpublish_comparison,
)
from citypeer.comparisons.domain.over_time import change_since_previous_review
from citypeer.comparisons.domain.queries import publication_of, review_of
from citypeer.comparisons.interfaces import pages
from citypeer.comparisons.interfaces.responses import download_response, pdf_response

VIEW, PUBLISH = "comparisons.view_comparison", "comparisons.publish_comparison"


@login_required
def programme(request, slug):
    programme = get_programme(slug, user=request.user, permission=VIEW)
    data = comparison_data(programme=programme)
    return render(request, "comparisons/comparison.html", {
        **pages.comparison_context(data), "programme": programme, "public": False,
        "published": publication_of(programme),
        "can_publish": request.user.has_perm(PUBLISH, programme),
    })


@login_required
def city(request, slug, city):
    programme = get_programme(slug, user=request.user, permission=VIEW)
    data = comparison_data(programme=programme)
    context = pages.city_context(data, city)
    if context is None:
        raise Http404(_("This city is not reviewed in this programme."))
    review = review_of(programme, city)
    return render(request, "comparisons/city.html", {
        **context, "data": data, "programme": programme, "public": False, "review": review,
        "over_time": change_since_previous_review(review) if review else None,
    })


@login_required
def download(request, slug, fmt):
    programme = get_programme(slug, user=request.user, permission=VIEW)
    return download_response(comparison_data(programme=programme), fmt,
                             f"{programme.slug}-comparison")


@login_required
def pdf(request, slug):
    programme = get_programme(slug, user=request.user, permission=VIEW)
    return pdf_response(request, comparison_data(programme=programme),
                        f"{programme.slug}-comparison")


@login_required
@require_POST
def publish(request, slug):
    programme = get_programme(slug, user=request.user, permission=PUBLISH)
    try:
        publish_comparison(programme=programme, user=request.user)
    except NotComparable as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The comparison is published: anyone can read its public "
                                    "page and download its data."))
    return redirect("comparisons:programme", slug=programme.slug)


@login_required
@require_POST
def unpublish(request, slug):
    programme = get_programme(slug, user=request.user, permission=PUBLISH)
    if unpublish_comparison(programme=programme):
        messages.success(request, _("The comparison is no longer public."))
    return redirect("comparisons:programme", slug=programme.slug)
