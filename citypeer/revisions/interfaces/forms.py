from django import forms
from django.utils.translation import gettext_lazy as _

from citypeer.revisions.models import IndicatorComment


class CommentForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    kind = forms.ChoiceField(label=_("The indicator is"), choices=IndicatorComment.Kind.choices)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}),
                           required=False)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.code, f"{i.code} {i.text[:80]}")
                                            for i in indicators]


class DraftForm(forms.Form):
    document = forms.CharField(
        label=_("The new version (benchmark file, YAML)"),
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "false", "class": "code"}),
        help_text=_("Reword, remove, add or move indicators; the format is described in "
                    "docs/benchmark-format.md."),
    )
    overrides = forms.CharField(
        label=_("Corrections of the mapping"), required=False,
        widget=forms.Textarea(attrs={"rows": 4, "class": "code"}),
        help_text=_("One per line: OLD = NEW when an old indicator became a new one that the "
                    "comparison of texts does not find; OLD = - when it is removed."),
    )
    edit_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
