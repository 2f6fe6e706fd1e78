"""What the survey's API reads and writes (/api/v1/surveys/…, /api/v1/signatories/…,
/api/v1/survey-links/…)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from rest_framework import serializers

from citypeer.surveys.domain.results import json_value
from citypeer.surveys.method.definition import (
    KINDS,
    OPERATORS,
    WITH_CHOICES,
    ChoiceSpec,
    Condition,
    QuestionSpec,
)
from citypeer.surveys.method.expressions import relevant_expression
from citypeer.surveys.models import CharterSurvey


class SignatorySerializer(serializers.Serializer):
    city = serializers.CharField(source="city.slug")
    city_name = serializers.CharField(source="city.name")
    signed_on = serializers.DateField()
    contact_name = serializers.CharField()
    contact_email = serializers.EmailField()
    contact_language = serializers.CharField()
    withdrawn = serializers.BooleanField()
    edit_count = serializers.IntegerField()


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language(value: str) -> str:
    if value not in LANGUAGE_CODES:
        raise serializers.ValidationError(f"one of {', '.join(LANGUAGE_CODES)}")
    return value


class SignatoryCreateSerializer(serializers.Serializer):
    city = serializers.SlugField(help_text="the city's short name (network.City.slug)")
    signed_on = serializers.DateField()
    contact_name = serializers.CharField(max_length=200)
    contact_email = serializers.EmailField()
    contact_language = serializers.CharField(default="en", max_length=2,
                                             help_text="en, fr, de, fi, nl or it")

    def validate_contact_language(self, value):
        return _language(value)


class SignatoryUpdateSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(min_value=0)
    signed_on = serializers.DateField(required=False)
    contact_name = serializers.CharField(max_length=200, required=False)
    contact_email = serializers.EmailField(required=False)
    contact_language = serializers.CharField(required=False, max_length=2,
                                             help_text="en, fr, de, fi, nl or it")
    withdrawn = serializers.BooleanField(required=False)

    def validate_contact_language(self, value):
        return _language(value)


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField(max_length=100)
    label = serializers.CharField(max_length=500)


class ConditionSerializer(serializers.Serializer):
    question = serializers.CharField(help_text="the code of an earlier question")
    operator = serializers.ChoiceField(choices=OPERATORS)
    value = serializers.CharField(max_length=200)


class QuestionSerializer(serializers.Serializer):
    """A question (a `QuestionSpec` of the survey's definition)."""

    code = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=KINDS)
    text = serializers.CharField()
    hint = serializers.CharField(required=False, allow_blank=True, default="")
    section = serializers.CharField(required=False, allow_blank=True, default="",
                                    max_length=200)
    required = serializers.BooleanField(required=False, default=False)
    minimum = serializers.DecimalField(max_digits=19, decimal_places=4, required=False,
                                       allow_null=True, default=None, coerce_to_string=False)
    maximum = serializers.DecimalField(max_digits=19, decimal_places=4, required=False,
                                       allow_null=True, default=None, coerce_to_string=False)
    whole = serializers.BooleanField(required=False, default=False,
                                     help_text="number questions: whole numbers only")
    low_label = serializers.CharField(required=False, allow_blank=True, default="",
                                      max_length=200)
    high_label = serializers.CharField(required=False, allow_blank=True, default="",
                                       max_length=200)
    choices = ChoiceSerializer(many=True, required=False, default=list)
    condition = ConditionSerializer(required=False, allow_null=True, default=None)
    relevant = serializers.SerializerMethodField(
        help_text="the condition as an XLSForm relevant expression")
    source = serializers.CharField(read_only=True)

    def get_relevant(self, spec) -> str | None:
        if spec.condition is None:
            return None
        kinds = self.context.get("kinds", {})
        return relevant_expression(spec.condition, kinds.get(spec.condition.question, ""))

    def to_representation(self, spec):
        data = super().to_representation(spec)
        data["choices"] = [{"value": c.value, "label": c.label} for c in spec.choices]
        data["condition"] = ({"question": spec.condition.question,
                              "operator": spec.condition.operator,
                              "value": spec.condition.value} if spec.condition else None)
        return data


def spec_from(data: dict, *, before: QuestionSpec | None = None) -> QuestionSpec:
    """A question as the API sent it; what the API does not edit (translations, its
    benchmark source, its choice list) stays as it was."""
    condition = data.get("condition")
    kind = data["kind"]
    return QuestionSpec(
        code=data["code"], kind=kind, text=data["text"], hint=data.get("hint", ""),
        section=data.get("section", ""), required=data.get("required", False),
        minimum=_decimal(data.get("minimum")), maximum=_decimal(data.get("maximum")),
        whole=data.get("whole", False) and kind == "number",
        low_label=data.get("low_label", ""), high_label=data.get("high_label", ""),
        choices=tuple(ChoiceSpec(c["value"], c["label"]) for c in data.get("choices", ()))
        if kind in WITH_CHOICES else (),
        condition=Condition(condition["question"], condition["operator"], condition["value"])
        if condition else None,
        choice_list=before.choice_list if before else "",
        source=before.source if before else "",
        translations=before.translations if before else {})


def _decimal(value):
    return None if value is None else Decimal(value).normalize()


class QuestionUpdateSerializer(QuestionSerializer):
    """A question as sent to replace one: the same fields, and the edit count it started
    from."""

    kind = serializers.CharField(help_text=f"one of {', '.join(KINDS)}")
    edit_count = serializers.IntegerField(min_value=0)


class SurveySerializer(serializers.Serializer):
    year = serializers.IntegerField()
    title = serializers.CharField()
    introduction = serializers.CharField()
    language = serializers.CharField()
    deadline = serializers.DateField()
    state = serializers.CharField(help_text="draft, open or closed")
    publication = serializers.ChoiceField(choices=CharterSurvey.Publication.choices)
    published_at = serializers.DateTimeField(allow_null=True)
    benchmarks = serializers.SerializerMethodField()
    copied_from = serializers.IntegerField(source="copied_from.year", allow_null=True,
                                           default=None)
    edit_count = serializers.IntegerField()

    def get_benchmarks(self, survey) -> list[str]:
        return [f"{b.slug}:{b.version}" for b in survey.benchmarks.all()]


class SurveyDetailSerializer(SurveySerializer):
    questions = serializers.SerializerMethodField()

    def get_questions(self, survey) -> list[dict]:
        definition = self.context["definition"]
        kinds = {q.code: q.kind for q in definition.questions}
        return QuestionSerializer(definition.questions, many=True,
                                  context={"kinds": kinds}).data


class SurveyBenchmarkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    version = serializers.IntegerField(min_value=1)


class SurveyCreateSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    title = serializers.CharField(max_length=300)
    deadline = serializers.DateField()
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, default="en")
    introduction = serializers.CharField(required=False, allow_blank=True, default="")
    benchmarks = SurveyBenchmarkSerializer(many=True, required=False, default=list)
    start_from_previous = serializers.BooleanField(
        required=False, default=False,
        help_text="copy the questions of the newest earlier year's survey")


class SurveyUpdateSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(min_value=0)
    title = serializers.CharField(max_length=300, required=False)
    introduction = serializers.CharField(required=False, allow_blank=True)
    deadline = serializers.DateField(required=False)
    language = serializers.ChoiceField(choices=LANGUAGE_CODES, required=False)


class StateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=CharterSurvey.State.choices)


class PublicationSerializer(serializers.Serializer):
    publication = serializers.ChoiceField(choices=CharterSurvey.Publication.choices)


class InvitationRequestSerializer(serializers.Serializer):
    cities = serializers.ListField(child=serializers.SlugField(), required=False,
                                   allow_null=True, default=None,
                                   help_text="only these cities (default: every signatory)")
    again = serializers.BooleanField(required=False, default=False,
                                     help_text="send a new link to cities already invited")


class SkippedSerializer(serializers.Serializer):
    city = serializers.CharField()
    reason = serializers.CharField()


class InvitationOutcomeSerializer(serializers.Serializer):
    sent = serializers.ListField(child=serializers.CharField())
    skipped = serializers.SerializerMethodField()

    def get_skipped(self, outcome) -> list[dict]:
        return SkippedSerializer([{"city": c, "reason": r} for c, r in outcome.skipped],
                                 many=True).data


class ProgressSerializer(serializers.Serializer):
    city = serializers.CharField(source="city.slug")
    city_name = serializers.CharField(source="city.name")
    signatory = serializers.SerializerMethodField()
    withdrawn = serializers.SerializerMethodField()
    status = serializers.SerializerMethodField()
    invited_at = serializers.DateTimeField(source="response.invited_at", default=None)
    last_reminded_on = serializers.DateField(source="response.last_reminded_on", default=None)
    saved_at = serializers.DateTimeField(source="response.saved_at", default=None)
    submitted_at = serializers.DateTimeField(source="response.submitted_at", default=None)
    submitted_by_name = serializers.CharField(source="response.submitted_by_name", default="")

    def get_signatory(self, row) -> bool:
        return row["signatory"] is not None

    def get_withdrawn(self, row) -> bool:
        return bool(row["signatory"] and row["signatory"].withdrawn)

    def get_status(self, row) -> str:
        return row["response"].status if row["response"] else "not_invited"


class ResponseSerializer(serializers.Serializer):
    year = serializers.IntegerField(source="survey.year")
    city = serializers.CharField(source="city.slug")
    city_name = serializers.CharField(source="city.name")
    status = serializers.CharField(help_text="not_invited, invited, draft or submitted")
    edit_count = serializers.IntegerField()
    saved_at = serializers.DateTimeField(allow_null=True)
    saved_by_name = serializers.CharField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    submitted_by_name = serializers.CharField()
    answers = serializers.SerializerMethodField(help_text="question code -> answer")
    shown = serializers.SerializerMethodField(help_text="the questions its answers show")

    def get_answers(self, response) -> dict:
        return {code: json_value(value) for code, value in self.context["answers"].items()}

    def get_shown(self, response) -> list[str]:
        return [q.code for q in self.context["definition"].questions
                if q.code in self.context["shown"]]


class AnswersSerializer(serializers.Serializer):
    edit_count = serializers.IntegerField(min_value=0)
    answers = serializers.DictField(
        child=serializers.JSONField(allow_null=True),
        help_text="question code -> answer: a number, a choice value, a list of choice "
                  "values or a text; every answer of the draft (what is left out is cleared)")
    your_name = serializers.CharField(max_length=200, required=False, allow_blank=True,
                                      default="")


class XLSFormUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="an XLSForm workbook (.xlsx)")


class CountSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    share = serializers.FloatField(allow_null=True)


class ResultSerializer(serializers.Serializer):
    code = serializers.CharField()
    shown = serializers.IntegerField()
    answered = serializers.IntegerField()
    counts = CountSerializer(many=True)
    mean = serializers.FloatField(allow_null=True)
    median = serializers.FloatField(allow_null=True)
    lowest = serializers.FloatField(allow_null=True)
    highest = serializers.FloatField(allow_null=True)


class LicenceSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    url = serializers.URLField()


class CityAnswersSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField()
    submitted_at = serializers.CharField()
    answers = serializers.DictField(child=serializers.JSONField())


class ResultsSerializer(serializers.Serializer):
    """The results document (docs/surveys.md): the same as the open data JSON."""

    format = serializers.CharField()
    licence = LicenceSerializer()
    attribution = serializers.CharField()
    survey = serializers.DictField()
    questions = serializers.ListField(child=serializers.DictField())
    results = ResultSerializer(many=True)
    cities = CityAnswersSerializer(many=True, allow_null=True,
                                   help_text="each city's answers; null unless published "
                                             "per city (or for the coordinator)")


class TrendYearSerializer(ResultSerializer):
    year = serializers.IntegerField()


class TrendSerializer(serializers.Serializer):
    code = serializers.CharField()
    kind = serializers.CharField()
    text = serializers.CharField()
    minimum = serializers.FloatField(allow_null=True)
    maximum = serializers.FloatField(allow_null=True)
    left_out = serializers.ListField(child=serializers.IntegerField())
    years = TrendYearSerializer(many=True)


class TrendsSerializer(serializers.Serializer):
    format = serializers.CharField()
    licence = LicenceSerializer()
    attribution = serializers.CharField()
    years = serializers.ListField(child=serializers.IntegerField())
    city_years = serializers.ListField(child=serializers.IntegerField())
    questions = TrendSerializer(many=True)
    cities = serializers.ListField(child=serializers.DictField())
