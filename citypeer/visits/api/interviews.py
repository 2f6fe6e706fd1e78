"""The planned interviews through the API, and changes by hand: move, swap, lock, unlock,
cancel. Each change answers with the checker's warnings and the coverage at once; a change is
stored even when the checker finds something wrong with it."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.common.api import BAD_INPUT, edit_count_from
from citypeer.common.lookup import get_review
from citypeer.visits.domain.plan import (
    cancel_interview,
    check_plan,
    move_interview,
    set_locked,
    swap_interviews,
)
from citypeer.visits.domain.queries import interview_numbered, interviews_in_full
from citypeer.visits.interfaces.access import data_for, visit_or_404
from citypeer.visits.interfaces.serializers import (
    STALE_OR_REFUSED,
    VisitCheckSerializer,
    VisitEditCountSerializer,
    VisitInterviewSerializer,
    VisitSwapSerializer,
)
from citypeer.visits.method.results import coverage_to_dicts, warnings_to_dicts

CHANGE_RESPONSES = {200: VisitCheckSerializer, 400: BAD_INPUT, 409: STALE_OR_REFUSED}


def _visible(request, review):
    """The review's visit, and how to serialize its interviews for this user."""
    review = get_review(review, user=request.user, permission="visits.view_visit")
    visit = visit_or_404(review)
    context = {"slot_minutes": visit.slot_minutes,
               "identities": request.user.has_perm("visits.view_identities", review)}
    return visit, context


def _interview(visit, number):
    row = interview_numbered(visit, number)
    if row is None:
        raise Http404
    return row


def _checked(request, review, visit) -> Response:
    """The plan now, as the checker sees it (and as the user may see it)."""
    visit.refresh_from_db()
    data, _identities = data_for(request.user, review, visit)
    check = check_plan(data)
    return Response(VisitCheckSerializer({
        "edit_count": visit.edit_count, "warnings": warnings_to_dicts(check.warnings),
        "coverage": coverage_to_dicts(check.coverage)}).data)


class InterviewList(APIView):
    """The planned interviews; `name` is null for those who may not see identities."""

    @extend_schema(responses=VisitInterviewSerializer(many=True), operation_id="interviews_list")
    def get(self, request, review):
        visit, context = _visible(request, review)
        return Response(VisitInterviewSerializer(interviews_in_full(visit), many=True,
                                                 context=context).data)


class InterviewDetail(APIView):
    @extend_schema(responses=VisitInterviewSerializer, operation_id="interview_get")
    def get(self, request, review, number):
        visit, context = _visible(request, review)
        return Response(VisitInterviewSerializer(_interview(visit, number),
                                                 context=context).data)

    @extend_schema(request=VisitInterviewSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_move")
    def patch(self, request, review, number):
        """Move the interview (day, start, peers) and get the checker's warnings at once.
        The move is stored even when the checker finds something wrong."""
        review = get_review(review, user=request.user, permission="visits.plan_visit")
        visit = visit_or_404(review)
        current = _interview(visit, number)
        edit_count = edit_count_from(request)
        serializer = VisitInterviewSerializer(current, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        move = serializer.validated_data
        move_interview(visit=visit, review=review, number=number,
                       day=move.get("day", current.day),
                       start=move.get("start", current.start.strftime("%H:%M")),
                       peers=move.get("peers", [current.peer_a.initials,
                                                current.peer_b.initials]),
                       edit_count=edit_count)
        return _checked(request, review, visit)


def _change(request, review, serializer_class, do) -> Response:
    review = get_review(review, user=request.user, permission="visits.plan_visit")
    visit = visit_or_404(review)
    edit_count = edit_count_from(request)
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    do(visit, review, edit_count, serializer.validated_data)
    return _checked(request, review, visit)


class InterviewSwap(APIView):
    """Exchange the times of two interviews; each keeps its pair."""

    @extend_schema(request=VisitSwapSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_swap")
    def post(self, request, review, number):
        return _change(request, review, VisitSwapSerializer, lambda visit, review, count, data:
                       swap_interviews(visit=visit, review=review, number=number,
                                       other=data["with_number"], edit_count=count))


def _set_locked(request, review, number, locked: bool) -> Response:
    return _change(request, review, VisitEditCountSerializer, lambda visit, review, count,
                   _data: set_locked(visit=visit, review=review, number=number, locked=locked,
                                     edit_count=count))


class InterviewLock(APIView):
    """Lock the interview: re-planning does not move it."""

    @extend_schema(request=VisitEditCountSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_lock")
    def post(self, request, review, number):
        return _set_locked(request, review, number, True)


class InterviewUnlock(APIView):
    @extend_schema(request=VisitEditCountSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_unlock")
    def post(self, request, review, number):
        return _set_locked(request, review, number, False)


class InterviewCancel(APIView):
    """Take the interview off the timetable; its number is not given again."""

    @extend_schema(request=VisitEditCountSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_cancel")
    def post(self, request, review, number):
        return _change(request, review, VisitEditCountSerializer, lambda visit, review, count,
                       _data: cancel_interview(visit=visit, review=review, number=number,
                                               edit_count=count))
