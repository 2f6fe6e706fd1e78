"""Checking what people type before a domain function writes it: a text within its limit,
indicator codes of the review's benchmark. Every problem goes into `errors` under the field
it concerns, so that a function can check all its fields first and raise one
`ValidationError` naming each of them."""

from __future__ import annotations

from django.utils.translation import gettext as _

from citypeer.benchmarks.models import Indicator


def clean_text(value, *, field: str, errors: dict, required: bool = False,
               limit: int = 100_000) -> str:
    """The text without surrounding white space; a problem when it is required and empty
    or longer than `limit` characters."""
    text = ("" if value is None else str(value)).strip()
    if required and not text:
        errors.setdefault(field, []).append(_("This field is required."))
    if len(text) > limit:
        errors.setdefault(field, []).append(
            _("At most %(limit)s characters (this has %(n)s).") % {"limit": limit,
                                                                  "n": len(text)})
    return text


def clean_indicators(values, *, benchmark_id: int, field: str, errors: dict
                     ) -> list[Indicator]:
    """The indicators of the benchmark that these codes (or Indicator rows) name, in the
    order given and each once; one problem naming every code the benchmark does not have."""
    codes: list[str] = []
    for value in values or ():
        code = value.code if isinstance(value, Indicator) else str(value).strip()
        if code and code not in codes:
            codes.append(code)
    found = {i.code: i for i in Indicator.objects.filter(benchmark_id=benchmark_id,
                                                         code__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        errors.setdefault(field, []).append(
            _("Not indicators of this review's benchmark: %(codes)s")
            % {"codes": ", ".join(unknown)})
    return [found[c] for c in codes if c in found]
