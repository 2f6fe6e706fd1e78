"""Forms of the visit's pages. They only turn posted text into the domain functions' input;
the rules (and the messages naming the field) are the domain's."""

import re

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.visits.models import Interviewee

WINDOW = re.compile(r"^\s*(?:day\s*)?(\d+)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$",
                    re.IGNORECASE)


def windows_to_text(windows) -> str:
    return "\n".join(f"{w['day']} {w['start']}-{w['end']}" for w in windows or [])


def text_to_windows(text: str) -> list[dict]:
    """`2 09:00-12:00` per line (or separated by ;). A line that does not read is passed on
    as it is so that the domain names it."""
    out = []
    for line in re.split(r"[;\n]", text or ""):
        if not line.strip():
            continue
        match = WINDOW.match(line)
        if match is None:
            raise forms.ValidationError(
                _("'%(line)s' is not a window such as “2 09:00-12:00” (day, start-end)")
                % {"line": line.strip()})
        day, start, end = match.groups()
        out.append({"day": int(day), "start": start.zfill(5), "end": end.zfill(5)})
    return out


class MoveForm(forms.Form):
    day = forms.TypedChoiceField(label=gettext_lazy("Day"), coerce=int)
    start = forms.ChoiceField(label=gettext_lazy("Starts at"))
    peer_a = forms.ChoiceField(label=gettext_lazy("First peer"))
    peer_b = forms.ChoiceField(label=gettext_lazy("Second peer"))
    edit_count = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, days=(), times=(), peers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].choices = [(n, label) for n, label in days]
        self.fields["start"].choices = [(t, t) for t in times]
        self.fields["peer_a"].choices = self.fields["peer_b"].choices = [
            (p, p) for p in peers]


class IntervieweeForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200)
    role = forms.CharField(label=gettext_lazy("Role"), max_length=200, required=False)
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=200,
                                   required=False)
    category = forms.ChoiceField(label=gettext_lazy("Category"),
                                 choices=Interviewee.Category.choices)
    language = forms.CharField(label=gettext_lazy("Language of the interview"), max_length=3,
                               required=False,
                               help_text=gettext_lazy("A code such as en, fr, fi; empty for "
                                                      "any."))
    interpreter = forms.BooleanField(label=gettext_lazy("Needs an interpreter (two slots)"),
                                     required=False)
    required = forms.BooleanField(label=gettext_lazy("Must be met"), required=False)
    withdrawn = forms.BooleanField(label=gettext_lazy("Not to be met"), required=False)
    availability = forms.CharField(
        label=gettext_lazy("Availability"), required=False, widget=forms.Textarea(
            attrs={"rows": 3}),
        help_text=gettext_lazy("One window per line: day, start-end, for example "
                               "“2 09:00-12:00”. Empty: available throughout."))
    indicators = forms.CharField(
        label=gettext_lazy("Indicators they can speak to"), required=False,
        help_text=gettext_lazy("Codes separated by spaces or commas, for example AC/I/3."))
    notes = forms.CharField(label=gettext_lazy("Notes"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))
    edit_count = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_availability(self):
        return text_to_windows(self.cleaned_data["availability"])

    def clean_indicators(self):
        return [c for c in re.split(r"[\s,;]+", self.cleaned_data["indicators"]) if c]

    def domain_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("edit_count", None)
        return data

    @classmethod
    def initial_for(cls, row: Interviewee) -> dict:
        return {
            "name": row.name, "role": row.role, "organisation": row.organisation,
            "category": row.category, "language": row.language,
            "interpreter": row.interpreter, "required": row.required,
            "withdrawn": row.withdrawn, "availability": windows_to_text(row.availability),
            "indicators": " ".join(i.code for i in row.indicators.all()), "notes": row.notes,
            "edit_count": row.edit_count,
        }


def add_problems(form: forms.Form, problems) -> None:
    """The domain's (field, message) problems on the form's fields."""
    for field, message in problems:
        name = re.split(r"[.\[]", field, maxsplit=1)[0]
        if name in form.fields:
            form.add_error(name, f"{field}: {message}" if name != field else message)
        else:
            form.add_error(None, f"{field}: {message}")
