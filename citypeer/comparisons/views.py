"""Pages of the comparison across cities: the programme's comparison for those taking part,
its PDF and downloads, publishing; and the public pages of a published comparison, which
read nothing but the published snapshot."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.comparisons.domain.comparisons import (
    NotComparable,
    comparison_data,
    publish_comparison,
    published_data,
    unpublish_comparison,
)
from citypeer.comparisons.domain.queries import programme_for_comparison
from citypeer.comparisons.interfaces import charts, exports, pages
from citypeer.comparisons.models import PublishedComparison
from citypeer.programmes.models import Review


def _programme(slug, user, permission="comparisons.view_comparison"):
    programme = programme_for_comparison(slug)
    if programme is None:
        raise Http404(_("No such programme."))
    if not user.has_perm(permission, programme):
        raise PermissionDenied
    return programme


def _data(programme):
    try:
        return comparison_data(programme=programme)
    except NotComparable as exc:
        raise Http404(str(exc)) from exc


def _page_context(data):
    return {"data": data, "matrix": pages.matrix(data),
            "heat_map": charts.heat_map_svg(data),
            "distributions": charts.distributions_svg(data)}


def _download(data, fmt, name):
    if fmt not in exports.FORMATS:
        raise Http404(_("No such format."))
    response = HttpResponse(exports.export(data, fmt), content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _pdf(request, data, name):
    from weasyprint import HTML  # imported late: it loads Pango, which pages without a PDF skip

    radar = charts.Radar(data)
    cities = [pages.city_context(data, c["slug"], radar=radar, bitmap=True)
              for c in data["cities"]]
    html = render_to_string("comparisons/comparison_pdf.html",
                            {**_page_context(data), "cities": cities}, request=request)
    response = HttpResponse(HTML(string=html, base_url=request.build_absolute_uri("/"))
                            .write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@login_required
def programme(request, slug):
    programme = _programme(slug, request.user)
    data = _data(programme)
    published = (PublishedComparison.objects.filter(programme=programme)
                 .only("published_at", "programme_id").first())
    return render(request, "comparisons/comparison.html", {
        **_page_context(data), "programme": programme, "public": False,
        "published": published,
        "can_publish": request.user.has_perm("comparisons.publish_comparison", programme),
    })


@login_required
def city(request, slug, city):
    programme = _programme(slug, request.user)
    data = _data(programme)
    context = pages.city_context(data, city)
    if context is None:
        raise Http404(_("This city is not reviewed in this programme."))
    review = Review.objects.filter(programme=programme, city__slug=city).first()
    from citypeer.comparisons.domain.over_time import change_since_previous_review

    return render(request, "comparisons/city.html", {
        **context, "data": data, "programme": programme, "public": False, "review": review,
        "over_time": change_since_previous_review(review) if review else None,
    })


@login_required
def download(request, slug, fmt):
    programme = _programme(slug, request.user)
    return _download(_data(programme), fmt, f"{programme.slug}-comparison")


@login_required
def pdf(request, slug):
    programme = _programme(slug, request.user)
    return _pdf(request, _data(programme), f"{programme.slug}-comparison")


@login_required
@require_POST
def publish(request, slug):
    programme = _programme(slug, request.user, "comparisons.publish_comparison")
    try:
        publish_comparison(programme=programme, user=request.user)
    except NotComparable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The comparison is published: anyone can read its public "
                                    "page and download its data."))
    return redirect("comparisons:programme", slug=programme.slug)


@login_required
@require_POST
def unpublish(request, slug):
    programme = _programme(slug, request.user, "comparisons.publish_comparison")
    if unpublish_comparison(programme=programme):
        messages.success(request, _("The comparison is no longer public."))
    return redirect("comparisons:programme", slug=programme.slug)


# --- public: the published snapshot only --------------------------------------------------

def _published(slug):
    data = published_data(slug=slug)
    if data is None:
        raise Http404(_("No published comparison here."))
    return data


def public_index(request):
    rows = (PublishedComparison.objects.select_related("programme")
            .only("published_at", "programme__slug", "programme__name")
            .order_by("programme__name"))
    return render(request, "comparisons/public_index.html", {"published": rows})


def public(request, slug):
    data = _published(slug)
    return render(request, "comparisons/comparison.html",
                  {**_page_context(data), "public": True, "slug": slug})


def public_city(request, slug, city):
    data = _published(slug)
    context = pages.city_context(data, city)
    if context is None:
        raise Http404(_("This city is not in this comparison."))
    return render(request, "comparisons/city.html",
                  {**context, "data": data, "public": True, "slug": slug})


def public_download(request, slug, fmt):
    return _download(_published(slug), fmt, f"{slug}-comparison")


def public_pdf(request, slug):
    return _pdf(request, _published(slug), f"{slug}-comparison")
