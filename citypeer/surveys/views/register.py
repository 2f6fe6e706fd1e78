"""The register of signatory cities, kept by the coordinator."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import require
from citypeer.surveys.domain.lookup import get_signatory
from citypeer.surveys.domain.queries import signatories
from citypeer.surveys.domain.refusals import SurveyRefused
from citypeer.surveys.domain.signatories import add_signatory, update_signatory
from citypeer.surveys.interfaces.forms import SignatoryForm

MANAGE = "surveys.manage_signatories"


@login_required
def register(request):
    require(request.user, MANAGE, reason=_("Only the network coordinator keeps the register."))
    form = SignatoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            signatory = add_signatory(**{k: v for k, v in data.items() if k != "edit_count"})
        except SurveyRefused as refused:
            form.add_error("city", refused.message)
        else:
            messages.success(request, _("%(city)s is in the register.") % {
                "city": signatory.city})
            return redirect("surveys:register")
    return render(request, "surveys/register.html", {
        "signatories": signatories(), "form": form}, status=400 if form.errors else 200)


@login_required
def signatory(request, city):
    require(request.user, MANAGE, reason=_("Only the network coordinator keeps the register."))
    found = get_signatory(city)
    form = SignatoryForm(request.POST or None, signatory=found, initial={
        "signed_on": found.signed_on, "contact_name": found.contact_name,
        "contact_email": found.contact_email, "contact_language": found.contact_language,
        "withdrawn": found.withdrawn, "edit_count": found.edit_count})
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        started_from = data.pop("edit_count")
        try:
            update_signatory(signatory=found, edit_count=started_from, **data)
        except EditConflict as exc:
            conflict = exc
        else:
            messages.success(request, _("%(city)s saved.") % {"city": found.city})
            return redirect("surveys:register")
    return render(request, "surveys/signatory.html", {
        "signatory": found, "form": form, "conflict": conflict},
        status=409 if conflict else (400 if form.errors else 200))
