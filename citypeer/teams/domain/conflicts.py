"""Conflicts of interest: why a person may not review a city.

A person's own city is always a conflict; it follows from `User.city` and is not stored.
Every other conflict is a `Conflict` row. A pinned conflict stays until the coordinator
unpins it.
"""

from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from citypeer.teams.domain.queries.teams import conflicts_for
from citypeer.teams.domain.refusals import AssignmentConflict, ConflictRefused
from citypeer.teams.models import Conflict, TeamMember


def conflict_reasons(*, person, city) -> list[str]:
    """Why `person` may not review `city`, as labels people read ([] when they may)."""
    reasons = []
    if person.city_id is not None and person.city_id == city.pk:
        reasons.append(str(Conflict.Kind.OWN_CITY.label))
    for conflict in Conflict.objects.filter(person=person, city=city).order_by("kind"):
        label = conflict.get_kind_display()
        if conflict.note:
            label = f"{label} ({conflict.note})"
        reasons.append(str(label))
    return reasons


class FlaggedMember(NamedTuple):
    """A member of a team and the conflicts of interest they have with its host city."""

    member: TeamMember
    conflicts: list[str]


def flag_members(*, review, members: list[TeamMember]) -> list[FlaggedMember]:
    """The members of `review`'s team, each with their conflicts with the host city (own
    city first). A conflict declared after someone joined is shown beside them: the
    coordinator decides."""
    stored = conflicts_for(review=review)
    rows = []
    for m in members:
        reasons = [str(c.get_kind_display()) for c in stored.get(m.person_id, [])]
        if m.person.city_id == review.city_id:
            reasons.insert(0, str(Conflict.Kind.OWN_CITY.label))
        rows.append(FlaggedMember(m, reasons))
    return rows


def check_may_review(*, person, city) -> None:
    """Raise AssignmentConflict, naming every conflict that applies, when `person` may not
    review `city`."""
    reasons = conflict_reasons(person=person, city=city)
    if reasons:
        raise AssignmentConflict(
            _("%(person)s cannot review %(city)s: %(reasons)s")
            % {"person": person, "city": city, "reasons": "; ".join(reasons)},
            reasons=reasons,
        )


def declare_conflict(
    *, person, city, kind: str, note: str = "", declared_by=None, pinned: bool = False
) -> Conflict:
    """Record that `person` may not review `city`. The same kind of conflict is stored once."""
    if kind not in Conflict.Kind.values:
        raise ConflictRefused(
            _("kind: %(kind)s is not a kind of conflict; use one of %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(Conflict.Kind.values)}
        )
    if kind == Conflict.Kind.OWN_CITY and person.city_id == city.pk:
        raise ConflictRefused(
            _("%(city)s is %(person)s's own city: that conflict always applies and needs no "
              "declaring.") % {"city": city, "person": person}
        )
    try:
        with transaction.atomic():
            return Conflict.objects.create(
                person=person, city=city, kind=kind, note=note.strip(),
                declared_by=declared_by, pinned=pinned,
            )
    except IntegrityError as exc:
        raise ConflictRefused(
            _("%(person)s has a conflict of this kind (%(kind)s) with %(city)s already.")
            % {"person": person, "kind": Conflict.Kind(kind).label, "city": city}
        ) from exc


def remove_conflict(*, conflict: Conflict) -> None:
    with transaction.atomic():
        current = Conflict.objects.select_for_update().filter(pk=conflict.pk).first()
        if current is None:
            return
        if current.pinned:
            raise ConflictRefused(
                _("The conflict %(conflict)s is pinned: the coordinator must unpin it before "
                  "it can be removed.") % {"conflict": current}
            )
        current.delete()


def pin_conflict(*, conflict: Conflict) -> Conflict:
    return _set_pinned(conflict, True)


def unpin_conflict(*, conflict: Conflict) -> Conflict:
    return _set_pinned(conflict, False)


def _set_pinned(conflict: Conflict, pinned: bool) -> Conflict:
    conflict.pinned = pinned
    conflict.save(update_fields=["pinned"])
    return conflict
