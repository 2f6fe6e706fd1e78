"""The visit itself through the API: its settings, planning it, the stored plan, and the
exports (PDF, iCalendar)."""

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, EDIT_CONFLICT, REFUSED, edit_count_from
from citypeer.common.lookup import get_review
from citypeer.visits.domain.exports import timetable_pdf, visit_calendar, visit_json
from citypeer.visits.domain.plan import solve_visit
from citypeer.visits.domain.queries import visit_of
from citypeer.visits.domain.visits import create_visit, update_visit
from citypeer.visits.interfaces.access import data_for, visit_or_404
from citypeer.visits.interfaces.printing import print_context
from citypeer.visits.interfaces.serializers import (
    STALE_OR_REFUSED,
    VisitResultSerializer,
    VisitSerializer,
    VisitSolveSerializer,
)


class VisitDetail(APIView):
    """The review's visit: its days, fixed blocks and limits, and the state of its plan."""

    @extend_schema(responses=VisitSerializer, operation_id="visit_get")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="visits.view_visit")
        return Response(VisitSerializer(visit_or_404(review)).data)

    @extend_schema(request=None, responses={200: VisitSerializer, 201: VisitSerializer},
                   operation_id="visit_create")
    def post(self, request, review):
        """Create the visit with the seed's template (or get it, if it exists)."""
        review = get_review(review, user=request.user, permission="visits.plan_visit")
        existed = visit_of(review) is not None
        visit = create_visit(review=review)
        return Response(VisitSerializer(visit).data,
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    @extend_schema(request=VisitSerializer, responses={200: VisitSerializer, 400: BAD_INPUT,
                                                       409: EDIT_CONFLICT},
                   operation_id="visit_update")
    def patch(self, request, review):
        """Change settings; `edit_count` is required."""
        review = get_review(review, user=request.user, permission="visits.plan_visit")
        visit = visit_or_404(review)
        edit_count = edit_count_from(request)
        serializer = VisitSerializer(visit, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        changes.pop("edit_count", None)
        visit = update_visit(visit=visit, changes=changes, edit_count=edit_count)
        return Response(VisitSerializer(visit).data)


def _result(request, review, visit) -> Response:
    data, identities = data_for(request.user, review, visit)
    return Response(VisitResultSerializer(visit_json(data, identities=identities)).data)


class Solve(APIView):
    """Plan the visit (or re-plan it: locked interviews stay, as few others as possible
    move) within `time_limit` seconds, and store the plan."""

    @extend_schema(request=VisitSolveSerializer,
                   responses={200: VisitResultSerializer, 400: BAD_INPUT,
                              409: STALE_OR_REFUSED},
                   operation_id="visit_solve")
    def post(self, request, review):
        review = get_review(review, user=request.user, permission="visits.plan_visit")
        visit = visit_or_404(review)
        edit_count = edit_count_from(request)
        serializer = VisitSolveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        solve_visit(visit=visit, review=review, edit_count=edit_count,
                    time_limit=serializer.validated_data["time_limit"])
        visit.refresh_from_db()
        return _result(request, review, visit)


class StoredTimetable(APIView):
    """The stored plan in the method's result format, checked afresh."""

    @extend_schema(responses=VisitResultSerializer, operation_id="visit_timetable")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="visits.view_visit")
        return _result(request, review, visit_or_404(review))


class CalendarRenderer(BaseRenderer):
    media_type = "text/calendar"
    format = "ics"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class PDFRenderer(BaseRenderer):
    media_type = "application/pdf"
    format = "pdf"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class ErrorsAsJSON:
    """An export's refusals (403, 404, 409) are JSON, whatever the export's own media type."""

    def finalize_response(self, request, response, *args, **kwargs):
        if getattr(response, "exception", False):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


class TimetablePDF(ErrorsAsJSON, APIView):
    """The printable timetable as PDF."""

    renderer_classes = [PDFRenderer, JSONRenderer]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY},
                   operation_id="visit_timetable_pdf")
    def get(self, request, review):
        review = get_review(review, user=request.user, permission="visits.view_visit")
        data, identities = data_for(request.user, review, visit_or_404(review))
        html = render_to_string("visits/print.html",
                                print_context(review, data, identities=identities))
        return HttpResponse(timetable_pdf(html), content_type="application/pdf")


class Calendar(ErrorsAsJSON, APIView):
    """The team's calendar (iCalendar, RFC 5545), or one peer's with their initials."""

    renderer_classes = [CalendarRenderer, JSONRenderer]

    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR,
                              (409, "application/json"): REFUSED},
                   operation_id="visit_calendar")
    def get(self, request, review, initials=None):
        review = get_review(review, user=request.user, permission="visits.view_visit")
        data, identities = data_for(request.user, review, visit_or_404(review))
        if initials is not None and initials not in data.peers:
            raise Http404
        body = visit_calendar(data, identities=identities, peer=initials,
                              site=request.get_host())
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class PeerCalendar(Calendar):
    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR,
                              (409, "application/json"): REFUSED},
                   operation_id="visit_peer_calendar")
    def get(self, request, review, initials=None):
        return super().get(request, review, initials)
