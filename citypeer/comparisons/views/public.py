"""The public pages of a published comparison: readable without an account, they read
nothing but the published snapshot."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from citypeer.comparisons.domain.comparisons import published_data
from citypeer.comparisons.domain.queries import published_comparisons
from citypeer.comparisons.interfaces import pages
from citypeer.comparisons.interfaces.responses import download_response, pdf_response


def _published(slug):
    data = published_data(slug=slug)
    if data is None:
        raise Http404(_("No published comparison here."))
    return data


def public_index(request):
    return render(request, "comparisons/public_index.html",
                  {"published": published_comparisons()})


def public(request, slug):
    return render(request, "comparisons/comparison.html",
                  {**pages.comparison_context(_published(slug)), "public": True, "slug": slug})


def public_city(request, slug, city):
    data = _published(slug)
    context = pages.city_context(data, city)
    if context is None:
        raise Http404(_("This city is not in this comparison."))
    return render(request, "comparisons/city.html",
                  {**context, "data": data, "public": True, "slug": slug})


def public_download(request, slug, fmt):
    return download_response(_published(slug), fmt, f"{slug}-comparison")


def public_pdf(request, slug):
    return pdf_response(request, _published(slug), f"{slug}-comparison")
