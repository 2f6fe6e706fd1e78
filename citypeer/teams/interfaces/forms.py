"""Forms of the team, conflict and training pages. They only parse input; the rules are in
the domain functions, whose refusals the views add to the form as errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.models import Review
from citypeer.teams.models import Conflict, TeamMember, TrainingEvent


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.city})" if obj.city_id else str(obj)


class AssignMemberForm(forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=TeamMember.Role.choices,
                             initial=TeamMember.Role.PEER)

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        # Everyone in the pool is offered, conflicts included: trying one gives the refusal
        # that says which conflict applies.
        self.fields["person"].queryset = (
            review.programme.peer_pool.exclude(team_memberships__team__review=review)
            .select_related("city").order_by("name", "username")
        )


class LeaderForm(forms.Form):
    person = PersonChoiceField(label=_("Team leader"), queryset=User.objects.none())
    appointed_at = forms.ModelChoiceField(
        label=_("Appointed at (training session)"), queryset=TrainingEvent.objects.none(),
        required=False,
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            team_memberships__team__review=review
        ).select_related("city").order_by("name", "username")
        self.fields["appointed_at"].queryset = TrainingEvent.objects.filter(
            programme_id=review.programme_id
        )


class ConflictForm(forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=User.objects.none())
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.order_by("name"))
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[c for c in Conflict.Kind.choices if c[0] != Conflict.Kind.OWN_CITY],
        help_text=_("A person's own city is always a conflict and needs no declaring."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=500,
                           widget=forms.TextInput)
    pinned = forms.BooleanField(
        label=_("Pinned (only the coordinator can unpin it; it cannot be removed while "
                "pinned)"),
        required=False,
    )

    def __init__(self, *args, user, coordinator: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if coordinator:
            self.fields["person"].queryset = User.objects.filter(
                is_active=True
            ).select_related("city").order_by("name", "username")
        else:
            # People declare their own conflicts; they neither choose whom nor pin.
            self.fields["person"].queryset = User.objects.filter(pk=user.pk)
            self.fields["person"].initial = user.pk
            self.fields["person"].widget = forms.HiddenInput()
            del self.fields["pinned"]


class TrainingEventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"),
                                widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Ends on"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        label=_("Attended"), queryset=User.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = people
        self.fields["present"].label_from_instance = (
            lambda u: f"{u} ({u.city})" if u.city_id else str(u)
        )


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("File"))


class AppointLeaderForm(forms.Form):
    review = forms.ModelChoiceField(label=_("Host city"), queryset=Review.objects.none())
    person = PersonChoiceField(label=_("Team leader"), queryset=User.objects.none())

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = Review.objects.filter(
            programme_id=event.programme_id
        ).select_related("city").order_by("city__name")
        self.fields["review"].label_from_instance = lambda r: r.city.name
        self.fields["person"].queryset = User.objects.filter(
            team_memberships__team__review__programme_id=event.programme_id
        ).distinct().select_related("city").order_by("name", "username")


class AcceptSuggestionForm(forms.Form):
    """The suggestion shown, sent back: one `review_id:person_id` per added peer."""

    assignment = forms.CharField(required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.assignments: list[tuple[int, int]] = []
        if data is not None:
            self.raw = data.getlist("assignment")

    def clean(self):
        pairs = []
        for raw in self.raw:
            review, _sep, person = raw.partition(":")
            if not (review.isdigit() and person.isdigit()):
                raise forms.ValidationError(
                    _("assignment: %(value)s is not of the form REVIEW:PERSON."),
                    params={"value": raw},
                )
            pairs.append((int(review), int(person)))
        self.assignments = pairs
        return self.cleaned_data
