"""The shapes of /api/v1/ for step 7: what a request may send (validated here, then by the
domain functions) and what the answers hold. Indicators are named by their codes, people by
their names; rows that people edit give their `edit_count`, and a change sends the edit count
it started from."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers

from citypeer.common.api import EditConflictSerializer
from citypeer.feedback.domain.headlines import state_of
from citypeer.feedback.domain.queries import member_ids, sections_of
from citypeer.feedback.domain.rendering import FORMATS
from citypeer.feedback.domain.reports import approval_of
from citypeer.feedback.models import Commitment, Rendering

EDIT_COUNT_HELP = ("in a change: the edit count it started from (required); in an answer: "
                   "the edit count stored now")


class IndicatorCodesField(serializers.ListField):
    """Indicator codes: a list of strings sent, the codes of a row's indicators answered."""

    child = serializers.CharField()

    def to_representation(self, data):
        return [i.code for i in data.all()]


class FindingIdsField(serializers.ListField):
    """Findings by id: a list of numbers sent, the ids of the findings a row answers."""

    child = serializers.IntegerField()

    def to_representation(self, data):
        return [f.pk for f in data.all()]


class HeadlineSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField()
    indicators = IndicatorCodesField(required=False, default=list)
    edit_count = serializers.IntegerField(read_only=True)
    state = serializers.SerializerMethodField(help_text="agreed, objected or open")

    def get_state(self, headline) -> str:
        members = self.context.get("members")
        if members is None:
            members = member_ids(headline.review)
        return state_of(headline, members=members).state


class VoteSerializer(serializers.Serializer):
    agrees = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class RecommendationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField()
    indicators = IndicatorCodesField()
    findings = FindingIdsField()
    timescale = serializers.CharField(required=False, allow_blank=True, default="")
    override_justification = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="coordinator only: accepts a recommendation the corroboration guard refuses")
    edit_count = serializers.IntegerField(required=False, help_text=EDIT_COUNT_HELP)


class GuardProblemSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="findings or indicators")
    finding = serializers.IntegerField(allow_null=True, help_text="the finding concerned")
    indicator = serializers.CharField(allow_null=True, help_text="the indicator concerned")
    message = serializers.SerializerMethodField()

    def get_message(self, problem) -> str:
        return problem.text(_)


class GuardRefusalSerializer(serializers.Serializer):
    """The corroboration guard's refusal (`RecommendationRefused`): each finding and
    indicator a recommendation may not rest on, and why."""

    detail = serializers.CharField(source="message")
    problems = GuardProblemSerializer(many=True, source="guard_problems")


GUARD_REFUSED = OpenApiResponse(
    GuardRefusalSerializer,
    description="refused by the corroboration guard (each finding and indicator the "
                "recommendation may not rest on, and why), or bad input (the fields that "
                "are wrong, each with its messages)")
CONFLICT_OR_REFUSED = OpenApiResponse(
    EditConflictSerializer,
    description="someone saved after the edit count you started from: nothing was written "
                "and both versions are given; or the state of the report does not allow it "
                "(`detail` says why)")


class SectionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    key = serializers.CharField(read_only=True)
    title = serializers.CharField(required=False)
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    edit_count = serializers.IntegerField(required=False, help_text=EDIT_COUNT_HELP)
    updated_by = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(read_only=True)

    def get_updated_by(self, section) -> str:
        return str(section.updated_by) if section.updated_by_id else ""


class ReportSerializer(serializers.Serializer):
    state = serializers.CharField()
    released_at = serializers.DateTimeField(allow_null=True)
    approved_by = serializers.SerializerMethodField(help_text="ids of the peers who approved")
    waiting_for = serializers.SerializerMethodField(help_text="ids of the peers yet to approve")
    sections = serializers.SerializerMethodField()

    def _approval(self, report):
        """The approval state the view gives in the context (computed here without one)."""
        return self.context.get("approval") or approval_of(report)

    def get_approved_by(self, report) -> list[int]:
        return sorted(self._approval(report).approved)

    def get_waiting_for(self, report) -> list[int]:
        return sorted(self._approval(report).missing)

    @extend_schema_field(SectionSerializer(many=True))
    def get_sections(self, report):
        return SectionSerializer(sections_of(report), many=True).data


class VersionSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(help_text="the section's edit count this text was "
                                                    "saved as; 1 is the prefill")
    title = serializers.CharField()
    text = serializers.CharField()
    saved_by = serializers.SerializerMethodField()
    saved_at = serializers.DateTimeField()

    def get_saved_by(self, version) -> str:
        return str(version.saved_by) if version.saved_by_id else ""


class RenderingRequestSerializer(serializers.Serializer):
    format = serializers.ChoiceField(choices=FORMATS)


class RenderingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Rendering
        fields = ("id", "format", "state", "error")
        read_only_fields = fields


class CommitmentSerializer(serializers.Serializer):
    response = serializers.ChoiceField(choices=Commitment.Response.choices)
    commitment = serializers.CharField(required=False, allow_blank=True, default="")
    owner = serializers.CharField(required=False, allow_blank=True, default="")
    due_on = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Commitment.Status.choices,
                                     required=False, allow_null=True, default=None)
    status_note = serializers.CharField(required=False, allow_blank=True, default="")
    edit_count = serializers.IntegerField(
        required=False, help_text=EDIT_COUNT_HELP + " (0 for the first response)")


class FollowUpRowSerializer(serializers.Serializer):
    """One recommendation of a released report with what the city answered (blank where it
    has not yet), as `commitments.follow_up_rows` gives it."""

    review = serializers.IntegerField()
    city = serializers.CharField()
    number = serializers.IntegerField(help_text="the recommendation's number in its report")
    recommendation = serializers.CharField()
    indicators = serializers.CharField(help_text="codes, comma-separated")
    timescale = serializers.CharField()
    response = serializers.CharField()
    commitment = serializers.CharField()
    owner = serializers.CharField()
    due_on = serializers.CharField(help_text="YYYY-MM-DD or blank")
    status = serializers.CharField()
    status_note = serializers.CharField()
    updated_at = serializers.CharField(help_text="YYYY-MM-DD or blank")
    overdue = serializers.BooleanField()
