"""The coordinator's forms: the register, a year's survey, a question, an XLSForm upload.
A city's answers are read from the page's fields by `answers_from_post`, since their fields
are the survey's questions."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.benchmarks.domain.queries.benchmarks import latest_versions
from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.surveys.method.definition import (
    MULTIPLE,
    WITH_CHOICES,
    ChoiceSpec,
    Condition,
    QuestionSpec,
)
from citypeer.surveys.models import Question, Signatory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EditCountForm(forms.Form):
    edit_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class SignatoryForm(EditCountForm):
    city = forms.ModelChoiceField(queryset=City.objects.none(), label=gettext_lazy("City"))
    signed_on = forms.DateField(label=gettext_lazy("Signed the Charter on"), widget=DATE)
    contact_name = forms.CharField(label=gettext_lazy("Contact name"), max_length=200)
    contact_email = forms.EmailField(label=gettext_lazy("Contact e-mail"))
    contact_language = forms.ChoiceField(label=gettext_lazy("Contact's language"),
                                         choices=settings.LANGUAGES, initial="en")
    withdrawn = forms.BooleanField(label=gettext_lazy("Withdrawn from the Charter"),
                                   required=False)

    def __init__(self, *args, signatory: Signatory | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if signatory is None:
            del self.fields["edit_count"], self.fields["withdrawn"]
            self.fields["city"].queryset = City.objects.filter(signatory__isnull=True)
        else:
            del self.fields["city"]


class SurveyForm(forms.Form):
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    deadline = forms.DateField(label=gettext_lazy("Deadline"), widget=DATE)
    language = forms.ChoiceField(label=gettext_lazy("Language of the questions"),
                                 choices=settings.LANGUAGES, initial="en")
    introduction = forms.CharField(label=gettext_lazy("Introduction"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))
    start_from_previous = forms.BooleanField(
        label=gettext_lazy("Start from last year's survey"), required=False,
        help_text=gettext_lazy("Copies its questions (and its benchmarks); the benchmarks "
                               "below are then not used."))
    benchmarks = forms.ModelMultipleChoiceField(
        queryset=Benchmark.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("A question for each indicator or key factor of"))

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benchmarks"].queryset = Benchmark.objects.filter(
            pk__in=[b.pk for b in latest_versions()])
        if previous is None:
            del self.fields["start_from_previous"]
        else:
            self.fields["start_from_previous"].label = _(
                "Start from last year's survey (%(year)s)") % {"year": previous.year}
            self.fields["start_from_previous"].initial = True


class SurveyEditForm(EditCountForm):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    deadline = forms.DateField(label=gettext_lazy("Deadline"), widget=DATE)
    language = forms.ChoiceField(label=gettext_lazy("Language of the questions"),
                                 choices=settings.LANGUAGES)
    introduction = forms.CharField(label=gettext_lazy("Introduction"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 3}))


class XLSFormUpload(forms.Form):
    file = forms.FileField(label=gettext_lazy("XLSForm workbook (.xlsx)"))


def _choices_text(choices) -> str:
    return "\n".join(f"{c.value} = {c.label}" for c in choices)


class QuestionForm(EditCountForm):
    code = forms.CharField(label=gettext_lazy("Code"), max_length=100,
                           help_text=Question._meta.get_field("code").help_text)
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Question.Kind.choices)
    text = forms.CharField(label=gettext_lazy("Question"),
                           widget=forms.Textarea(attrs={"rows": 2}))
    hint = forms.CharField(label=gettext_lazy("Hint"), required=False)
    section = forms.CharField(label=gettext_lazy("Section"), required=False, max_length=200)
    required = forms.BooleanField(label=gettext_lazy("An answer is required"), required=False)
    minimum = forms.DecimalField(label=gettext_lazy("Lowest answer"), required=False,
                                 max_digits=19, decimal_places=4,
                                 help_text=gettext_lazy("Scale and number questions."))
    maximum = forms.DecimalField(label=gettext_lazy("Highest answer"), required=False,
                                 max_digits=19, decimal_places=4)
    whole_number = forms.BooleanField(label=gettext_lazy("Whole numbers only"),
                                      required=False)
    low_label = forms.CharField(label=gettext_lazy("What the lowest point means"),
                                required=False, max_length=200,
                                help_text=gettext_lazy("Scale questions."))
    high_label = forms.CharField(label=gettext_lazy("What the highest point means"),
                                 required=False, max_length=200)
    choices = forms.CharField(
        label=gettext_lazy("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Choice questions: one a line, as value = label (for "
                               "example: yes = Yes)."))
    condition_on = forms.ChoiceField(label=gettext_lazy("Shown only when the answer to"),
                                     required=False)
    condition_operator = forms.ChoiceField(
        label=gettext_lazy("Condition"), required=False,
        choices=[("", "—"), *Question.Operator.choices])
    condition_value = forms.CharField(label=gettext_lazy("Value"), required=False,
                                      max_length=200)

    def __init__(self, *args, earlier=(), question: Question | None = None, spec=None,
                 **kwargs):
        if spec is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "code": spec.code, "kind": spec.kind, "text": spec.text, "hint": spec.hint,
                "section": spec.section, "required": spec.required,
                "minimum": spec.minimum, "maximum": spec.maximum,
                "whole_number": spec.whole, "low_label": spec.low_label,
                "high_label": spec.high_label, "choices": _choices_text(spec.choices),
                "condition_on": spec.condition.question if spec.condition else "",
                "condition_operator": spec.condition.operator if spec.condition else "",
                "condition_value": spec.condition.value if spec.condition else "",
                "edit_count": question.edit_count if question else 0,
            }
        super().__init__(*args, **kwargs)
        self.spec = spec
        self.earlier = {q.code: q for q in earlier}
        self.fields["condition_on"].choices = [("", "—"), *[
            (q.code, f"{q.code} – {q.text[:60]}") for q in earlier]]
        if question is None:
            self.fields["edit_count"].required = False

    def clean_choices(self):
        parsed = []
        for number, line in enumerate(self.cleaned_data["choices"].splitlines(), start=1):
            if not line.strip():
                continue
            value, sep, label = line.partition("=")
            if not sep:
                raise forms.ValidationError(_(
                    "Line %(number)s: write the choice as value = label.") % {"number": number})
            parsed.append((value.strip(), label.strip()))
        return parsed

    def to_spec(self) -> QuestionSpec:
        data = self.cleaned_data
        kind = data["kind"]
        before = {c.value: c for c in self.spec.choices} if self.spec else {}
        choices = tuple(ChoiceSpec(value, label, dict(before[value].translations)
                                   if value in before and before[value].label == label else {})
                        for value, label in data["choices"]) if kind in WITH_CHOICES else ()
        condition = None
        if data["condition_on"]:
            target = self.earlier.get(data["condition_on"])
            condition = Condition(data["condition_on"], data["condition_operator"] or (
                "includes" if target and target.kind == MULTIPLE else "equals"),
                data["condition_value"].strip())
        spec = QuestionSpec(
            code=data["code"].strip(), kind=kind, text=data["text"].strip(),
            hint=data["hint"].strip(), section=data["section"].strip(),
            required=data["required"], minimum=_bound(data["minimum"]),
            maximum=_bound(data["maximum"]),
            whole=data["whole_number"] and kind == "number",
            low_label=data["low_label"].strip(), high_label=data["high_label"].strip(),
            choices=choices, condition=condition)
        if self.spec is not None:  # what the form does not edit stays as it was
            spec = replace(spec, choice_list=self.spec.choice_list, source=self.spec.source,
                           translations=self.spec.translations)
        return spec


def _bound(value):
    return None if value is None else Decimal(value).normalize()


def answers_from_post(definition, data) -> dict:
    """The answers a response page sends: one field per question, named by its code."""
    answers = {}
    for question in definition.questions:
        name = f"answer-{question.code}"
        if question.kind == MULTIPLE:
            answers[question.code] = data.getlist(name)
        else:
            answers[question.code] = data.get(name, "")
    return answers
