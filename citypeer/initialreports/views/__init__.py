"""Pages of the host city's initial report, one module per page group. Every view receives
`review` (the review's id) from the URL it is mounted at and checks the report's
permissions at object level (`interfaces.access.load_report`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def overview_url(review) -> str:
    return reverse("initialreports:overview", kwargs={"review": review.pk})


def back_to_overview(request, review, locked):
    """The report was locked in the meantime: say so on the overview."""
    messages.error(request, str(locked))
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = overview_url(review)
        return response
    return redirect(overview_url(review))
