from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeer.benchmarks.models import Benchmark
from citypeer.network.models import City
from citypeer.people.models import User
from citypeer.programmes.domain.programmes import PhaseDates, validate_phases
from citypeer.programmes.models import ProgrammePhase, ReviewStep


class DateInput(forms.DateInput):
    input_type = "date"


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200,
                           help_text=_("For example “INTI-CITIES 2008”."))
    slug = forms.SlugField(label=_("Short name"), max_length=80, required=False,
                           help_text=_("Used in addresses; made from the name when empty."))
    benchmark = forms.ModelChoiceField(
        label=_("Benchmark version"), queryset=Benchmark.objects.order_by("slug", "-version"),
    )
    cities = forms.ModelMultipleChoiceField(
        label=_("Participating cities"), queryset=City.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    host_cities = forms.ModelMultipleChoiceField(
        label=_("Host cities (reviewed)"), queryset=City.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )
    peer_pool = forms.ModelMultipleChoiceField(
        label=_("Peer pool"), required=False,
        queryset=User.objects.filter(Q(is_peer=True) | Q(is_expert=True)).select_related("city"),
        widget=forms.CheckboxSelectMultiple,
    )
    team_size = forms.IntegerField(label=_("Peers per team"), min_value=1, max_value=12,
                                   initial=4)
    max_reviews_per_peer = forms.IntegerField(label=_("Reviews per peer at most"),
                                              min_value=1, max_value=10, initial=2)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benchmark"].label_from_instance = lambda b: f"{b.title} (v{b.version})"
        for kind, label in ProgrammePhase.Kind.choices:
            self.fields[f"{kind}_starts_on"] = forms.DateField(
                label=_("%(phase)s starts") % {"phase": label}, required=False,
                widget=DateInput,
            )
            self.fields[f"{kind}_ends_on"] = forms.DateField(
                label=_("%(phase)s ends") % {"phase": label}, required=False, widget=DateInput,
            )

    def phase_fields(self):
        return [(self[f"{k}_starts_on"], self[f"{k}_ends_on"]) for k in ProgrammePhase.Kind.values]

    def phases(self) -> list[PhaseDates]:
        dates = [
            PhaseDates(kind, self.cleaned_data.get(f"{kind}_starts_on"),
                       self.cleaned_data.get(f"{kind}_ends_on"))
            for kind in ProgrammePhase.Kind.values
        ]
        return [p for p in dates if p.starts_on or p.ends_on]

    def clean(self):
        data = super().clean()
        hosts, cities = data.get("host_cities"), data.get("cities")
        if hosts is not None and cities is not None:
            outside = [c.name for c in hosts if c not in cities]
            if outside:
                self.add_error("host_cities", _("Also tick these as participating cities: %s")
                               % ", ".join(outside))
        for kind, _problem in validate_phases(self.phases()):
            self.add_error(f"{kind}_ends_on", _("This phase ends before it starts."))
        return data


class ReviewStepForm(forms.ModelForm):
    class Meta:
        model = ReviewStep
        fields = ["status", "due_on", "responsible"]
        widgets = {"due_on": DateInput}
