"""One historical record per change, taken once a row and its many-to-many fields are both
written: a plain save followed by `.set()` would record the row twice, the first time
without its indicators."""

from __future__ import annotations


def save_with_history(instance, *, m2m: dict | None = None, by=None, created: bool) -> None:
    if by is not None:
        instance._history_user = by
    instance.skip_history_when_saving = True
    try:
        if created or m2m:
            instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
    finally:
        del instance.skip_history_when_saving
    instance.save()
    if created:
        # The record above is written as a change ("~"); it is the creation.
        record = instance.history.order_by("-history_id").only("history_id").first()
        type(record).objects.filter(pk=record.pk).update(history_type="+")


def delete_with_history(instance, *, by=None) -> None:
    if by is not None:
        instance._history_user = by
    instance.delete()


def last_version_before_deletion(history_model, pk):
    """The record of a deleted row as it last was: its deletion record carries no
    many-to-many rows (they are gone before the row), so restore from the one before."""
    return (history_model.objects.filter(id=pk).exclude(history_type="-")
            .order_by("-history_date", "-history_id").first())


def is_deleted(model, history_model, pk) -> bool:
    return (not model.objects.filter(pk=pk).exists()
            and history_model.objects.filter(id=pk, history_type="-").exists())
