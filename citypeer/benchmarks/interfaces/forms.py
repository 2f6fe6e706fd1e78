from django import forms
from django.utils.translation import gettext_lazy as _

MAX_BENCHMARK_FILE_BYTES = 2 * 1024 * 1024


class BenchmarkImportForm(forms.Form):
    file = forms.FileField(
        label=_("Benchmark file (YAML or JSON)"),
        help_text=_("The format is described by the benchmark JSON Schema; an export is a "
                    "good starting point."),
    )
    replace = forms.BooleanField(
        label=_("Replace this version if it exists (refused while a programme uses it)"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BENCHMARK_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        name = upload.name.lower()
        if not name.endswith((".yaml", ".yml", ".json")):
            raise forms.ValidationError(_("Upload a .yaml, .yml or .json file."))
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from exc
