"""The desk review's judgement form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeer.deskreviews.models import DeskJudgement


class LinesField(forms.CharField):
    """A list of texts edited as one item per line."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("One item per line."))
        super().__init__(strip=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class JudgementForm(forms.Form):
    """One indicator of a peer's desk review. New people to meet come as parallel lists
    `new_name`, `new_role`, `new_organisation` (one row each), so that rows can be added on
    the page without renumbering."""

    edit_count = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    performance = forms.ChoiceField(
        label=_("Performance"), required=False, widget=forms.RadioSelect,
        choices=[("", _("not judged yet")), *DeskJudgement.Performance.choices],
    )
    known = LinesField(label=_("We know"))
    unknown = LinesField(label=_("We don't know"))
    suspected = LinesField(label=_("We suspect"))
    questions = LinesField(label=_("We would like to ask"))
    to_meet = forms.TypedMultipleChoiceField(
        label=_("We would like to meet"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_meet"].choices = [(p.pk, str(p)) for p in people]

    def new_people(self) -> list[dict]:
        if not self.is_bound:
            return list(self.initial.get("to_meet_new", []))
        names, roles, organisations = (self.data.getlist(f"new_{key}")
                                       for key in ("name", "role", "organisation"))
        rows = max(len(names), len(roles), len(organisations))

        def at(values, i):
            return values[i] if i < len(values) else ""

        return [
            {"name": at(names, i), "role": at(roles, i), "organisation": at(organisations, i)}
            for i in range(rows)
        ]

    def judgement_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "edit_count": data["edit_count"], "performance": data["performance"],
            "known": data["known"], "unknown": data["unknown"], "suspected": data["suspected"],
            "questions": data["questions"], "to_meet": data["to_meet"],
            "to_meet_new": self.new_people(),
        }

    def add_domain_errors(self, exc) -> None:
        """The save's ValidationError shown where it belongs: under its field, or above the
        form for what has no field of its own."""
        other_fields = {"to_meet_new": _("New people to meet"), "indicator": _("Indicator"),
                        "edit_count": _("Edit count")}
        for field, errors in exc.message_dict.items():
            if field in self.fields:
                self.add_error(field, errors)
            else:
                self.add_error(None, [f"{other_fields.get(field, field)}: {e}" for e in errors])
