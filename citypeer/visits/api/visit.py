"""/api/v1/ routes of this app (included by citypeer/api/urls.py): the visit, its
interviewees and interviews, planning and exports, with the same permissions as the pages.

    GET, POST, PATCH  reviews/<review>/visit/                       the visit (POST creates it)
    GET, POST         reviews/<review>/visit/interviewees/          (team and coordinator)
    POST              reviews/<review>/visit/interviewees/draw/
    GET, PATCH        reviews/<review>/visit/interviewees/<id>/
    GET               reviews/<review>/visit/interviews/
    GET, PATCH        reviews/<review>/visit/interviews/<number>/   PATCH moves it
    POST              reviews/<review>/visit/interviews/<number>/swap|lock|unlock|cancel/
    POST              reviews/<review>/visit/solve/
    GET               reviews/<review>/visit/timetable/             the core's result format
    GET               reviews/<review>/visit/timetable.pdf
    GET               reviews/<review>/visit/calendar/ and calendar/<initials>/   iCalendar

Every change names the visit `revision` it started from; an older one is answered 409. Those
who may not know interviewees' identities (the host city) see references (`P-12`) only.
"""

from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from citypeer.visits.domain.exports import timetable_pdf, visit_calendar, visit_json
from citypeer.visits.domain.grid import interview_lines, timetable_grid
from citypeer.visits.domain.interviewees import (
    add_interviewee,
    draw_interviewees,
    update_interviewee,
)
from citypeer.visits.domain.plan import (
    MAX_TIME_LIMIT,
    PAGE_TIME_LIMIT,
    cancel_interview,
    check_plan,
    move_interview,
    set_locked,
    solve_visit,
    swap_interviews,
)
from citypeer.visits.domain.queries import (
    interviewees_in_full,
    interviews_in_full,
    review_for_visit,
    visit_of,
)
from citypeer.visits.domain.visits import (
    PlanConflict,
    VisitError,
    VisitProblems,
    create_visit,
    update_visit,
)
from citypeer.visits.interfaces.access import data_for
from citypeer.visits.method.model import hhmm
from citypeer.visits.models import Interviewee

# --- serializers (they also describe the OpenAPI schema) ---------------------------------


class VisitWindowSerializer(serializers.Serializer):
    day = serializers.IntegerField(min_value=1)
    start = serializers.CharField(help_text="HH:MM")
    end = serializers.CharField(help_text="HH:MM")


class VisitBlockSerializer(serializers.Serializer):
    title = serializers.CharField()
    start = serializers.CharField()
    end = serializers.CharField()
    kind = serializers.ChoiceField(choices=["team", "host", "break", "travel"])
    peers = serializers.ListField(child=serializers.CharField(), required=False)


class VisitDaySerializer(serializers.Serializer):
    label = serializers.CharField(required=False, allow_blank=True)
    date = serializers.CharField(required=False, allow_null=True)
    start = serializers.CharField()
    end = serializers.CharField()
    blocks = VisitBlockSerializer(many=True, required=False)


class VisitSerializer(serializers.Serializer):
    """The visit's settings and the state of its plan. Days and blocks use the visit
    instance format (docs/visit-instance.md)."""

    review = serializers.IntegerField(read_only=True)
    starts_on = serializers.DateField(allow_null=True, required=False)
    timezone = serializers.CharField(required=False)
    slot_minutes = serializers.IntegerField(required=False)
    max_parallel = serializers.IntegerField(required=False, help_text="0: no limit")
    max_interviews_per_day = serializers.IntegerField(required=False)
    days = VisitDaySerializer(many=True, required=False)
    status = serializers.CharField(read_only=True, help_text="not_planned, optimal, feasible, "
                                   "infeasible, unknown or edited (changed by hand)")
    objective = serializers.FloatField(read_only=True, allow_null=True)
    bound = serializers.FloatField(read_only=True, allow_null=True)
    solved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    revision = serializers.IntegerField(min_value=0)


class VisitIntervieweeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    reference = serializers.CharField(read_only=True, help_text="P-<id>, as evidence cites")
    name = serializers.CharField(max_length=200)
    role = serializers.CharField(max_length=200, required=False, allow_blank=True)
    organisation = serializers.CharField(max_length=200, required=False, allow_blank=True)
    category = serializers.ChoiceField(choices=Interviewee.Category.choices)
    language = serializers.CharField(max_length=3, required=False, allow_blank=True)
    interpreter = serializers.BooleanField(required=False)
    required = serializers.BooleanField(required=False)
    withdrawn = serializers.BooleanField(required=False)
    availability = VisitWindowSerializer(many=True, required=False,
                                    help_text="empty: available throughout")
    indicators = serializers.ListField(child=serializers.CharField(), required=False,
                                       help_text="indicator codes")
    notes = serializers.CharField(required=False, allow_blank=True)
    revision = serializers.IntegerField(required=False, min_value=0,
                                        help_text="required to change someone")


class VisitInterviewSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    interviewee = serializers.CharField(read_only=True, help_text="reference, P-<id>")
    name = serializers.CharField(read_only=True, allow_null=True,
                                 help_text="null for those who may not see identities")
    day = serializers.IntegerField()
    start = serializers.CharField(help_text="HH:MM")
    end = serializers.CharField(read_only=True)
    peers = serializers.ListField(child=serializers.CharField(), help_text="two initials")
    locked = serializers.BooleanField(read_only=True)
    revision = serializers.IntegerField(min_value=0, write_only=True,
                                        help_text="the visit revision the move starts from")


class VisitWarningSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.ChoiceField(choices=["error", "warning"])
    message = serializers.CharField()
    interviewee = serializers.CharField(allow_null=True)
    interview = serializers.IntegerField(allow_null=True)
    peer = serializers.CharField(allow_null=True)
    workshop = serializers.CharField(allow_null=True)
    indicator = serializers.CharField(allow_null=True)
    day = serializers.IntegerField(allow_null=True)
    start = serializers.CharField(allow_null=True)


class VisitCoverageSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    status = serializers.CharField()
    target = serializers.IntegerField()
    interviewees = serializers.ListField(child=serializers.CharField())
    interviews = serializers.ListField(child=serializers.IntegerField())
    met = serializers.BooleanField()


class VisitCheckSerializer(serializers.Serializer):
    revision = serializers.IntegerField()
    warnings = VisitWarningSerializer(many=True)
    coverage = VisitCoverageSerializer(many=True)


class VisitObstacleSerializer(serializers.Serializer):
    message = serializers.CharField()
    interviewees = serializers.ListField(child=serializers.CharField())
    peers = serializers.ListField(child=serializers.CharField())
    workshops = serializers.ListField(child=serializers.CharField())


class VisitPlanInterviewSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    interviewee = serializers.CharField()
    day = serializers.IntegerField()
    start = serializers.CharField()
    end = serializers.CharField()
    peers = serializers.ListField(child=serializers.CharField())
    locked = serializers.BooleanField()


class VisitPlanWorkshopSerializer(serializers.Serializer):
    workshop = serializers.CharField()
    day = serializers.IntegerField()
    start = serializers.CharField()
    end = serializers.CharField()


class VisitPlanSerializer(serializers.Serializer):
    interviews = VisitPlanInterviewSerializer(many=True)
    workshops = VisitPlanWorkshopSerializer(many=True)


class VisitResultSerializer(serializers.Serializer):
    """The core's result format (docs/visit-instance.md): status optimal, feasible (with
    objective, bound and gap), infeasible (with the explanation) or unknown."""

    status = serializers.CharField(help_text="optimal, feasible, infeasible or unknown")
    method = serializers.CharField()
    objective = serializers.IntegerField(allow_null=True)
    bound = serializers.IntegerField(allow_null=True)
    gap = serializers.FloatField(allow_null=True)
    seconds = serializers.FloatField()
    penalties = serializers.DictField(child=serializers.IntegerField(), allow_null=True)
    timetable = VisitPlanSerializer()
    coverage = VisitCoverageSerializer(many=True)
    warnings = VisitWarningSerializer(many=True)
    explanation = VisitObstacleSerializer(many=True)
    moved = serializers.ListField(child=serializers.CharField())
    visit_status = serializers.CharField(required=False)
    revision = serializers.IntegerField(required=False)


class VisitSolveSerializer(serializers.Serializer):
    time_limit = serializers.FloatField(required=False, default=PAGE_TIME_LIMIT,
                                        min_value=0.1, max_value=MAX_TIME_LIMIT)
    revision = serializers.IntegerField(min_value=0)


class VisitRevisionSerializer(serializers.Serializer):
    revision = serializers.IntegerField(min_value=0)


class VisitSwapSerializer(VisitRevisionSerializer):
    with_number = serializers.IntegerField(help_text="the other interview's number")


class VisitDrawnSerializer(serializers.Serializer):
    added = serializers.IntegerField()
    updated = serializers.IntegerField()


class VisitDetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class VisitProblemsSerializer(serializers.Serializer):
    detail = serializers.CharField()
    problems = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))


class VisitConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = serializers.IntegerField()
    yours = serializers.IntegerField()


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


# --- helpers -----------------------------------------------------------------------------

def _review(review_id):
    review = review_for_visit(review_id)
    if review is None:
        raise Http404
    return review


def _require(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _visit(review):
    visit = visit_of(review)
    if visit is None:
        raise Http404
    return visit


def _visit_out(visit) -> dict:
    return {
        "review": visit.review_id, "starts_on": visit.starts_on, "timezone": visit.timezone,
        "slot_minutes": visit.slot_minutes, "max_parallel": visit.max_parallel,
        "max_interviews_per_day": visit.max_interviews_per_day, "days": visit.days,
        "status": visit.status, "objective": visit.objective, "bound": visit.bound,
        "solved_at": visit.solved_at, "revision": visit.revision,
    }


def _interviewee_out(row) -> dict:
    return {
        "id": row.pk, "reference": row.reference, "name": row.name, "role": row.role,
        "organisation": row.organisation, "category": row.category, "language": row.language,
        "interpreter": row.interpreter, "required": row.required, "withdrawn": row.withdrawn,
        "availability": row.availability, "indicators": [i.code for i in row.indicators.all()],
        "notes": row.notes, "revision": row.revision,
    }


def _interview_out(row, slot, identities) -> dict:
    start = row.start.hour * 60 + row.start.minute
    return {
        "number": row.number, "interviewee": row.interviewee.reference,
        "name": row.interviewee.name if identities else None, "day": row.day,
        "start": hhmm(start), "end": hhmm(start + row.slots * slot),
        "peers": [row.peer_a.initials, row.peer_b.initials], "locked": row.locked,
    }


def _check_out(check, revision) -> dict:
    out = visit_json_parts(check)
    out["revision"] = revision
    return out


def visit_json_parts(check) -> dict:
    return {
        "warnings": [
            {"code": w.code, "severity": w.severity, "message": w.message,
             "interviewee": w.interviewee, "interview": w.interview, "peer": w.peer,
             "workshop": w.workshop, "indicator": w.indicator, "day": w.day,
             "start": None if w.start is None else hhmm(w.start)}
            for w in check.warnings
        ],
        "coverage": [
            {"indicator": c.indicator, "status": c.status, "target": c.target,
             "interviewees": list(c.interviewees), "interviews": list(c.interviews),
             "met": c.met}
            for c in check.coverage
        ],
    }


def _problems(exc: VisitProblems) -> Response:
    grouped: dict[str, list[str]] = {}
    for field, message in exc.problems:
        grouped.setdefault(field, []).append(message)
    return Response({"detail": str(exc), "problems": grouped},
                    status=status.HTTP_400_BAD_REQUEST)


def _conflict(exc: PlanConflict) -> Response:
    return Response({"detail": str(exc), "current": exc.current, "yours": exc.attempted},
                    status=status.HTTP_409_CONFLICT)


def _refused(exc: VisitError) -> Response:
    return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)


def _run(change):
    try:
        return change()
    except VisitProblems as exc:
        return _problems(exc)
    except PlanConflict as exc:
        return _conflict(exc)
    except VisitError as exc:
        return _refused(exc)


CHANGE_RESPONSES = {200: VisitCheckSerializer, 400: VisitProblemsSerializer,
                    409: VisitConflictSerializer}


# --- views -------------------------------------------------------------------------------

class VisitDetail(APIView):
    """The review's visit: its days, fixed blocks and limits, and the state of its plan."""

    @extend_schema(responses=VisitSerializer, operation_id="visit_get")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "visits.view_visit", review)
        return Response(_visit_out(_visit(review)))

    @extend_schema(request=None, responses={200: VisitSerializer, 201: VisitSerializer},
                   operation_id="visit_create")
    def post(self, request, review):
        """Create the visit with the seed's template (or get it, if it exists)."""
        review = _review(review)
        _require(request.user, "visits.plan_visit", review)
        existed = visit_of(review) is not None
        visit = create_visit(review=review)
        return Response(_visit_out(visit),
                        status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    @extend_schema(request=VisitSerializer, responses={200: VisitSerializer,
                                                       400: VisitProblemsSerializer,
                                                       409: VisitConflictSerializer},
                   operation_id="visit_update")
    def patch(self, request, review):
        """Change settings; `revision` is required."""
        review = _review(review)
        _require(request.user, "visits.plan_visit", review)
        visit = _visit(review)
        changes = dict(request.data)
        revision = changes.pop("revision", None)
        if not isinstance(revision, int):
            return Response({"detail": "revision: is required", "problems": {
                "revision": ["is required"]}}, status=status.HTTP_400_BAD_REQUEST)
        for name in ("review", "status", "objective", "bound", "solved_at"):
            changes.pop(name, None)
        return _run(lambda: Response(_visit_out(update_visit(visit=visit, changes=changes,
                                                             revision=revision))))


class IntervieweeList(APIView):
    """The people the visit may meet (team and coordinator only: personal data)."""

    @extend_schema(responses=VisitIntervieweeSerializer(many=True),
                   operation_id="interviewees_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "visits.view_identities", review)
        return Response([_interviewee_out(r) for r in interviewees_in_full(_visit(review))])

    @extend_schema(request=VisitIntervieweeSerializer,
                   responses={201: VisitIntervieweeSerializer, 400: VisitProblemsSerializer},
                   operation_id="interviewees_add")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "visits.plan_visit", review)
        visit = _visit(review)
        data = dict(request.data)
        data.pop("revision", None)
        try:
            row = add_interviewee(visit=visit, review=review, data=data)
        except VisitProblems as exc:
            return _problems(exc)
        return Response(_interviewee_out(row), status=status.HTTP_201_CREATED)


class IntervieweeDraw(APIView):
    """Draw in the people the initial report names and the desk review wants to meet."""

    @extend_schema(request=None, responses=VisitDrawnSerializer, operation_id="interviewees_draw")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "visits.plan_visit", review)
        drawn = draw_interviewees(visit=_visit(review), review=review)
        return Response({"added": drawn.added, "updated": drawn.updated})


class IntervieweeDetail(APIView):
    def _row(self, request, review, pk):
        review = _review(review)
        _require(request.user, "visits.view_identities", review)
        row = interviewees_in_full(_visit(review)).filter(pk=pk).first()
        if row is None:
            raise Http404
        return review, row

    @extend_schema(responses=VisitIntervieweeSerializer, operation_id="interviewee_get")
    def get(self, request, review, pk):
        return Response(_interviewee_out(self._row(request, review, pk)[1]))

    @extend_schema(request=VisitIntervieweeSerializer,
                   responses={200: VisitIntervieweeSerializer, 400: VisitProblemsSerializer,
                              409: VisitDetailSerializer},
                   operation_id="interviewee_update")
    def patch(self, request, review, pk):
        """Change some fields; `revision` (the interviewee's) is required."""
        review, row = self._row(request, review, pk)
        _require(request.user, "visits.plan_visit", review)
        data = dict(request.data)
        revision = data.pop("revision", None)
        if not isinstance(revision, int):
            return Response({"detail": "revision: is required", "problems": {
                "revision": ["is required"]}}, status=status.HTTP_400_BAD_REQUEST)
        for name in ("id", "reference"):
            data.pop(name, None)

        def change():
            saved = update_interviewee(interviewee=row, review=review, data=data,
                                       revision=revision)
            return Response(_interviewee_out(interviewees_in_full(saved.visit)
                                             .get(pk=saved.pk)))
        return _run(change)


class InterviewList(APIView):
    """The planned interviews; `name` is null for those who may not see identities."""

    @extend_schema(responses=VisitInterviewSerializer(many=True), operation_id="interviews_list")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "visits.view_visit", review)
        visit = _visit(review)
        identities = request.user.has_perm("visits.view_identities", review)
        return Response([_interview_out(i, visit.slot_minutes, identities)
                         for i in interviews_in_full(visit)])


class InterviewDetail(APIView):
    @extend_schema(responses=VisitInterviewSerializer, operation_id="interview_get")
    def get(self, request, review, number):
        review = _review(review)
        _require(request.user, "visits.view_visit", review)
        visit = _visit(review)
        row = interviews_in_full(visit).filter(number=number).first()
        if row is None:
            raise Http404
        identities = request.user.has_perm("visits.view_identities", review)
        return Response(_interview_out(row, visit.slot_minutes, identities))

    @extend_schema(request=VisitInterviewSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_move")
    def patch(self, request, review, number):
        """Move the interview (day, start, peers) and get the checker's warnings at once.
        The move is stored even when the checker finds something wrong."""
        review = _review(review)
        _require(request.user, "visits.plan_visit", review)
        visit = _visit(review)
        current = interviews_in_full(visit).filter(number=number).first()
        if current is None:
            raise Http404
        data = request.data
        start = current.start.strftime("%H:%M")
        peers = [current.peer_a.initials, current.peer_b.initials]

        def change():
            revision = data.get("revision")
            if not isinstance(revision, int):
                raise VisitProblems([("revision", "is required")])
            move_interview(visit=visit, review=review, number=number,
                           day=data.get("day", current.day), start=data.get("start", start),
                           peers=data.get("peers", peers), revision=revision)
            visit.refresh_from_db()
            seen, _identities = data_for(request.user, review, visit)
            return Response(_check_out(check_plan(seen), visit.revision))
        return _run(change)


def _revision_of(request) -> int:
    revision = request.data.get("revision")
    if not isinstance(revision, int):
        raise VisitProblems([("revision", "is required")])
    return revision


def _simple_change(request, review, do):
    review = _review(review)
    _require(request.user, "visits.plan_visit", review)
    visit = _visit(review)

    def change():
        do(visit, review, _revision_of(request))
        visit.refresh_from_db()
        data, _identities = data_for(request.user, review, visit)
        return Response(_check_out(check_plan(data), visit.revision))
    return _run(change)


class InterviewSwap(APIView):
    """Exchange the times of two interviews; each keeps its pair."""

    @extend_schema(request=VisitSwapSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_swap")
    def post(self, request, review, number):
        def do(visit, review, revision):
            other = request.data.get("with_number")
            swap_interviews(visit=visit, review=review, number=number,
                            other=other if isinstance(other, int) else 0, revision=revision)
        return _simple_change(request, review, do)


class InterviewLock(APIView):
    """Lock the interview: re-planning does not move it."""

    @extend_schema(request=VisitRevisionSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_lock")
    def post(self, request, review, number):
        return _simple_change(request, review, lambda visit, review, revision: set_locked(
            visit=visit, review=review, number=number, locked=True, revision=revision))


class InterviewUnlock(APIView):
    @extend_schema(request=VisitRevisionSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_unlock")
    def post(self, request, review, number):
        return _simple_change(request, review, lambda visit, review, revision: set_locked(
            visit=visit, review=review, number=number, locked=False, revision=revision))


class InterviewCancel(APIView):
    """Take the interview off the timetable; its number is not given again."""

    @extend_schema(request=VisitRevisionSerializer, responses=CHANGE_RESPONSES,
                   operation_id="interview_cancel")
    def post(self, request, review, number):
        return _simple_change(request, review, lambda visit, review, revision:
                              cancel_interview(visit=visit, review=review, number=number,
                                               revision=revision))


class Solve(APIView):
    """Plan the visit (or re-plan it: locked interviews stay, as few others as possible
    move) within `time_limit` seconds, and store the plan."""

    @extend_schema(request=VisitSolveSerializer,
                   responses={200: VisitResultSerializer, 400: VisitProblemsSerializer,
                              409: VisitConflictSerializer},
                   operation_id="visit_solve")
    def post(self, request, review):
        review = _review(review)
        _require(request.user, "visits.plan_visit", review)
        visit = _visit(review)
        serializer = VisitSolveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def change():
            solve_visit(visit=visit, review=review, **serializer.validated_data)
            visit.refresh_from_db()
            data, identities = data_for(request.user, review, visit)
            return Response(visit_json(data, identities=identities))
        return _run(change)


class Timetable(APIView):
    """The stored plan in the core's result format, checked afresh."""

    @extend_schema(responses=VisitResultSerializer, operation_id="visit_timetable")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "visits.view_visit", review)
        data, identities = data_for(request.user, review, _visit(review))
        return Response(visit_json(data, identities=identities))


class TimetablePDF(APIView):
    """The printable timetable as PDF."""

    renderer_classes = [PDFRenderer, JSONRenderer]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY},
                   operation_id="visit_timetable_pdf")
    def get(self, request, review):
        review = _review(review)
        _require(request.user, "visits.view_visit", review)
        visit = _visit(review)
        data, identities = data_for(request.user, review, visit)
        html = render_to_string("visits/print.html", {
            "review": review, "visit": visit, "identities": identities,
            "grid": timetable_grid(data, identities=identities),
            "interviews": interview_lines(data, identities=identities),
        })
        return HttpResponse(timetable_pdf(html), content_type="application/pdf")


class Calendar(APIView):
    """The team's calendar (iCalendar, RFC 5545), or one peer's with their initials."""

    renderer_classes = [CalendarRenderer, JSONRenderer]

    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR,
                              (409, "application/json"): VisitDetailSerializer},
                   operation_id="visit_calendar")
    def get(self, request, review, initials=None):
        review = _review(review)
        _require(request.user, "visits.view_visit", review)
        data, identities = data_for(request.user, review, _visit(review))
        if initials is not None and initials not in data.peers:
            raise Http404
        try:
            body = visit_calendar(data, identities=identities, peer=initials,
                                  site=request.get_host())
        except VisitError as exc:
            return JsonResponse({"detail": str(exc)}, status=409)
        return HttpResponse(body, content_type="text/calendar; charset=utf-8")


class PeerCalendar(Calendar):
    @extend_schema(responses={(200, "text/calendar"): OpenApiTypes.STR,
                              (409, "application/json"): VisitDetailSerializer},
                   operation_id="visit_peer_calendar")
    def get(self, request, review, initials=None):
        return super().get(request, review, initials)


prefix = "reviews/<int:review>/visit/"
urlpatterns = [
    path(prefix, VisitDetail.as_view(), name="visit"),
    path(f"{prefix}interviewees/", IntervieweeList.as_view(), name="visit-interviewees"),
    path(f"{prefix}interviewees/draw/", IntervieweeDraw.as_view(), name="visit-draw"),
    path(f"{prefix}interviewees/<int:pk>/", IntervieweeDetail.as_view(),
         name="visit-interviewee"),
    path(f"{prefix}interviews/", InterviewList.as_view(), name="visit-interviews"),
    path(f"{prefix}interviews/<int:number>/", InterviewDetail.as_view(),
         name="visit-interview"),
    path(f"{prefix}interviews/<int:number>/swap/", InterviewSwap.as_view(),
         name="visit-interview-swap"),
    path(f"{prefix}interviews/<int:number>/lock/", InterviewLock.as_view(),
         name="visit-interview-lock"),
    path(f"{prefix}interviews/<int:number>/unlock/", InterviewUnlock.as_view(),
         name="visit-interview-unlock"),
    path(f"{prefix}interviews/<int:number>/cancel/", InterviewCancel.as_view(),
         name="visit-interview-cancel"),
    path(f"{prefix}solve/", Solve.as_view(), name="visit-solve"),
    path(f"{prefix}timetable/", Timetable.as_view(), name="visit-timetable"),
    path(f"{prefix}timetable.pdf", TimetablePDF.as_view(), name="visit-timetable-pdf"),
    path(f"{prefix}calendar/", Calendar.as_view(), name="visit-calendar"),
    path(f"{prefix}calendar/<str:initials>/", PeerCalendar.as_view(),
         name="visit-peer-calendar"),
]
