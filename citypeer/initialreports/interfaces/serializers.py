"""The initial report in the REST API: what is read, and what a save sends (always with the
edit count it started from)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from citypeer.initialreports.domain.describe import describe_gap
from citypeer.initialreports.domain.reports import report_completeness
from citypeer.initialreports.interfaces.access import actions
from citypeer.initialreports.method.report import (
    ACTIONS,
    AREA_BACKGROUND,
    AREA_PROVENANCE,
    AREA_SELF_ASSESSMENT,
    MAX_PERSON_FIELD_LENGTH,
    MAX_TEXT_LENGTH,
)
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    ReportTransition,
    SelfAssessment,
    SupportingDocument,
)


class InitialReportMissingSerializer(serializers.Serializer):
    area = serializers.ChoiceField(choices=[AREA_BACKGROUND, AREA_PROVENANCE,
                                            AREA_SELF_ASSESSMENT])
    place = serializers.CharField(help_text="section number, provenance field or indicator code")
    problem = serializers.CharField()
    text = serializers.SerializerMethodField(help_text="the whole sentence, in the reader's "
                                                       "language")

    def get_text(self, gap) -> str:
        return describe_gap(gap)


class InitialReportCompletenessSerializer(serializers.Serializer):
    percent = serializers.IntegerField()
    checks = serializers.IntegerField()
    satisfied = serializers.IntegerField()
    complete = serializers.BooleanField()
    missing = InitialReportMissingSerializer(source="gaps", many=True)


class InitialReportSerializer(serializers.ModelSerializer):
    review = serializers.IntegerField(source="review_id", read_only=True)
    city = serializers.CharField(source="review.city.name", read_only=True)
    benchmark = serializers.SerializerMethodField()
    completeness = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField(
        help_text="the state changes the reader may make now"
    )

    class Meta:
        model = InitialReport
        fields = [
            "review", "city", "benchmark", "state", "drafted_by", "partners",
            "political_involvement", "political_involvement_note", "budget_local",
            "budget_regional", "budget_national", "budget_eu", "edit_count", "completeness",
            "actions",
        ]
        read_only_fields = fields

    def get_benchmark(self, obj) -> str:
        b = obj.review.programme.benchmark
        return f"{b.slug} v{b.version}"

    @extend_schema_field(InitialReportCompletenessSerializer)
    def get_completeness(self, obj) -> dict:
        return InitialReportCompletenessSerializer(report_completeness(obj)).data

    def get_actions(self, obj) -> list[str]:
        return actions(self.context["request"].user, obj)


class InitialReportProvenanceUpdateSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(
        min_value=0, help_text="the report's edit count this change starts from")
    drafted_by = serializers.CharField(required=False, allow_blank=True,
                                       max_length=MAX_TEXT_LENGTH)
    partners = serializers.CharField(required=False, allow_blank=True,
                                     max_length=MAX_TEXT_LENGTH)
    political_involvement = serializers.ChoiceField(
        required=False, allow_blank=True, choices=InitialReport.PoliticalInvolvement.choices
    )
    political_involvement_note = serializers.CharField(required=False, allow_blank=True,
                                                       max_length=MAX_TEXT_LENGTH)
    budget_local = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0,
                                            required=False, allow_null=True)
    budget_regional = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0,
                                               required=False, allow_null=True)
    budget_national = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0,
                                               required=False, allow_null=True)
    budget_eu = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0,
                                         required=False, allow_null=True)


class BackgroundSectionSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = BackgroundSection
        fields = ["kind", "title", "text", "edit_count"]
        read_only_fields = fields


class BackgroundSectionUpdateSerializer(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, max_length=MAX_TEXT_LENGTH)
    edit_count = serializers.IntegerField(
        min_value=0, help_text="the section's edit count this change starts from")


class ResponsiblePersonRefSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=MAX_PERSON_FIELD_LENGTH)
    role = serializers.CharField(max_length=MAX_PERSON_FIELD_LENGTH, allow_blank=True,
                                 required=False, default="")
    organisation = serializers.CharField(max_length=MAX_PERSON_FIELD_LENGTH,
                                         allow_blank=True, required=False, default="")


class SelfAssessmentSerializer(serializers.ModelSerializer):
    indicator = serializers.IntegerField(source="indicator_id", read_only=True)
    code = serializers.CharField(source="indicator.code", read_only=True)
    indicator_text = serializers.CharField(source="indicator.text", read_only=True)
    pillar = serializers.CharField(source="indicator.pillar.code", read_only=True)
    value = serializers.CharField(source="indicator.value.code", read_only=True)
    politically_responsible = ResponsiblePersonRefSerializer(allow_null=True, read_only=True)
    operationally_responsible = ResponsiblePersonRefSerializer(allow_null=True, read_only=True)
    documents = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = SelfAssessment
        fields = [
            "indicator", "code", "indicator_text", "pillar", "value", "status",
            "not_applicable_reason", "evidence", "how", "why", "who",
            "politically_responsible", "operationally_responsible", "documents", "edit_count",
        ]
        read_only_fields = fields


class SelfAssessmentUpdateSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(
        min_value=0, help_text="the entry's edit count this change starts from")
    status = serializers.ChoiceField(required=False, allow_blank=True,
                                     choices=SelfAssessment.Status.choices)
    not_applicable_reason = serializers.CharField(required=False, allow_blank=True,
                                                  max_length=MAX_TEXT_LENGTH)
    evidence = serializers.CharField(required=False, allow_blank=True,
                                     max_length=MAX_TEXT_LENGTH)
    how = serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT_LENGTH)
    why = serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT_LENGTH)
    who = serializers.CharField(required=False, allow_blank=True, max_length=MAX_TEXT_LENGTH)
    politically_responsible = ResponsiblePersonRefSerializer(required=False, allow_null=True)
    operationally_responsible = ResponsiblePersonRefSerializer(required=False, allow_null=True)


class ResponsiblePersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="person.pk")
    name = serializers.CharField(source="person.name")
    role = serializers.CharField(source="person.role")
    organisation = serializers.CharField(source="person.organisation")
    politically_for = serializers.ListField(child=serializers.CharField(),
                                            help_text="indicator codes")
    operationally_for = serializers.ListField(child=serializers.CharField(),
                                              help_text="indicator codes")


class SupportingDocumentSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="self_assessment.indicator.code", default=None,
                                      read_only=True, allow_null=True)
    uploaded_by = serializers.StringRelatedField()
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = SupportingDocument
        fields = ["id", "title", "kind", "indicator", "original_name", "content_type", "size",
                  "uploaded_by", "uploaded_at", "file_url"]
        read_only_fields = fields

    def get_file_url(self, obj) -> str:
        path = reverse("api:initialreport-document-file",
                       kwargs={"review": self.context["review_id"], "document": obj.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ReportTransitionSerializer(serializers.ModelSerializer):
    by = serializers.StringRelatedField()

    class Meta:
        model = ReportTransition
        fields = ["id", "from_state", "to_state", "by", "at", "message"]
        read_only_fields = fields


class ReportTransitionRequestSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=list(ACTIONS))
    message = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_TEXT_LENGTH,
        help_text="the coordinator's question (required to return); a note otherwise",
    )
