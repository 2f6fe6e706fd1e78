"""Edits that would overwrite someone else's: one exception for every app.

Rows that people edit carry an `edit_count`: how many times the row has been saved. A save
names the edit count it started from; when the row was saved again in the meantime, nothing
is written and `EditConflict` carries both versions, so that the page (the shared template
`common/_edit_conflict.html`) and the API (a 409, see `common.api`) can show them side by
side. "Conflict" alone means a conflict of interest (`teams.Conflict`); this is an *edit*
conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class ComparedField:
    """One field of an edited row: what is saved now beside what the saver sent."""

    name: str
    label: str
    saved: object
    yours: object

    @property
    def differs(self) -> bool:
        return self.saved != self.yours

    @property
    def saved_text(self) -> str:
        return _as_text(self.saved)

    @property
    def yours_text(self) -> str:
        return _as_text(self.yours)


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class StaleEdit:
    """One row whose save started from an older edit than the one stored."""

    what: str  # how a person names the row: "GG/A/2", a section's title, "the timetable"
    started_from: int | None
    edit_count: int  # stored now
    fields: tuple[ComparedField, ...] = ()
    saved_by: str = ""
    saved_at: datetime | None = None
    deleted: bool = False  # removed in the meantime: there is nothing to compare with


class EditConflict(Exception):
    """Nothing was written: somebody saved one of these rows after the saver opened it."""

    def __init__(self, edits: Sequence[StaleEdit]):
        self.edits = tuple(edits)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        names = ", ".join(str(e.what) for e in self.edits)
        if any(e.deleted for e in self.edits):
            return _("%(what)s was deleted after you opened it; nothing of yours was saved.") % {
                "what": names}
        return ngettext(
            "Someone else saved %(what)s after you opened it; nothing of yours was saved.",
            "Someone else saved %(what)s after you opened them; nothing of yours was saved.",
            len(self.edits)) % {"what": names}

    def as_dict(self) -> dict:
        """What the API's 409 holds (`common.api.EditConflictSerializer`)."""
        return {
            "detail": self.message,
            "edits": [{
                "what": str(e.what),
                "started_from": e.started_from,
                "edit_count": e.edit_count,
                "saved_by": e.saved_by,
                "saved_at": e.saved_at.isoformat() if e.saved_at else None,
                "deleted": e.deleted,
                "fields": [{"name": f.name, "label": str(f.label), "saved": f.saved,
                            "yours": f.yours} for f in e.fields],
            } for e in self.edits],
        }


def compare(labels: dict[str, str], saved: dict, yours: dict) -> tuple[ComparedField, ...]:
    """The fields `labels` names, in its order, saved beside yours."""
    return tuple(ComparedField(name, label, saved.get(name), yours.get(name, saved.get(name)))
                 for name, label in labels.items())


def check_edit_count(row, *, started_from: int | None, what: str,
                     fields: Callable[[], Iterable[ComparedField]] = tuple,
                     saved_by: str = "", saved_at: datetime | None = None) -> None:
    """Raise `EditConflict` unless `row` is still at the edit count the save started from.
    `fields` is called only when there is a conflict to show."""
    if started_from is not None and started_from == row.edit_count:
        return
    raise EditConflict([StaleEdit(what=what, started_from=started_from,
                                  edit_count=row.edit_count, fields=tuple(fields()),
                                  saved_by=saved_by, saved_at=saved_at)])


@dataclass
class EditCollector:
    """Gathers the stale rows of a save that touches several rows (an initial report's
    sections), so that every one is reported at once and nothing is written."""

    edits: list[StaleEdit] = field(default_factory=list)

    def check(self, row, **kwargs) -> None:
        try:
            check_edit_count(row, **kwargs)
        except EditConflict as exc:
            self.edits.extend(exc.edits)

    def raise_if_any(self) -> None:
        if self.edits:
            raise EditConflict(self.edits)
