"""The self-assessment editor: every indicator grouped by pillar and value, each entry
saved on its own (with htmx, in place). A save over someone else's shows both versions in
the entry, with the form holding the saver's."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict
from citypeer.common.lookup import require
from citypeer.initialreports.domain.queries.reports import entries_in_full, entry_of
from citypeer.initialreports.domain.reports import (
    ReportLocked,
    entry_gaps,
    save_self_assessment,
)
from citypeer.initialreports.interfaces.access import CHANGE, load_report, permissions
from citypeer.initialreports.interfaces.forms import EntryForm
from citypeer.initialreports.views import back_to_overview, is_htmx


def _editor_groups(entries, forms, gaps):
    """Entries grouped by pillar, then by transversal value, in benchmark order."""
    pillars: dict[int, dict] = {}
    for entry in entries:
        indicator = entry.indicator
        pillar = pillars.setdefault(indicator.pillar_id, {"pillar": indicator.pillar,
                                                          "values": {}})
        value = pillar["values"].setdefault(indicator.value_id, {"value": indicator.value,
                                                                 "items": []})
        value["items"].append({"entry": entry, "form": forms.get(entry.pk),
                               "gaps": [_(p) for p in gaps.get(indicator.code, [])]})
    return [{"pillar": p["pillar"], "values": list(p["values"].values())}
            for p in pillars.values()]


@login_required
def self_assessment(request, review):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    entries = list(entries_in_full(report))
    forms = {e.pk: EntryForm.for_entry(e) for e in entries} if can["change"] else {}
    return render(request, "initialreports/self_assessment.html", {
        "review": review, "report": report, "can": can,
        "groups": _editor_groups(entries, forms, entry_gaps(entries)),
        "entry_count": len(entries),
    })


def _entry_of(report, indicator_id: int):
    found = entry_of(report, indicator_id)
    if found is None:
        raise Http404(_("This report has no entry for that indicator."))
    return found


def _item(entry, form) -> dict:
    return {"entry": entry, "form": form,
            "gaps": [_(p) for p in entry_gaps([entry]).get(entry.indicator.code, [])]}


@login_required
def entry(request, review, indicator):
    review, report = load_report(request.user, review)
    can = permissions(request.user, report)
    item = _entry_of(report, indicator)
    anchor = (reverse("initialreports:self_assessment", kwargs={"review": review.pk})
              + f"#code-{slugify(item.indicator.code)}")
    context = {"review": review, "report": report, "can": can, "reload_url": anchor}
    if request.method != "POST":
        if not is_htmx(request):
            return redirect(anchor)
        form = EntryForm.for_entry(item) if can["change"] else None
        return render(request, "initialreports/_entry.html",
                      {**context, "item": _item(item, form)})
    require(request.user, CHANGE, report)
    form = EntryForm.for_entry(item, data=request.POST)
    conflict = None
    saved = False
    if form.is_valid():
        try:
            item = save_self_assessment(
                report=report, indicator_id=item.indicator_id, values=form.values(),
                edit_count=form.cleaned_data["edit_count"], by=request.user,
            )
        except EditConflict as exc:
            conflict = exc
            item = _entry_of(report, indicator)
            # The form keeps what the person typed, now over the saved edit: sending it
            # again puts their version in place knowingly.
            data = request.POST.copy()
            data[form.add_prefix("edit_count")] = str(item.edit_count)
            form = EntryForm.for_entry(item, data=data)
            form.is_valid()
        except ReportLocked as locked:
            return back_to_overview(request, review, locked)
        else:
            saved = True
            item = _entry_of(report, indicator)
            if not is_htmx(request):
                messages.success(request, _("%(code)s is saved.") % {"code": item.indicator.code})
                return redirect(anchor)
            form = EntryForm.for_entry(item)
    page = "initialreports/_entry.html" if is_htmx(request) else "initialreports/entry.html"
    return render(request, page, {
        **context, "item": _item(item, form), "conflict": conflict, "saved": saved,
    }, status=409 if conflict and not is_htmx(request) else 200)
