"""Checks and errors the feedback domain functions share."""

from __future__ import annotations

from django.utils.translation import gettext as _

from citypeer.benchmarks.models import Indicator


class Conflict(Exception):
    """A save started from an older revision than the one stored; nothing was written.
    Carries both versions so that the page (or the API's 409) can show them."""

    def __init__(self, *, current: dict, attempted: dict):
        self.current, self.attempted = current, attempted
        super().__init__(
            _("This was saved by someone else (revision %(current)s) after the revision you "
              "started from (%(yours)s). Nothing was overwritten.")
            % {"current": current["revision"], "yours": attempted["revision"]})


class Refused(Exception):
    """A step the rules do not allow now, with the reason."""


def clean_text(value, *, field: str, errors: dict, required: bool = False,
               limit: int = 100_000) -> str:
    text = ("" if value is None else str(value)).strip()
    if required and not text:
        errors.setdefault(field, []).append(_("This field is required."))
    if len(text) > limit:
        errors.setdefault(field, []).append(
            _("At most %(limit)s characters (this has %(n)s).") % {"limit": limit,
                                                                  "n": len(text)})
    return text


def clean_indicators(values, *, review, field: str, errors: dict) -> list[Indicator]:
    """Indicator codes (or Indicator rows) of the review's benchmark, in the order given."""
    codes = []
    for value in values or ():
        code = value.code if isinstance(value, Indicator) else str(value).strip()
        if code and code not in codes:
            codes.append(code)
    found = {i.code: i for i in Indicator.objects.filter(
        benchmark_id=review.programme.benchmark_id, code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        errors.setdefault(field, []).append(
            _("Not indicators of this review's benchmark: %(codes)s")
            % {"codes": ", ".join(unknown)})
    return [found[c] for c in codes if c in found]
