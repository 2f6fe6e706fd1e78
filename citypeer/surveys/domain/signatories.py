"""The register of the cities that signed the Integrating Cities Charter, kept by the
coordinator."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.common.editing import check_edit_count, compare
from citypeer.surveys.domain.refusals import SurveyRefused
from citypeer.surveys.models import Signatory

SIGNATORY_FIELDS = {
    "signed_on": gettext_lazy("signed the Charter on"),
    "contact_name": gettext_lazy("contact name"),
    "contact_email": gettext_lazy("contact e-mail"),
    "contact_language": gettext_lazy("contact's language"),
    "withdrawn": gettext_lazy("withdrawn"),
}


def add_signatory(*, city, signed_on: dt.date, contact_name: str, contact_email: str,
                  contact_language: str = "en") -> Signatory:
    try:
        with transaction.atomic():
            return Signatory.objects.create(
                city=city, signed_on=signed_on, contact_name=contact_name,
                contact_email=contact_email, contact_language=contact_language)
    except IntegrityError:
        raise SurveyRefused(_("%(city)s is already in the register.") % {"city": city}
                            ) from None


def update_signatory(*, signatory: Signatory, edit_count: int | None, **changes) -> Signatory:
    unknown = set(changes) - set(SIGNATORY_FIELDS)
    if unknown:
        raise ValueError(", ".join(sorted(unknown)))
    with transaction.atomic():
        locked = Signatory.objects.select_for_update().select_related("city").get(
            pk=signatory.pk)
        saved = {name: getattr(locked, name) for name in SIGNATORY_FIELDS}
        check_edit_count(locked, started_from=edit_count, what=str(locked.city),
                         fields=lambda: compare(SIGNATORY_FIELDS, _texts(saved),
                                                _texts({**saved, **changes})))
        for name, value in changes.items():
            setattr(locked, name, value)
        locked.edit_count += 1
        locked.save()
    return locked


def _texts(values: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in values.items()}
