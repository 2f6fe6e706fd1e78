"""Recording, editing, deleting and restoring pieces of evidence, and their reference form.

Every item carries an `edit_count`: an edit or a deletion names the edit count it started
from, and one over a newer edit is refused with both versions (`common.editing.EditConflict`;
nothing is overwritten). A draft sent again after a dropped connection carries the browser's
`client_key` and is stored once.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeer.assessment.domain.history import (
    delete_with_history,
    last_version_before_deletion,
    save_with_history,
)
from citypeer.assessment.domain.inputs import evidence_input
from citypeer.assessment.domain.refusals import EvidenceInUse, NotRestorable
from citypeer.assessment.domain.validation import CleanEvidence, clean_evidence
from citypeer.assessment.method import references
from citypeer.assessment.models import EvidenceItem
from citypeer.common.editing import EditConflict, StaleEdit, check_edit_count, compare
from citypeer.visits.models import Interview, Interviewee, Workshop

# What an edit conflict compares, in this order.
COMPARED = {
    "indicators": gettext_lazy("indicators"), "source": gettext_lazy("source"),
    "interview": gettext_lazy("interview"), "workshop": gettext_lazy("workshop"),
    "document": gettext_lazy("document"), "page": gettext_lazy("page"),
    "interviewers": gettext_lazy("interviewers' initials"), "text": gettext_lazy("text"),
    "kind": gettext_lazy("kind"), "direction": gettext_lazy("direction"),
}


def references_of(item: EvidenceItem) -> tuple[str, ...]:
    """The seed's reference form, once per indicator: `AC/I/3 – Interview 17 – JB & FC`."""
    return references(evidence_input(item))


def _what(pk) -> str:
    return _("evidence #%(id)s") % {"id": pk}


def _shown(clean: CleanEvidence) -> dict:
    """The fields of an edit as a conflict shows them."""
    return {
        "indicators": [i.code for i in clean.indicators], "source": clean.source,
        "interview": clean.interview.number if clean.interview else None,
        "workshop": clean.workshop.label if clean.workshop else "",
        "document": clean.document, "page": clean.page, "interviewers": clean.interviewers,
        "text": clean.text, "kind": clean.kind, "direction": clean.direction,
    }


def _shown_row(item: EvidenceItem) -> dict:
    """The stored item, shown as `_shown` shows an edit."""
    return {
        "indicators": list(item.indicators.order_by("position").values_list("code", flat=True)),
        "source": item.source,
        "interview": item.interview.number if item.interview_id else None,
        "workshop": item.workshop.label if item.workshop_id else "",
        "document": item.document, "page": item.page, "interviewers": item.interviewers,
        "text": item.text, "kind": item.kind, "direction": item.direction,
    }


def _deleted(pk, started_from: int | None) -> EditConflict:
    return EditConflict([StaleEdit(what=_what(pk), started_from=started_from,
                                   edit_count=0, deleted=True)])


def _apply(item: EvidenceItem, clean: CleanEvidence) -> None:
    for name in ("source", "interview", "workshop", "interviewee", "document", "page",
                 "interviewers", "text", "kind", "direction"):
        setattr(item, name, getattr(clean, name))


def record_evidence(*, review, by, **fields) -> tuple[EvidenceItem, bool]:
    """Record a piece of evidence. Returns the item and whether it is new: an item sent
    again with a `client_key` already stored gives back the stored one."""
    clean = clean_evidence(review=review, **fields)
    if clean.client_key:
        existing = EvidenceItem.objects.filter(review=review,
                                               client_key=clean.client_key).first()
        if existing is not None:
            return existing, False
    item = EvidenceItem(review=review, recorded_by=by, client_key=clean.client_key,
                        edit_count=1)
    _apply(item, clean)
    try:
        with transaction.atomic():
            save_with_history(item, m2m={"indicators": clean.indicators}, by=by, created=True)
    except IntegrityError:
        # The same draft sent twice at the same moment: the other request stored it.
        existing = EvidenceItem.objects.filter(review=review,
                                               client_key=clean.client_key).first()
        if existing is None:
            raise
        return existing, False
    return item, True


def edit_evidence(*, item: EvidenceItem, by, edit_count: int | None, **fields) -> EvidenceItem:
    """Change an item from the edit count the change started from."""
    clean = clean_evidence(review=item.review, client_key=item.client_key, **fields)
    with transaction.atomic():
        locked = EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        if locked is None:
            raise _deleted(item.pk, edit_count)
        check_edit_count(locked, started_from=edit_count, what=_what(locked.pk),
                         fields=lambda: compare(COMPARED, _shown_row(locked), _shown(clean)))
        _apply(locked, clean)
        locked.edit_count += 1
        save_with_history(locked, m2m={"indicators": clean.indicators}, by=by, created=False)
    return locked


def delete_evidence(*, item: EvidenceItem, by, edit_count: int | None) -> None:
    """Delete an item; it stays in the history, from which the coordinator may restore it.
    An item a finding rests on is kept until the finding no longer cites it."""
    with transaction.atomic():
        locked = EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        if locked is None:
            raise _deleted(item.pk, edit_count)
        check_edit_count(locked, started_from=edit_count, what=_what(locked.pk))
        cited = list(locked.findings.values_list("pk", flat=True))
        if cited:
            raise EvidenceInUse(
                _("This piece of evidence supports finding(s) %(ids)s; remove it from them "
                  "first.") % {"ids": ", ".join(f"#{pk}" for pk in cited)})
        delete_with_history(locked, by=by)


def restore_evidence(*, review, item_id: int, by) -> EvidenceItem:
    """Bring a deleted item back as it last was, with its id, indicators and author."""
    history = EvidenceItem.history.model
    with transaction.atomic():
        if EvidenceItem.objects.filter(pk=item_id).exists():
            raise NotRestorable(_("This piece of evidence is not deleted."))
        record = last_version_before_deletion(history, item_id)
        if record is None or record.review_id != review.pk:
            raise NotRestorable(_("There is no deleted piece of evidence %(id)s in this "
                                  "review.") % {"id": item_id})
        for field, model in (("interview_id", Interview), ("workshop_id", Workshop),
                             ("interviewee_id", Interviewee)):
            pk = getattr(record, field)
            if pk is not None and not model.objects.filter(pk=pk).exists():
                raise NotRestorable(_("The %(what)s this evidence came from no longer exists.")
                                    % {"what": model._meta.verbose_name})
        indicators = [row.indicator_id for row in record.indicators.all()]
        item = record.instance
        item.edit_count = record.edit_count + 1
        if item.client_key and EvidenceItem.objects.filter(
                review=review, client_key=item.client_key).exists():
            item.client_key = ""
        save_with_history(item, m2m={"indicators": indicators}, by=by, created=True)
    return item
