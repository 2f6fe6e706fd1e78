"""The people the visit may meet: drawn from the initial report and the desk review, or added
by hand.

Drawing is repeatable: each person drawn carries where they came from (`source_key`), so a
second draw adds only people and indicators that are new. Categories drawn are a first guess
the team corrects: someone the report names as politically responsible for an indicator is a
politician, anyone else the report names is municipality staff (the report names "who within
the municipality holds responsibility"), and someone only the peers name is a partner
organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.benchmarks.models import Indicator
from citypeer.common.editing import check_edit_count, compare
from citypeer.deskreviews.domain.compiled import compiled_desk_review
from citypeer.initialreports.models import ResponsiblePerson, SelfAssessment
from citypeer.visits.domain.plan import cancel_interview
from citypeer.visits.domain.visits import VisitProblems
from citypeer.visits.method.model import minutes
from citypeer.visits.models import Interview, Interviewee, Visit

Category = Interviewee.Category
TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
TEXT_FIELDS = {"name": 200, "role": 200, "organisation": 200}
FLAGS = ("interpreter", "required", "withdrawn")
EDITED = ("name", "role", "organisation", "category", "language", *FLAGS, "availability",
          "notes")


@dataclass(frozen=True)
class Drawn:
    added: int
    updated: int


def draw_interviewees(*, visit: Visit, review) -> Drawn:
    """Add everyone the initial report names as responsible and everyone the desk review
    wants to meet, each with the indicators they can speak to."""
    people = {p.pk: p for p in ResponsiblePerson.objects.filter(report__review=review)}
    wanted: dict[str, dict] = {}

    def want(key, *, name, role="", organisation="", person=None, politician=False):
        entry = wanted.setdefault(key, {"name": name, "role": role,
                                        "organisation": organisation, "person": person,
                                        "politician": False, "codes": []})
        entry["politician"] |= politician
        return entry

    for entry in SelfAssessment.objects.filter(report__review=review).select_related(
            "indicator").order_by("indicator__position"):
        for person_id, politician in ((entry.politically_responsible_id, True),
                                      (entry.operationally_responsible_id, False)):
            person = people.get(person_id)
            if person is None:
                continue
            want(f"person:{person.pk}", name=person.name, role=person.role,
                 organisation=person.organisation, person=person,
                 politician=politician)["codes"].append(entry.indicator.code)
    view = compiled_desk_review(review=review)
    for item in view.compiled.indicators:
        for to_meet in item.to_meet:
            label = view.people[to_meet.key]
            person = people.get(label.responsible_person_id)
            want(to_meet.key, name=label.name, role=label.role,
                 organisation=label.organisation, person=person)["codes"].append(item.indicator)
    codes = {c for entry in wanted.values() for c in entry["codes"]}
    indicators = {i.code: i for i in Indicator.objects.filter(
        benchmark_id=review.programme.benchmark_id, code__in=codes)}

    added = updated = 0
    with transaction.atomic():
        existing = {i.source_key: i for i in Interviewee.objects.filter(visit=visit)
                    .exclude(source_key="").prefetch_related("indicators")}
        for key, entry in wanted.items():
            row = existing.get(key)
            wanted_indicators = [indicators[c] for c in dict.fromkeys(entry["codes"])]
            if row is None:
                if entry["person"] is None:
                    category = Category.PARTNER
                else:
                    category = Category.POLITICIAN if entry["politician"] else \
                        Category.MUNICIPALITY_STAFF
                row = Interviewee.objects.create(
                    visit=visit, name=entry["name"], role=entry["role"],
                    organisation=entry["organisation"], category=category,
                    responsible_person=entry["person"], source_key=key,
                )
                row.indicators.set(wanted_indicators)
                added += 1
                continue
            have = {i.pk for i in row.indicators.all()}
            more = [i for i in wanted_indicators if i.pk not in have]
            if more:
                row.indicators.add(*more)
                updated += 1
    return Drawn(added, updated)


def clean_availability(value, *, days: int, problems: list, field: str = "availability"
                       ) -> list[dict]:
    """Windows `{day, start, end}`; an empty list means available throughout."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        problems.append((field, _("must be a list of windows {day, start, end}")))
        return []
    out = []
    for n, window in enumerate(value):
        where = f"{field}[{n}]"
        if not isinstance(window, dict) or set(window) - {"day", "start", "end"}:
            problems.append((where, _("must be a window {day, start, end}")))
            continue
        day = window.get("day")
        if not isinstance(day, int) or isinstance(day, bool) or not 1 <= day <= days:
            problems.append((f"{where}.day", _("'%(value)s' is not a day of the visit (1 to "
                                               "%(days)s)") % {"value": day, "days": days}))
        ok = True
        for part in ("start", "end"):
            text = window.get(part)
            if not isinstance(text, str) or not TIME.match(text):
                problems.append((f"{where}.{part}", _("'%(value)s' must be a time HH:MM (for "
                                                      "example 09:00)") % {"value": text}))
                ok = False
        if ok and minutes(window["end"]) <= minutes(window["start"]):
            problems.append((f"{where}.end", _("%(end)s is not after the start %(start)s")
                             % {"end": window["end"], "start": window["start"]}))
        out.append({"day": day, "start": window.get("start"), "end": window.get("end")})
    return out


def _clean(data: dict, *, visit: Visit, review, partial: bool) -> tuple[dict, list | None]:
    problems: list[tuple[str, str]] = []
    clean: dict = {}
    for name, length in TEXT_FIELDS.items():
        if name not in data:
            if name == "name" and not partial:
                problems.append(("name", _("is required")))
            continue
        value = str(data[name] or "").strip()
        if name == "name" and not value:
            problems.append(("name", _("is required")))
        elif len(value) > length:
            problems.append((name, _("is longer than %(max)s characters") % {"max": length}))
        clean[name] = value
    if "category" in data or not partial:
        value = data.get("category")
        if value not in Category.values:
            problems.append(("category", _("'%(value)s' is not one of %(choices)s")
                             % {"value": value, "choices": ", ".join(Category.values)}))
        clean["category"] = value
    if "language" in data:
        value = str(data["language"] or "").strip().lower()
        if value and not LANGUAGE.match(value):
            problems.append(("language", _("'%(value)s' is not a language code such as en or "
                                           "fr") % {"value": value}))
        clean["language"] = value
    for flag in FLAGS:
        if flag in data:
            if not isinstance(data[flag], bool):
                problems.append((flag, _("must be true or false")))
            clean[flag] = bool(data[flag])
    if "notes" in data:
        clean["notes"] = str(data["notes"] or "")
    if "availability" in data:
        days = len(visit.days) if visit.days else 4
        clean["availability"] = clean_availability(data["availability"], days=days,
                                                   problems=problems)
    indicators = None
    if "indicators" in data:
        codes = data["indicators"] or []
        if not isinstance(codes, list):
            problems.append(("indicators", _("must be a list of indicator codes")))
            codes = []
        codes = [str(c).strip() for c in codes if str(c).strip()]
        found = {i.code: i for i in Indicator.objects.filter(
            benchmark_id=review.programme.benchmark_id, code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            problems.append(("indicators", _("%(codes)s: not an indicator of the review's "
                                             "benchmark") % {"codes": ", ".join(unknown)}))
        indicators = [found[c] for c in dict.fromkeys(codes) if c in found]
    if problems:
        raise VisitProblems(problems)
    return clean, indicators


def add_interviewee(*, visit: Visit, review, data: dict) -> Interviewee:
    clean, indicators = _clean(data, visit=visit, review=review, partial=False)
    with transaction.atomic():
        row = Interviewee.objects.create(visit=visit, **clean)
        if indicators is not None:
            row.indicators.set(indicators)
    return row


def _compared(row: Interviewee, clean: dict, indicators) -> tuple:
    """The fields a save changes, as saved beside as sent."""
    names = [name for name in EDITED if name in clean] + (
        ["indicators"] if indicators is not None else [])
    labels = {name: Interviewee._meta.get_field(name).verbose_name for name in names}
    saved = {name: getattr(row, name) for name in names if name != "indicators"}
    yours = dict(clean)
    if indicators is not None:
        saved["indicators"] = [i.code for i in row.indicators.all()]
        yours["indicators"] = [i.code for i in indicators]
    return compare(labels, saved, yours)


def update_interviewee(*, interviewee: Interviewee, review, data: dict,
                       edit_count: int | None) -> Interviewee:
    """Change what is known of someone. Withdrawing someone cancels their planned interview
    (refused if it has been held)."""
    visit = interviewee.visit
    clean, indicators = _clean(data, visit=visit, review=review, partial=True)
    with transaction.atomic():
        row = Interviewee.objects.select_for_update().get(pk=interviewee.pk)
        check_edit_count(row, started_from=edit_count, what=row.name,
                         fields=lambda: _compared(row, clean, indicators))
        if clean.get("withdrawn") and not row.withdrawn:
            planned = Interview.objects.filter(interviewee=row, cancelled=False).first()
            if planned is not None:
                current = Visit.objects.get(pk=visit.pk)
                cancel_interview(visit=current, review=review, number=planned.number,
                                 edit_count=current.edit_count)
        for name, value in clean.items():
            setattr(row, name, value)
        row.edit_count += 1
        row.save()
        if indicators is not None:
            row.indicators.set(indicators)
    return row
