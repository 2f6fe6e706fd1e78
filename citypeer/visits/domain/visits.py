"""Creating a review's visit and changing its settings (days, blocks, limits).

A new visit gets the seed's INTI-CITIES template written out in full (days and fixed blocks
in the visit instance format), so that every part of it can be edited afterwards.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.db import transaction
from django.utils.translation import gettext as _

from citypeer.visits.method import Visit as CoreVisit
from citypeer.visits.method import validate_instance
from citypeer.visits.method.document import visit_to_dict
from citypeer.visits.models import Visit


class VisitError(Exception):
    """A rule says no; the message says which."""


class VisitProblems(VisitError):
    """Bad input: each problem names its field."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{field}: {message}" for field, message in problems))


class PlanConflict(VisitError):
    """The plan changed since the revision a change started from."""

    def __init__(self, *, current: int, attempted: int):
        self.current, self.attempted = current, attempted
        super().__init__(
            _("The timetable was changed elsewhere (revision %(current)s) after the revision "
              "you started from (%(yours)s). Nothing was changed; look at the timetable again.")
            % {"current": current, "yours": attempted}
        )


def seed_template() -> list[dict]:
    """The seed's four days and their fixed blocks, as stored in `Visit.days`."""
    return visit_to_dict(CoreVisit())["days"]


def create_visit(*, review, starts_on: dt.date | None = None) -> Visit:
    """The review's visit, created with the seed's template if it does not exist yet."""
    visit, _created = Visit.objects.get_or_create(
        review=review, defaults={"starts_on": starts_on, "days": seed_template()},
    )
    return visit


SETTINGS = ("starts_on", "timezone", "slot_minutes", "max_parallel", "max_interviews_per_day",
            "days")


def update_visit(*, visit: Visit, changes: dict, revision: int) -> Visit:
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
        if locked.revision != revision:
            raise PlanConflict(current=locked.revision, attempted=revision)
        for name, value in values.items():
            setattr(locked, name, value)
        locked.revision += 1
        locked.save()
    return locked
