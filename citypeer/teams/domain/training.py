"""Step 2, training for peer review teams: sessions, who attended, the materials handed out,
and the team leaders appointed there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import PurePath

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from citypeer.common.uploads import (
    DOCX,
    JPEG,
    ODP,
    ODS,
    ODT,
    PDF,
    PNG,
    PPTX,
    TEXT,
    XLSX,
    UploadRefused,
    check_upload,
)
from citypeer.people.models import User
from citypeer.teams.domain.membership import set_leader
from citypeer.teams.domain.refusals import MaterialRefused, TrainingRefused
from citypeer.teams.models import Team, TrainingAttendance, TrainingEvent, TrainingMaterial

# What a training material may be: the documents, slides, sheets and pictures of a training.
MATERIAL_KINDS = (PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, ODP, TEXT)


def create_training_event(
    *, programme, title: str, starts_on: dt.date, ends_on: dt.date | None = None,
    place: str = "", description: str = "",
) -> TrainingEvent:
    title = (title or "").strip()
    if not title:
        raise TrainingRefused(_("title: a training session needs a title."))
    if ends_on is not None and ends_on < starts_on:
        raise TrainingRefused(
            _("ends on: %(ends)s is before the first day, %(starts)s.")
            % {"ends": ends_on.isoformat(), "starts": starts_on.isoformat()}
        )
    return TrainingEvent.objects.create(
        programme=programme, title=title, starts_on=starts_on, ends_on=ends_on,
        place=place.strip(), description=description.strip(),
    )


def invited_people(*, event: TrainingEvent):
    """Who a training session is for: the programme's peer pool and the host-city officers
    of its host cities (they learn to prepare the initial report there)."""
    programme = event.programme
    host_city_ids = programme.reviews.values("city_id")
    return (
        User.objects.filter(
            Q(peer_pools=programme) | Q(is_host_officer=True, city_id__in=host_city_ids)
        )
        .distinct().select_related("city").order_by("name", "username")
    )


def record_attendance(*, event: TrainingEvent, present: Iterable[User],
                      people: Iterable[User] | None = None) -> None:
    """Record who of `people` (by default everyone invited) attended and who did not."""
    present_ids = {p.pk for p in present}
    people = list(invited_people(event=event) if people is None else people)
    known = {p.pk for p in people}
    strangers = present_ids - known
    if strangers:
        names = ", ".join(str(u) for u in User.objects.filter(pk__in=strangers))
        raise TrainingRefused(
            _("%(names)s: not invited to %(event)s.") % {"names": names, "event": event}
        )
    with transaction.atomic():
        existing = {a.person_id: a for a in TrainingAttendance.objects.filter(event=event)}
        changed, new = [], []
        for person in people:
            attended = person.pk in present_ids
            row = existing.get(person.pk)
            if row is None:
                new.append(TrainingAttendance(event=event, person=person, attended=attended))
            elif row.attended != attended:
                row.attended = attended
                changed.append(row)
        TrainingAttendance.objects.bulk_create(new)
        TrainingAttendance.objects.bulk_update(changed, ["attended"])


def add_material(*, event: TrainingEvent, title: str, upload, uploaded_by=None
                 ) -> TrainingMaterial:
    """Keep a file handed out at a training session: checked for kind by its content and for
    size, then stored under MEDIA_ROOT under a name of our own."""
    name = PurePath(upload.name or "").name
    try:
        kind = check_upload(name=name, size=upload.size, stream=upload,
                            max_bytes=settings.UPLOAD_MAX_BYTES, accepted=MATERIAL_KINDS)
    except UploadRefused as refused:
        raise MaterialRefused(_("%(name)s: %(why)s.") % {
            "name": name, "why": refused.render(_)}) from None
    material = TrainingMaterial(
        event=event, title=(title or "").strip() or name, original_name=name[:255],
        content_type=kind.content_type, size=upload.size, uploaded_by=uploaded_by,
    )
    upload.seek(0)
    with transaction.atomic():
        material.file.save(name, upload, save=False)
        try:
            material.save()
        except Exception:
            material.file.delete(save=False)
            raise
    return material


def remove_material(*, material: TrainingMaterial) -> None:
    storage, path = material.file.storage, material.file.name
    with transaction.atomic():
        material.delete()
        transaction.on_commit(lambda: storage.delete(path))


def appoint_leader(*, event: TrainingEvent, review, person) -> Team:
    """Appoint a team leader at a training session, as the method advises."""
    if review.programme_id != event.programme_id:
        raise TrainingRefused(
            _("%(review)s is not part of %(programme)s, the programme of %(event)s.")
            % {"review": review, "programme": event.programme, "event": event}
        )
    return set_leader(review=review, person=person, appointed_at=event)
