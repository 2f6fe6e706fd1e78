"""Forms of the evidence pages. They check types and choices; the domain functions check
everything else and their messages are put back under the fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from citypeer.assessment.models import Assessment, EvidenceItem, Finding


def add_domain_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        if field in form.fields:
            form.add_error(field, errors)
        else:
            form.add_error(None, [f"{field}: {e}" for e in errors])


class EvidenceForm(forms.Form):
    indicators = forms.MultipleChoiceField(label=_("Indicators"), choices=())
    source = forms.ChoiceField(label=_("Source"), choices=EvidenceItem.Source.choices,
                               initial=EvidenceItem.Source.INTERVIEW)
    interview = forms.TypedChoiceField(label=_("Interview"), choices=(), coerce=int,
                                       required=False, empty_value=None)
    workshop = forms.TypedChoiceField(label=_("Workshop"), choices=(), coerce=int,
                                      required=False, empty_value=None)
    interviewee = forms.TypedChoiceField(
        label=_("Interviewee (workshop)"), choices=(), coerce=int, required=False,
        empty_value=None)
    document = forms.CharField(label=_("Document"), max_length=300, required=False)
    page = forms.CharField(label=_("Page"), max_length=20, required=False)
    interviewers = forms.CharField(label=_("Interviewers' initials"), max_length=20,
                                   required=False,
                                   help_text=_("For a source other than an interview, "
                                               "for example “JB & FC”."))
    text = forms.CharField(label=_("Evidence"), widget=forms.Textarea(attrs={"rows": 6}))
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceItem.Kind.choices,
                             initial=EvidenceItem.Kind.FACT, widget=forms.RadioSelect)
    direction = forms.ChoiceField(label=_("Direction"), choices=EvidenceItem.Direction.choices,
                                  initial=EvidenceItem.Direction.NEITHER,
                                  widget=forms.RadioSelect)
    client_key = forms.CharField(required=False, widget=forms.HiddenInput)
    edit_count = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, indicators=(), interviews=(), workshops=(), interviewees=(),
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = [(i.code, f"{i.code} {i.text[:80]}")
                                             for i in indicators]
        self.fields["interview"].choices = [("", "—")] + [
            (i.pk, _("Interview %(number)s") % {"number": i.number}) for i in interviews]
        self.fields["workshop"].choices = [("", "—")] + [
            (w.pk, _("Workshop %(label)s") % {"label": w.label}) for w in workshops]
        self.fields["interviewee"].choices = [("", "—")] + [(p.pk, str(p))
                                                            for p in interviewees]

    def domain_kwargs(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in (
            "indicators", "source", "interview", "workshop", "interviewee", "document",
            "page", "interviewers", "text", "kind", "direction")}

    @staticmethod
    def initial_from(item: EvidenceItem) -> dict:
        """The form's values for a stored item (its indicators prefetched)."""
        return {
            "indicators": [i.code for i in item.indicators.all()], "source": item.source,
            "interview": item.interview_id, "workshop": item.workshop_id,
            "interviewee": item.interviewee_id, "document": item.document, "page": item.page,
            "interviewers": item.interviewers, "text": item.text, "kind": item.kind,
            "direction": item.direction, "edit_count": item.edit_count,
        }


class AssessmentForm(forms.Form):
    colour = forms.ChoiceField(label=_("Final colour"), choices=Assessment.Colour.choices,
                               widget=forms.RadioSelect)
    rationale = forms.CharField(label=_("Rationale"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
    edit_count = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    @staticmethod
    def initial_from(row) -> dict:
        """The form's values for an indicator (`domain.assessments.IndicatorAssessment`):
        the team's decision, or the proposal before it decides."""
        decision = row.decision
        edit_count = decision.edit_count if decision else 0
        return {"colour": decision.colour if edit_count else row.proposal.colour.value,
                "rationale": decision.rationale if decision else "", "edit_count": edit_count}


class FindingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Finding.Kind.choices,
                             widget=forms.RadioSelect)
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}))
    barriers = forms.CharField(label=_("Barriers behind it (weaknesses)"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))
    indicators = forms.MultipleChoiceField(label=_("Indicators"), choices=(), required=False)
    evidence = forms.TypedMultipleChoiceField(label=_("Evidence it rests on"), choices=(),
                                              coerce=int, required=False,
                                              widget=forms.CheckboxSelectMultiple)
    edit_count = forms.IntegerField(min_value=0, widget=forms.HiddenInput, initial=0)

    def __init__(self, *args, indicators=(), evidence=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = [(i.code, i.code) for i in indicators]
        self.fields["evidence"].choices = evidence

    @staticmethod
    def initial_from(finding: Finding | None) -> dict:
        if finding is None:
            return {"edit_count": 0}
        return {"kind": finding.kind, "text": finding.text, "barriers": finding.barriers,
                "indicators": [i.code for i in finding.indicators.all()],
                "evidence": sorted(e.pk for e in finding.evidence.all()),
                "edit_count": finding.edit_count}


class GoodPracticeForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"),
                                  widget=forms.Textarea(attrs={"rows": 4}))
    indicators = forms.MultipleChoiceField(label=_("Indicators"), choices=())
    transferable = forms.BooleanField(label=_("Transferable to other cities"), required=False)
    edit_count = forms.IntegerField(min_value=0, widget=forms.HiddenInput, initial=0)

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = [(i.code, f"{i.code} {i.text[:60]}")
                                             for i in indicators]

    @staticmethod
    def initial_from(practice) -> dict:
        """The form's values for a good practice (`practices.GoodPractice`)."""
        if practice is None:
            return {"edit_count": 0}
        return {"title": practice.title, "description": practice.description,
                "indicators": [i.code for i in practice.indicators.all()],
                "transferable": practice.transferable, "edit_count": practice.edit_count}


class EvidenceSearchForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False)
    indicator = forms.ChoiceField(label=_("Indicator"), required=False, choices=())
    pillar = forms.ChoiceField(label=_("Pillar"), required=False, choices=())
    value = forms.ChoiceField(label=_("Value"), required=False, choices=())
    source = forms.ChoiceField(label=_("Source"), required=False,
                               choices=[("", "—"), *EvidenceItem.Source.choices])
    interviewer = forms.CharField(label=_("Interviewer"), required=False, max_length=4)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", "—"), *EvidenceItem.Kind.choices])
    direction = forms.ChoiceField(label=_("Direction"), required=False,
                                  choices=[("", "—"), *EvidenceItem.Direction.choices])

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        indicators = list(indicators)
        self.fields["indicator"].choices = [("", "—")] + [(i.code, i.code) for i in indicators]
        pillars = {i.pillar.code: i.pillar.name for i in indicators}
        values = {i.value.code: i.value.name for i in indicators}
        self.fields["pillar"].choices = [("", "—")] + list(pillars.items())
        self.fields["value"].choices = [("", "—")] + list(values.items())
