"""Forms of the initial report's pages. Editable fields carry the edit count they were shown at;
the background form also carries each field's shown value (`show_hidden_initial`) so that
only what the person changed is saved."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from citypeer.initialreports.domain.reports import entry_values, provenance_values
from citypeer.initialreports.method.report import (
    BUDGET_FIELDS,
    ENTRY_TEXT_FIELDS,
    MAX_PERSON_FIELD_LENGTH,
    MAX_TEXT_LENGTH,
    PROVENANCE_FIELDS,
    EntryValues,
    PersonIn,
)
from citypeer.initialreports.models import (
    BackgroundSection,
    InitialReport,
    SelfAssessment,
    SupportingDocument,
)

TEXTAREA = {"rows": 4}


def _text(label, *, rows=4, help_text="", hidden_initial=False):
    return forms.CharField(
        label=label, required=False, help_text=help_text, max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}), show_hidden_initial=hidden_initial,
    )


def _amount(label):
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_digits=14, decimal_places=2,
        show_hidden_initial=True, localize=False,
    )


class BackgroundForm(forms.Form):
    """The seven background sections, the report's provenance and its budgets by source."""

    def __init__(self, *args, report: InitialReport, sections, **kwargs):
        initial = {}
        for section in sections:
            initial[f"section_{section.kind}"] = section.text
            initial[f"section_{section.kind}_edit_count"] = section.edit_count
        initial.update(provenance_values(report))
        initial["edit_count"] = report.edit_count
        super().__init__(*args, initial=initial, **kwargs)
        for kind, label in BackgroundSection.Kind.choices:
            self.fields[f"section_{kind}"] = _text(
                f"{kind}. {label}", rows=6, hidden_initial=True,
                help_text=SECTION_HELP.get(kind, ""),
            )
            self.fields[f"section_{kind}_edit_count"] = forms.IntegerField(
                widget=forms.HiddenInput, min_value=0
            )
        model = InitialReport._meta
        for name in ("drafted_by", "partners"):
            field = model.get_field(name)
            self.fields[name] = _text(field.verbose_name, help_text=field.help_text,
                                      hidden_initial=True)
        self.fields["political_involvement"] = forms.ChoiceField(
            label=model.get_field("political_involvement").verbose_name, required=False,
            choices=[("", "—"), *InitialReport.PoliticalInvolvement.choices],
            show_hidden_initial=True,
        )
        self.fields["political_involvement_note"] = _text(
            model.get_field("political_involvement_note").verbose_name, hidden_initial=True
        )
        for name in BUDGET_FIELDS:
            self.fields[name] = _amount(model.get_field(name).verbose_name)
        self.fields["edit_count"] = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def section_fields(self):
        return [self[f"section_{kind}"] for kind in BackgroundSection.Kind.values]

    def provenance_fields(self):
        return [self[n] for n in ("drafted_by", "partners", "political_involvement",
                                  "political_involvement_note")]

    def budget_fields(self):
        return [self[n] for n in BUDGET_FIELDS]

    def changes(self) -> dict:
        """Keyword arguments for save_background: only what the person changed."""
        data = self.cleaned_data
        sections = {}
        for kind in BackgroundSection.Kind.values:
            if f"section_{kind}" in self.changed_data:
                sections[kind] = (data[f"section_{kind}"], data[f"section_{kind}_edit_count"])
        provenance = {n: data[n] for n in PROVENANCE_FIELDS if n in self.changed_data}
        return {"sections": sections, "provenance": provenance,
                "provenance_edit_count": data["edit_count"]}

    @classmethod
    def after_conflict(cls, posted: BackgroundForm, *, report, sections) -> BackgroundForm:
        """The form again, bound: what the person changed kept as they typed it, everything
        else as it is stored now, and the edit counts now current, so that saving it again is
        a deliberate choice to put their version over the other one."""
        fresh = cls(report=report, sections=sections)
        data = {}
        for name, field in fresh.fields.items():
            current = fresh.initial.get(name)
            current = "" if current is None else current
            if field.show_hidden_initial and name in posted.changed_data:
                data[name] = posted.data.get(posted.add_prefix(name), "")
            else:
                data[name] = current
            if field.show_hidden_initial:
                data[fresh.add_initial_prefix(name)] = current
        return cls(data, report=report, sections=sections)


SECTION_HELP = {
    1: _("Population composition, economy, and anything that affects integration governance."),
    2: _("Political, administrative and operational structure, legal competencies, and the "
         "departments, companies and partnerships delivering services. Upload the structure "
         "diagram under Documents."),
    5: _("Include how the municipality defines 'migrants'."),
    6: _("For example working groups involved in integration governance."),
    7: _("Funds raised locally, regionally, and from national and EU sources; give the "
         "amounts below."),
}


class EntryForm(forms.Form):
    """One self-assessment entry and who is responsible for it."""

    status = forms.ChoiceField(
        label=_("status"), required=False,
        choices=[("", "—"), *SelfAssessment.Status.choices],
    )
    not_applicable_reason = _text(_("why not applicable"), rows=2)
    evidence = _text(_("evidence"))
    how = _text(_("how"), rows=3)
    why = _text(_("why"), rows=3)
    who = _text(_("who"), rows=3)
    political_name = forms.CharField(label=_("name"), required=False,
                                     max_length=MAX_PERSON_FIELD_LENGTH)
    political_role = forms.CharField(label=_("role"), required=False,
                                     max_length=MAX_PERSON_FIELD_LENGTH)
    political_organisation = forms.CharField(label=_("organisation"), required=False,
                                             max_length=MAX_PERSON_FIELD_LENGTH)
    operational_name = forms.CharField(label=_("name"), required=False,
                                       max_length=MAX_PERSON_FIELD_LENGTH)
    operational_role = forms.CharField(label=_("role"), required=False,
                                       max_length=MAX_PERSON_FIELD_LENGTH)
    operational_organisation = forms.CharField(label=_("organisation"), required=False,
                                               max_length=MAX_PERSON_FIELD_LENGTH)
    edit_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    @classmethod
    def for_entry(cls, entry: SelfAssessment, data=None) -> EntryForm:
        values = entry_values(entry)
        initial = {"status": values.status, "edit_count": entry.edit_count}
        initial.update({f: getattr(values, f) for f in ENTRY_TEXT_FIELDS})
        for prefix, person in (("political", values.politically_responsible),
                               ("operational", values.operationally_responsible)):
            for part in ("name", "role", "organisation"):
                initial[f"{prefix}_{part}"] = getattr(person, part) if person else ""
        return cls(data, initial=initial, prefix=f"e{entry.indicator_id}")

    def clean(self):
        data = super().clean()
        for prefix in ("political", "operational"):
            if data.get(f"{prefix}_name"):
                continue
            for part in ("role", "organisation"):
                if data.get(f"{prefix}_{part}"):
                    self.add_error(f"{prefix}_name",
                                   _("Give the name of the person with this role."))
                    break
        return data

    def values(self) -> EntryValues:
        data = self.cleaned_data

        def person(prefix):
            if not data[f"{prefix}_name"]:
                return None
            return PersonIn(name=data[f"{prefix}_name"], role=data[f"{prefix}_role"],
                            organisation=data[f"{prefix}_organisation"])

        return EntryValues(
            status=data["status"], **{f: data[f] for f in ENTRY_TEXT_FIELDS},
            politically_responsible=person("political"),
            operationally_responsible=person("operational"),
        )

    def political_fields(self):
        return [self["political_name"], self["political_role"], self["political_organisation"]]

    def operational_fields(self):
        return [self["operational_name"], self["operational_role"],
                self["operational_organisation"]]


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"))
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=SupportingDocument.Kind.choices,
                             initial=SupportingDocument.Kind.SUPPORTING)
    indicator = forms.ChoiceField(label=_("Supports the indicator"), required=False)

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "PDF, image (PNG, JPEG, GIF, WebP), Word, Excel, OpenDocument text or plain text; "
            "at most %(size)s. A structure diagram is a PDF or an image."
        ) % {"size": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        self.fields["indicator"].choices = [
            ("", _("the whole report")), *((str(i.pk), i.code) for i in indicators)
        ]


class ReturnForm(forms.Form):
    question = forms.CharField(
        label=_("What should the host city clarify?"),
        widget=forms.Textarea(attrs={"rows": 5}), max_length=MAX_TEXT_LENGTH,
    )


class WorkbookImportForm(forms.Form):
    file = forms.FileField(label=_("Filled-in template (.xlsx)"))
