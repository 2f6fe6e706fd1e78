"""What the visit's API reads and answers; the serializers also describe the OpenAPI schema.

The rules (and the messages naming the field, `days[1].blocks[0].start`) are the domain's:
these check only the shape of what comes in. The timetable, its warnings and its coverage are
given in the method's result format (docs/visit-instance.md)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema_field,
)
from rest_framework import serializers

from citypeer.common.api import EditConflictSerializer, RefusalSerializer
from citypeer.visits.domain.instance import clock_minutes
from citypeer.visits.domain.plan import MAX_TIME_LIMIT, PAGE_TIME_LIMIT
from citypeer.visits.method.model import hhmm
from citypeer.visits.models import Interviewee

EDIT_COUNT_HELP = "the edit count the change starts from"


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


@extend_schema_field(VisitDaySerializer(many=True))
class DaysField(serializers.ListField):
    """The days as the visit instance format writes them, read and given as they are: the
    domain checks them as the format does, naming `days[1].blocks[0].start`."""

    child = serializers.DictField()

    def to_representation(self, value):
        return value


class VisitSerializer(serializers.Serializer):
    """The visit's settings and the state of its plan. Days and blocks use the visit
    instance format (docs/visit-instance.md)."""

    review = serializers.IntegerField(read_only=True, source="review_id")
    starts_on = serializers.DateField(allow_null=True, required=False)
    timezone = serializers.CharField(required=False)
    slot_minutes = serializers.IntegerField(required=False)
    max_parallel = serializers.IntegerField(required=False, help_text="0: no limit")
    max_interviews_per_day = serializers.IntegerField(required=False)
    days = DaysField(required=False)
    status = serializers.CharField(read_only=True, help_text="not_planned, optimal, feasible, "
                                   "infeasible, unknown or edited (changed by hand)")
    objective = serializers.FloatField(read_only=True, allow_null=True)
    bound = serializers.FloatField(read_only=True, allow_null=True)
    solved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    edit_count = serializers.IntegerField(min_value=0, help_text=EDIT_COUNT_HELP)

    def validate(self, attrs):
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError(
                {name: [_("is not a setting of the visit")] for name in unknown})
        return attrs


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class IndicatorCodesField(serializers.ListField):
    """Indicator codes; given from the row's indicators."""

    child = serializers.CharField()

    def to_representation(self, value):
        return [i.code for i in value.all()]


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
    indicators = IndicatorCodesField(required=False, help_text="indicator codes")
    notes = serializers.CharField(required=False, allow_blank=True)
    edit_count = serializers.IntegerField(required=False, min_value=0,
                                          help_text="required to change someone")


class ClockField(serializers.CharField):
    """A time of day as HH:MM."""

    def to_representation(self, value):
        return value.strftime("%H:%M") if isinstance(value, dt.time) else str(value)


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class PairField(serializers.ListField):
    """The interview's two peers by initials."""

    child = serializers.CharField()

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, value):
        return [value.peer_a.initials, value.peer_b.initials]

    def to_internal_value(self, data):
        return {"peers": super().to_internal_value(data)}


class VisitInterviewSerializer(serializers.Serializer):
    """An interview of the timetable; a move names any of day, start and peers."""

    # The context gives `slot_minutes` (the visit's) and `identities` (may the user see names).

    number = serializers.IntegerField(read_only=True)
    interviewee = serializers.CharField(read_only=True, source="interviewee.reference",
                                        help_text="reference, P-<id>")
    name = serializers.SerializerMethodField(help_text="null for those who may not see "
                                             "identities")
    day = serializers.IntegerField(required=False)
    start = ClockField(required=False, help_text="HH:MM")
    end = serializers.SerializerMethodField()
    peers = PairField(required=False, help_text="two initials")
    locked = serializers.BooleanField(read_only=True)
    edit_count = serializers.IntegerField(min_value=0, write_only=True,
                                          help_text="the visit's edit count the move starts "
                                          "from")

    def get_name(self, row) -> str | None:
        return row.interviewee.name if self.context["identities"] else None

    def get_end(self, row) -> str:
        return hhmm(clock_minutes(row.start) + row.slots * self.context["slot_minutes"])


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
    """The checker's warnings and the coverage after a change, in the result format."""

    edit_count = serializers.IntegerField()
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
    """The method's result format (docs/visit-instance.md): status optimal, feasible (with
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
    edit_count = serializers.IntegerField(required=False)


class VisitSolveSerializer(serializers.Serializer):
    time_limit = serializers.FloatField(required=False, default=PAGE_TIME_LIMIT,
                                        min_value=0.1, max_value=MAX_TIME_LIMIT)
    edit_count = serializers.IntegerField(min_value=0, help_text=EDIT_COUNT_HELP)


class VisitEditCountSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(min_value=0, help_text=EDIT_COUNT_HELP)


class VisitSwapSerializer(VisitEditCountSerializer):
    with_number = serializers.IntegerField(help_text="the other interview's number")


class VisitDrawnSerializer(serializers.Serializer):
    added = serializers.IntegerField()
    updated = serializers.IntegerField()


STALE_OR_REFUSED = OpenApiResponse(
    PolymorphicProxySerializer(component_name="VisitStaleOrRefused",
                               serializers=[EditConflictSerializer, RefusalSerializer],
                               resource_type_field_name=None),
    description="nothing was written: someone saved after the edit count you started from "
                "(both versions are given), or a rule of the method says no")
