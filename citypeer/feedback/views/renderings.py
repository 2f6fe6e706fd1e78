"""Reading the report as the host city reads it, and its downloads: a PDF, DOCX or HTML made
in the background, whose state the page polls (htmx), then the file."""

from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeer.common.lookup import get_review, get_row
from citypeer.feedback.domain.document import report_document
from citypeer.feedback.domain.queries import composed_report, recent_renderings, renderings_of
from citypeer.feedback.domain.rendering import CONTENT_TYPES, FORMATS
from citypeer.feedback.domain.renderings import start_rendering


@login_required
def read(request, review):
    """The report as the host city reads it (and the team before release)."""
    review = get_review(review, user=request.user, permission="feedback.view_report")
    report = composed_report(review)
    return render(request, "feedback/read.html", {
        "review": review, "report": report, "doc": report_document(review, report=report),
        "formats": FORMATS,
        "renderings": recent_renderings(report, requested_by=request.user),
    })


@require_POST
@login_required
def start_render(request, review, fmt):
    review = get_review(review, user=request.user, permission="feedback.view_report")
    report = composed_report(review)
    if fmt not in FORMATS:
        raise Http404(_("No such format."))
    rendering = start_rendering(report=report, fmt=fmt, by=request.user)
    return redirect("feedback:rendering", review=review.pk, pk=rendering.pk)


@login_required
def rendering(request, review, pk):
    review = get_review(review, user=request.user, permission="feedback.view_report")
    rendering = get_row(renderings_of(review), pk)
    template = ("feedback/_rendering.html" if request.headers.get("HX-Request") == "true"
                else "feedback/rendering.html")
    return render(request, template, {"review": review, "rendering": rendering})


@login_required
def rendering_file(request, review, pk):
    review = get_review(review, user=request.user, permission="feedback.view_report")
    rendering = get_row(renderings_of(review, done=True), pk)
    path = Path(rendering.path)
    if not path.is_file():
        raise Http404(_("The file is gone; make it again."))
    name = f"citypeer-report-{review.city.slug}.{rendering.format}"
    return FileResponse(path.open("rb"), as_attachment=True, filename=name,
                        content_type=CONTENT_TYPES[rendering.format])
