from django import forms
from django.utils.translation import gettext_lazy as _

from citypeer.people.domain import initials_from_name
from citypeer.people.languages import spoken_language_choices
from citypeer.people.models import User


class ProfileForm(forms.ModelForm):
    """What a person may change about themselves. City and roles are set by the
    coordinator: the city decides whom a peer may not review."""

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=spoken_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = User
        fields = ["name", "initials", "organisation", "email", "languages", "language"]

    def clean_initials(self):
        initials = self.cleaned_data.get("initials", "").strip().upper()
        return initials or initials_from_name(self.cleaned_data.get("name", ""))
