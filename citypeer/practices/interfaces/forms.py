from django import forms
from django.utils.translation import gettext_lazy as _

from citypeer.benchmarks.models import Indicator
from citypeer.practices.models import GoodPractice


class PracticeSearchForm(forms.Form):
    q = forms.CharField(label=_("Text"), required=False)
    indicator = forms.CharField(label=_("Indicator"), required=False,
                                help_text=_("a code, e.g. GG/A/6"))
    pillar = forms.CharField(label=_("Pillar"), required=False, help_text=_("GG, IE, AC or WP"))
    key_factor = forms.CharField(label=_("Key factor"), required=False,
                                 help_text=_("a code (KF3) or words of its title"))
    city = forms.CharField(label=_("City"), required=False)


class PracticeForm(forms.ModelForm):
    class Meta:
        model = GoodPractice
        fields = ["title", "theme", "year", "description", "indicators", "transferable",
                  "published"]
        widgets = {"indicators": forms.CheckboxSelectMultiple}

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].queryset = Indicator.objects.filter(
            benchmark_id=review.programme.benchmark_id).order_by("position")
        self.fields["indicators"].label_from_instance = lambda i: f"{i.code} {i.text[:90]}"
        self.fields["published"].label = _("Show on the public page once the programme's "
                                           "comparison is published")
