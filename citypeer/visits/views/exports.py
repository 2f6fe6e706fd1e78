"""The interview briefs and the visit for other programs: the printable timetable, its PDF,
the JSON in the method's result format and the iCalendar of the team or of one peer."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from citypeer.common.lookup import get_review
from citypeer.visits.domain.briefs import interview_briefs
from citypeer.visits.domain.exports import timetable_pdf, visit_calendar, visit_json
from citypeer.visits.domain.visits import VisitError
from citypeer.visits.interfaces.access import data_for, visit_or_404
from citypeer.visits.interfaces.printing import print_context


def _visit_as_seen(request, review_id, permission="visits.view_visit"):
    """The review, its visit, what the user may see of it and whether they see names."""
    review = get_review(review_id, user=request.user, permission=permission)
    visit = visit_or_404(review)
    data, identities = data_for(request.user, review, visit)
    return review, visit, data, identities


def _briefs(request, review, numbers=None):
    review, visit, data, _identities = _visit_as_seen(request, review, "visits.view_briefs")
    briefs = interview_briefs(data, numbers)
    if numbers is not None and not briefs:
        raise Http404(_("No such interview."))
    return render(request, "visits/briefs.html", {"review": review, "visit": visit,
                                                  "briefs": briefs,
                                                  "desk_review": data.compiled is not None})


@login_required
def brief(request, review, number):
    return _briefs(request, review, {number})


@login_required
def briefs(request, review):
    return _briefs(request, review)


def _print_context(request, review):
    review, _visit, data, identities = _visit_as_seen(request, review)
    return print_context(review, data, identities=identities)


@login_required
def print_timetable(request, review):
    return render(request, "visits/print.html", _print_context(request, review))


@login_required
def pdf_timetable(request, review):
    context = _print_context(request, review)
    html = render_to_string("visits/print.html", context, request=request)
    pdf = timetable_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="visit-{context["review"].pk}-timetable.pdf"')
    return response


@login_required
def json_timetable(request, review):
    _review, _visit, data, identities = _visit_as_seen(request, review)
    return JsonResponse(visit_json(data, identities=identities))


@login_required
def calendar(request, review, initials=None):
    review, _visit, data, identities = _visit_as_seen(request, review)
    if initials is not None and initials not in data.peers:
        raise Http404(_("No such peer in the team."))
    try:
        body = visit_calendar(data, identities=identities, peer=initials,
                              site=request.get_host())
    except VisitError as exc:
        messages.error(request, str(exc))
        return redirect("visits:timetable", review=review.pk)
    name = f"visit-{review.pk}-{initials or 'team'}.ics"
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
