"""Serializers of the evidence API; they also describe the OpenAPI schema. They check
shapes; the domain functions check the rest."""

from rest_framework import serializers

from citypeer.assessment.method import Corroboration, CrossCheck
from citypeer.assessment.models import Assessment, EvidenceItem, Finding


class EvidenceSerializer(serializers.Serializer):
    """A piece of evidence. `interview`, `workshop` and `interviewee` are ids; a draft sent
    again with the same `client_key` is stored once. `revision` is the one a change starts
    from."""

    id = serializers.IntegerField(read_only=True)
    indicators = serializers.ListField(child=serializers.CharField(),
                                       help_text="indicator codes, e.g. AC/I/3")
    references = serializers.ListField(child=serializers.CharField(), read_only=True,
                                       help_text="e.g. AC/I/3 – Interview 17 – JB & FC")
    source = serializers.ChoiceField(choices=EvidenceItem.Source.choices)
    interview = serializers.IntegerField(required=False, allow_null=True, default=None)
    interview_number = serializers.IntegerField(read_only=True, allow_null=True)
    workshop = serializers.IntegerField(required=False, allow_null=True, default=None)
    workshop_label = serializers.CharField(read_only=True)
    interviewee = serializers.CharField(read_only=True,
                                        help_text="a reference such as P-12, never a name")
    interviewee_id = serializers.IntegerField(
        required=False, allow_null=True, default=None, write_only=True,
        help_text="for a workshop: the participant who said it")
    interviewee_name = serializers.CharField(read_only=True, required=False)
    document = serializers.CharField(required=False, allow_blank=True, default="")
    page = serializers.CharField(required=False, allow_blank=True, default="")
    interviewers = serializers.CharField(
        required=False, allow_blank=True, default="",
        help_text="initials such as JB & FC; for an interview, its peers' initials")
    text = serializers.CharField()
    kind = serializers.ChoiceField(choices=EvidenceItem.Kind.choices)
    direction = serializers.ChoiceField(choices=EvidenceItem.Direction.choices,
                                        required=False, default="neither")
    recorded_by = serializers.CharField(read_only=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    client_key = serializers.CharField(required=False, allow_blank=True, default="")
    revision = serializers.IntegerField(min_value=0, required=False, default=0)

    def domain_kwargs(self) -> dict:
        data = dict(self.validated_data)
        data["interviewee"] = data.pop("interviewee_id", None)
        data.pop("revision", None)
        return data


class EvidenceConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = serializers.DictField(allow_null=True)
    yours = serializers.DictField()


class EvidenceMessageSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ProposalSerializer(serializers.Serializer):
    colour = serializers.ChoiceField(choices=Assessment.Colour.choices)
    status = serializers.ChoiceField(choices=[c.value for c in Corroboration])
    direction = serializers.ChoiceField(choices=["meets", "falls_short"], allow_null=True)
    corroborated = serializers.BooleanField()
    contested = serializers.BooleanField()
    may_recommend = serializers.BooleanField()
    required = serializers.IntegerField(help_text="the programme's minimum of interviewees")
    interviewees = serializers.IntegerField(help_text="distinct interviewees behind it")
    counted = serializers.ListField(child=serializers.IntegerField(),
                                    help_text="numbers of the interviews counted")
    cross_check = serializers.ChoiceField(choices=[c.value for c in CrossCheck])
    evidence = serializers.ListField(child=serializers.IntegerField(),
                                     help_text="ids of the fact evidence it rests on")


class DecisionSerializer(serializers.Serializer):
    colour = serializers.ChoiceField(choices=Assessment.Colour.choices)
    rationale = serializers.CharField(allow_blank=True)
    proposed_colour = serializers.CharField(allow_blank=True,
                                            help_text="the proposal when the team decided")
    decided_by = serializers.CharField(allow_blank=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    revision = serializers.IntegerField()


class AssessmentSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    proposal = ProposalSerializer()
    final = DecisionSerializer(allow_null=True, help_text="null until the team decides")
    differs = serializers.BooleanField(help_text="the team's colour is not the proposal's")


class AssessmentInputSerializer(serializers.Serializer):
    colour = serializers.ChoiceField(choices=Assessment.Colour.choices)
    rationale = serializers.CharField(required=False, allow_blank=True, default="")
    revision = serializers.IntegerField(min_value=0,
                                        help_text="the revision you started from (0 at first)")


class AssessmentConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = DecisionSerializer()
    yours = DecisionSerializer()


class FindingSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=Finding.Kind.choices)
    text = serializers.CharField()
    barriers = serializers.CharField(required=False, allow_blank=True, default="")
    indicators = serializers.ListField(child=serializers.CharField(), required=False,
                                       default=list)
    evidence = serializers.ListField(child=serializers.IntegerField(), required=False,
                                     default=list, help_text="ids of the evidence it rests on")
    trail = serializers.ListField(child=serializers.CharField(), read_only=True,
                                  help_text="the references of the evidence it rests on")
    revision = serializers.IntegerField(min_value=0, required=False, default=0)


class GoodPracticeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(max_length=300)
    description = serializers.CharField()
    indicators = serializers.ListField(child=serializers.CharField())
    transferable = serializers.BooleanField(required=False, default=False)
    revision = serializers.IntegerField(min_value=0, required=False, default=0)
