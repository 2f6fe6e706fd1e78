"""Creating a review's visit and changing its settings (days, blocks, limits).

A new visit gets the seed's INTI-CITIES template written out in full (days and fixed blocks
in the visit instance format), so that every part of it can be edited afterwards.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.common.editing import check_edit_count, compare
from citypeer.common.refusals import Refused
from citypeer.visits.method import seed_days, validate_instance
from citypeer.visits.method.document import days_to_dicts
from citypeer.visits.models import Visit


class VisitError(Refused):
    """A rule says no; the message says which."""


class VisitProblems(ValidationError):
    """Bad input: each problem names its field (`days[1].blocks[0].start`)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = list(problems)
        grouped: dict[str, list[str]] = {}
        for field, message in self.problems:
            grouped.setdefault(field, []).append(str(message))
        super().__init__(grouped)


def seed_template() -> list[dict]:
    """The seed's four days and their fixed blocks, as stored in `Visit.days`."""
    return days_to_dicts(seed_days())


def create_visit(*, review, starts_on: dt.date | None = None) -> Visit:
    """The review's visit, created with the seed's template if it does not exist yet."""
    visit, _created = Visit.objects.get_or_create(
        review=review, defaults={"starts_on": starts_on, "days": seed_template()},
    )
    return visit


SETTINGS = ("starts_on", "timezone", "slot_minutes", "max_parallel", "max_interviews_per_day",
            "days")


def _setting_labels(names) -> dict[str, str]:
    return {name: Visit._meta.get_field(name).verbose_name for name in names}


def update_visit(*, visit: Visit, changes: dict, edit_count: int) -> Visit:
    """Change the visit's settings. The days are checked as the visit instance format
    checks them (`days[1].blocks[0].start: …`); nothing is written if anything is wrong."""
    problems: list[tuple[str, str]] = []
    unknown = sorted(set(changes) - set(SETTINGS))
    problems += [(name, _("is not a setting of the visit")) for name in unknown]
    values = {name: changes[name] for name in SETTINGS if name in changes}
    if "timezone" in values:
        try:
            zoneinfo.ZoneInfo(str(values["timezone"]))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            problems.append(("timezone", _("'%(value)s' is not a time zone such as "
                                           "Europe/Brussels") % {"value": values["timezone"]}))
    if "starts_on" in values and values["starts_on"] not in (None, ""):
        value = values["starts_on"]
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                problems.append(("starts_on", _("'%(value)s' is not a date YYYY-MM-DD")
                                 % {"value": value}))
        values["starts_on"] = value
    elif "starts_on" in values:
        values["starts_on"] = None
    document = {
        "visit": {
            "slot_minutes": values.get("slot_minutes", visit.slot_minutes),
            "max_parallel": values.get("max_parallel", visit.max_parallel),
            "max_interviews_per_day": values.get("max_interviews_per_day",
                                                 visit.max_interviews_per_day),
            "days": values.get("days", visit.days) or seed_template(),
        },
        "peers": [{"initials": "AA"}, {"initials": "BB"}],
        "interviewees": [],
    }
    for problem in validate_instance(document):
        field = problem.location.removeprefix("visit.")
        problems.append((field, problem.message))
    if problems:
        raise VisitProblems(problems)
    with transaction.atomic():
        locked = Visit.objects.select_for_update().get(pk=visit.pk)
        check_edit_count(locked, started_from=edit_count, what=_("the visit's settings"),
                         fields=lambda: compare(
                             _setting_labels(values),
                             {name: getattr(locked, name) for name in values}, values))
        for name, value in values.items():
            setattr(locked, name, value)
        locked.edit_count += 1
        locked.save()
    return locked
