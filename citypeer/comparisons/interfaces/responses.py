"""A comparison document (live or published) as a file to download: open data in one of the
formats of `exports.FORMATS`, or the PDF of the comparison page with every city's page."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from citypeer.comparisons.interfaces import charts, exports, pages


def download_response(data: dict, fmt: str, name: str) -> HttpResponse:
    if fmt not in exports.FORMATS:
        raise Http404(_("No such format."))
    response = HttpResponse(exports.export(data, fmt), content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def pdf_response(request, data: dict, name: str) -> HttpResponse:
    from weasyprint import HTML  # imported late: it loads Pango, which pages without a PDF skip

    radar = charts.Radar(data)
    cities = [pages.city_context(data, c["slug"], radar=radar, bitmap=True)
              for c in data["cities"]]
    html = render_to_string("comparisons/comparison_pdf.html",
                            {**pages.comparison_context(data), "cities": cities},
                            request=request)
    response = HttpResponse(HTML(string=html, base_url=request.build_absolute_uri("/"))
                            .write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response
