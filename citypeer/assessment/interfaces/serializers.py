"""Serializers of the evidence API: what it reads and what it answers, and so the OpenAPI
schema. They check shapes; the domain functions check the rest. A change sends the
`edit_count` it started from (`common.api.edit_count_from` reads it)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema_field
from rest_framework import serializers

from citypeer.assessment.domain.evidence import references_of
from citypeer.assessment.domain.findings import evidence_trail
from citypeer.assessment.domain.inputs import interviewee_reference
from citypeer.assessment.method import Corroboration, CrossCheck
from citypeer.assessment.models import Assessment, EvidenceItem, Finding

EDIT_COUNT_HELP = ("the edit count of the version a change started from; answered: the one "
                   "stored")
# A deletion names the edit count of the version it deletes, in the query string.
EDIT_COUNT_PARAMETER = OpenApiParameter("edit_count", int, required=True,
                                        description="the edit count of what you are deleting")


class IndicatorCodes(serializers.ListField):
    """Indicator codes: written as a list, read from the row's indicators."""

    child = serializers.CharField()

    def to_representation(self, data):
        return [i.code for i in data.all()]


class EvidenceIds(serializers.ListField):
    child = serializers.IntegerField()

    def to_representation(self, data):
        return sorted(e.pk for e in data.all())


class EvidenceSerializer(serializers.Serializer):
    """A piece of evidence. `interview`, `workshop` and `interviewee` are ids; a draft sent
    again with the same `client_key` is stored once. The interviewee's name is given only to
    those who may see it (context `identities`)."""

    id = serializers.IntegerField(read_only=True)
    indicators = IndicatorCodes(help_text="indicator codes, e.g. AC/I/3")
    references = serializers.SerializerMethodField(
        help_text="e.g. AC/I/3 – Interview 17 – JB & FC")
    source = serializers.ChoiceField(choices=EvidenceItem.Source.choices)
    interview = serializers.IntegerField(required=False, allow_null=True, default=None,
                                         source="interview_id")
    interview_number = serializers.IntegerField(read_only=True, allow_null=True,
                                                source="interview.number")
    workshop = serializers.IntegerField(required=False, allow_null=True, default=None,
                                        source="workshop_id")
    workshop_label = serializers.SerializerMethodField()
    interviewee = serializers.SerializerMethodField(
        help_text="a reference such as P-12, never a name")
    interviewee_id = serializers.IntegerField(
        required=False, allow_null=True, default=None, write_only=True,
        help_text="for a workshop: the participant who said it")
    interviewee_name = serializers.SerializerMethodField()
    document = serializers.CharField(required=False, allow_blank=True, default="")
    page = serializers.CharField(required=False, allow_blank=True, default="")
    interviewers = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="initials such as JB & FC; for an interview, its peers' initials")
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=EvidenceItem.Kind.choices)
    direction = serializers.ChoiceField(choices=EvidenceItem.Direction.choices,
                                        required=False, default="neither")
    recorded_by = serializers.SerializerMethodField()
    recorded_at = serializers.DateTimeField(read_only=True)
    client_key = serializers.CharField(required=False, allow_blank=True, default="")
    edit_count = serializers.IntegerField(min_value=0, required=False, help_text=EDIT_COUNT_HELP)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_references(self, item) -> list[str]:
        return list(references_of(item))

    @extend_schema_field(OpenApiTypes.STR)
    def get_workshop_label(self, item) -> str:
        return item.workshop.label if item.workshop_id else ""

    @extend_schema_field(OpenApiTypes.STR)
    def get_interviewee(self, item) -> str:
        return interviewee_reference(_interviewee_id(item))

    @extend_schema_field(OpenApiTypes.STR)
    def get_interviewee_name(self, item) -> str:
        person = item.interviewee or (item.interview.interviewee if item.interview_id else None)
        return person.name if person else ""

    @extend_schema_field(OpenApiTypes.STR)
    def get_recorded_by(self, item) -> str:
        return str(item.recorded_by) if item.recorded_by_id else ""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("identities"):
            data.pop("interviewee_name")
        return data

    def domain_kwargs(self) -> dict:
        """The validated fields as `record_evidence` and `edit_evidence` take them."""
        data = dict(self.validated_data)
        data.pop("edit_count", None)
        data["interview"] = data.pop("interview_id", None)
        data["workshop"] = data.pop("workshop_id", None)
        data["interviewee"] = data.pop("interviewee_id", None)
        return data


def _interviewee_id(item) -> int | None:
    return item.interviewee_id or (item.interview.interviewee_id if item.interview_id else None)


class ProposalSerializer(serializers.Serializer):
    """What the rules propose; `counted` needs the interview numbers (context `numbers`)."""

    colour = serializers.ChoiceField(choices=Assessment.Colour.choices)
    status = serializers.ChoiceField(choices=[c.value for c in Corroboration])
    direction = serializers.ChoiceField(choices=["meets", "falls_short"], allow_null=True)
    corroborated = serializers.BooleanField()
    contested = serializers.BooleanField()
    may_recommend = serializers.BooleanField()
    required = serializers.IntegerField(help_text="the programme's minimum of interviewees")
    interviewees = serializers.IntegerField(help_text="distinct interviewees behind it")
    counted = serializers.SerializerMethodField(help_text="numbers of the interviews counted")
    cross_check = serializers.ChoiceField(choices=[c.value for c in CrossCheck])
    evidence = serializers.ListField(child=serializers.IntegerField(),
                                     help_text="ids of the fact evidence it rests on")

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_counted(self, proposal) -> list[int]:
        numbers = self.context["numbers"]
        return [numbers[i] for i in proposal.counted if i in numbers]


class DecisionSerializer(serializers.Serializer):
    indicator = serializers.CharField(source="indicator.code")
    colour = serializers.ChoiceField(choices=Assessment.Colour.choices)
    rationale = serializers.CharField(allow_blank=True)
    proposed_colour = serializers.CharField(allow_blank=True,
                                            help_text="the proposal when the team decided")
    decided_by = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(allow_null=True)
    edit_count = serializers.IntegerField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_decided_by(self, decision) -> str:
        return str(decision.decided_by) if decision.decided_by_id else ""


class AssessmentSerializer(serializers.Serializer):
    """One indicator (`domain.assessments.IndicatorAssessment`): the proposal and the team's
    decision."""

    indicator = serializers.CharField(source="indicator.code")
    proposal = ProposalSerializer()
    final = serializers.SerializerMethodField(help_text="null until the team decides")
    differs = serializers.BooleanField(help_text="the team's colour is not the proposal's")

    @extend_schema_field(DecisionSerializer(allow_null=True))
    def get_final(self, row):
        return DecisionSerializer(row.decision).data if row.final_colour else None


class AssessmentInputSerializer(serializers.Serializer):
    colour = serializers.ChoiceField(choices=Assessment.Colour.choices)
    rationale = serializers.CharField(required=False, allow_blank=True, default="")
    edit_count = serializers.IntegerField(min_value=0,
                                          help_text="the edit count you started from (0 at "
                                                    "first)")


class FindingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=Finding.Kind.choices)
    text = serializers.CharField()
    barriers = serializers.CharField(required=False, allow_blank=True, default="")
    indicators = IndicatorCodes(required=False, default=list)
    evidence = EvidenceIds(required=False, default=list,
                           help_text="ids of the evidence it rests on")
    trail = serializers.SerializerMethodField(
        help_text="the references of the evidence it rests on")
    edit_count = serializers.IntegerField(min_value=0, required=False, help_text=EDIT_COUNT_HELP)

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_trail(self, finding) -> list[str]:
        return [ref for step in evidence_trail(finding) for ref in step.references]


class GoodPracticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(max_length=300)
    description = serializers.CharField()
    indicators = IndicatorCodes()
    transferable = serializers.BooleanField(required=False, default=False)
    edit_count = serializers.IntegerField(min_value=0, required=False,
                                          help_text=EDIT_COUNT_HELP)
