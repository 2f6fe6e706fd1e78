"""A peer's desk review: starting it, saving judgements as the peer types, submitting it.

Every judgement carries an `edit_count`. A save names the edit count it started from; a save
from an older edit (another tab, another device) is refused with both versions
(`common.editing.EditConflict`) and nothing is overwritten. Submitting locks the desk review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.common.editing import EditConflict, StaleEdit, compare
from citypeer.common.refusals import Refused
from citypeer.deskreviews.domain.queries import desk_reviewer_ids, forget_cached_ids
from citypeer.deskreviews.labels import JUDGEMENT_FIELDS, performance_label
from citypeer.deskreviews.method.compilation import new_person_key
from citypeer.deskreviews.models import DeskJudgement, DeskReview
from citypeer.initialreports.models import ResponsiblePerson
from citypeer.programmes.domain.programmes import mark_step
from citypeer.programmes.models import ReviewStep

Performance = DeskJudgement.Performance
LIST_FIELDS = ("known", "unknown", "suspected", "questions")
MAX_ITEMS = 50
MAX_ITEM_LENGTH = 2000
MAX_NAME_LENGTH = 200
NEW_PERSON_KEYS = ("name", "role", "organisation")


class NotADeskReviewer(Refused):
    """Only the team's peers and experts write a desk review, never the host city."""

    status_code = 403


class DeskReviewSubmitted(Refused):
    """A submitted desk review no longer changes."""


@dataclass(frozen=True)
class CleanJudgement:
    performance: str
    known: list[str]
    unknown: list[str]
    suspected: list[str]
    questions: list[str]
    to_meet: list[int]
    to_meet_new: list[dict]


def start_desk_review(*, review, peer) -> DeskReview:
    """The peer's desk review of this review, created on first use. Only the team's peers
    and experts write one."""
    if peer.is_host_officer and peer.city_id == review.city_id:
        # Whatever the team says: the host city never sees desk reviews.
        raise NotADeskReviewer(
            _("%(person)s is an officer of %(city)s, the host city, and cannot desk-review it.")
            % {"person": peer, "city": review.city}
        )
    if peer.pk not in desk_reviewer_ids(review):
        raise NotADeskReviewer(
            _("%(person)s is not a peer or expert of the team reviewing %(city)s.")
            % {"person": peer, "city": review.city}
        )
    desk_review, _created = DeskReview.objects.get_or_create(review=review, peer=peer)
    if _created:
        mark_step(review=review, step=ReviewStep.Step.DESK_REVIEW,
                  status=ReviewStep.Status.IN_PROGRESS)
    return desk_review


def judgement_values(judgement: DeskJudgement | None) -> dict:
    """What a save may change in a judgement, and the edit count it is at (a blank
    judgement at edit 0 when there is none yet): what the page's form starts from and what a
    partial change leaves as it is."""
    if judgement is None:
        return {"performance": "", **{name: [] for name in (*LIST_FIELDS, "to_meet")},
                "to_meet_new": [], "edit_count": 0}
    return {
        "performance": judgement.performance,
        **{name: list(getattr(judgement, name)) for name in LIST_FIELDS},
        "to_meet": sorted(p.pk for p in judgement.to_meet.all()),
        "to_meet_new": list(judgement.to_meet_new),
        "edit_count": judgement.edit_count,
    }


def save_judgement(
    *,
    desk_review: DeskReview,
    indicator,
    edit_count: int,
    performance: str = "",
    known: Iterable[str] = (),
    unknown: Iterable[str] = (),
    suspected: Iterable[str] = (),
    questions: Iterable[str] = (),
    to_meet: Iterable[int] = (),
    to_meet_new: Iterable[Mapping] = (),
    by=None,
) -> DeskJudgement:
    """Save a draft judgement of one indicator.

    Raises ValidationError (keyed by field) for bad input, EditConflict when `edit_count`
    is not the stored one, DeskReviewSubmitted once the desk review is submitted.
    """
    clean = clean_judgement(
        review=desk_review.review, indicator=indicator, edit_count=edit_count,
        performance=performance, known=known, unknown=unknown, suspected=suspected,
        questions=questions, to_meet=to_meet, to_meet_new=to_meet_new,
    )
    try:
        with transaction.atomic():
            return _write(desk_review, indicator, edit_count, clean, by)
    except IntegrityError:
        # Two first saves of the same indicator at once: the other one won.
        current = (DeskJudgement.objects.select_related("indicator")
                   .get(desk_review=desk_review, indicator=indicator))
        raise _stale(desk_review, indicator, current, edit_count, clean) from None


def _write(desk_review, indicator, edit_count, clean: CleanJudgement, by) -> DeskJudgement:
    locked = DeskReview.objects.select_for_update().get(pk=desk_review.pk)
    if locked.submitted_at is not None:
        raise DeskReviewSubmitted(_("This desk review is submitted and can no longer change."))
    judgement = (
        DeskJudgement.objects.select_for_update().select_related("indicator")
        .filter(desk_review=desk_review, indicator=indicator).first()
    )
    stored = judgement.edit_count if judgement is not None else 0
    if edit_count != stored:
        raise _stale(desk_review, indicator, judgement, edit_count, clean)
    if judgement is None:
        judgement = DeskJudgement(desk_review=desk_review, indicator=indicator)
    for name in ("performance", *LIST_FIELDS, "to_meet_new"):
        setattr(judgement, name, getattr(clean, name))
    judgement.edit_count = stored + 1
    if by is not None:
        judgement._history_user = by
    # One historical record per save, taken once fields and people are both written (a
    # plain save followed by to_meet.set() would record the draft twice). A first save
    # needs the row before its people, so its record is a change ("~"), not a creation.
    judgement.skip_history_when_saving = True
    try:
        if judgement.pk is None:
            judgement.save()
        judgement.to_meet.set(clean.to_meet)
    finally:
        del judgement.skip_history_when_saving
    judgement.save()
    return judgement


def _stale(desk_review, indicator, judgement, edit_count, clean: CleanJudgement) -> EditConflict:
    """Both versions of a judgement saved elsewhere in the meantime, each field in words;
    fields empty on both sides are left out."""
    saved = judgement_values(judgement)
    yours = {name: getattr(clean, name) for name in JUDGEMENT_FIELDS}
    ids = {*saved["to_meet"], *yours["to_meet"]}
    names = {p.pk: str(p) for p in ResponsiblePerson.objects.filter(pk__in=ids)}

    def in_words(name, value):
        if name == "performance":
            return [performance_label(value)] if value else []
        if name == "to_meet":
            return [names.get(pk, str(pk)) for pk in value]
        if name == "to_meet_new":
            return [", ".join(v for v in (p["name"], p["role"], p["organisation"]) if v)
                    for p in value]
        return list(value)

    shown = [name for name in JUDGEMENT_FIELDS if saved[name] or yours[name]]
    return EditConflict([StaleEdit(
        what=indicator.code, started_from=edit_count, edit_count=saved["edit_count"],
        fields=compare({name: str(JUDGEMENT_FIELDS[name]) for name in shown},
                       {name: in_words(name, saved[name]) for name in shown},
                       {name: in_words(name, yours[name]) for name in shown}),
        # Only its author writes a desk review: the other version is theirs too, saved
        # in another window or on another device.
        saved_by=str(desk_review.peer) if judgement is not None else "",
        saved_at=judgement.updated_at if judgement is not None else None,
    )])


def submit_desk_review(*, desk_review: DeskReview, by=None) -> DeskReview:
    """Submit the desk review: it is locked, and the peer now sees the others'."""
    with transaction.atomic():
        locked = DeskReview.objects.select_for_update().get(pk=desk_review.pk)
        if locked.submitted_at is not None:
            raise DeskReviewSubmitted(_("This desk review is submitted already."))
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["submitted_at"])
        pending = set(desk_reviewer_ids(locked.review)) - set(
            DeskReview.objects.filter(review=locked.review, submitted_at__isnull=False)
            .values_list("peer_id", flat=True)
        )
        if not pending:
            # Step 4 is done when every peer and expert of the team has submitted.
            mark_step(review=locked.review, step=ReviewStep.Step.DESK_REVIEW,
                      status=ReviewStep.Status.DONE)
    desk_review.submitted_at = locked.submitted_at
    forget_cached_ids(desk_review.review)
    return desk_review


def clean_judgement(
    *, review, indicator, edit_count, performance, known, unknown, suspected, questions,
    to_meet, to_meet_new,
) -> CleanJudgement:
    """Check everything first; every problem is reported under the field it concerns."""
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    if indicator.benchmark_id != review.programme.benchmark_id:
        problem("indicator", _("%(code)s is not an indicator of this review's benchmark.")
                % {"code": indicator.code})
    if isinstance(edit_count, bool) or not isinstance(edit_count, int) or edit_count < 0:
        problem("edit_count", _("The edit count must be a whole number, 0 or more."))
    performance = performance or ""
    if performance not in ("", *Performance.values):
        problem("performance", _("%(value)r is not one of: %(choices)s.")
                % {"value": performance, "choices": ", ".join(Performance.values)})

    lists = {}
    for field, value in (("known", known), ("unknown", unknown), ("suspected", suspected),
                         ("questions", questions)):
        lists[field] = _clean_texts(field, value, problem)
    people = _clean_people(review, to_meet, problem)
    new_people = _clean_new_people(to_meet_new, problem)
    if errors:
        raise ValidationError(errors)
    return CleanJudgement(performance=performance, **lists, to_meet=people,
                          to_meet_new=new_people)


def _clean_texts(field, value, problem) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        problem(field, _("Give a list of texts."))
        return []
    items = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str):
            problem(field, _("Item %(n)s is not a text.") % {"n": number})
            continue
        item = item.strip()
        if len(item) > MAX_ITEM_LENGTH:
            problem(field, _("Item %(n)s is longer than %(max)s characters.")
                    % {"n": number, "max": MAX_ITEM_LENGTH})
        elif item:
            items.append(item)
    if len(items) > MAX_ITEMS:
        problem(field, _("At most %(max)s items.") % {"max": MAX_ITEMS})
    return items


def _clean_people(review, value, problem) -> list[int]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        problem("to_meet", _("Give a list of people from the initial report."))
        return []
    ids = []
    for item in value:
        try:
            ids.append(int(item))
        except (TypeError, ValueError):
            problem("to_meet", _("%(value)r is not a person's number.") % {"value": item})
    ids = sorted(set(ids))
    known = set(ResponsiblePerson.objects.filter(report__review=review, pk__in=ids)
                .values_list("pk", flat=True)) if ids else set()
    for missing in (i for i in ids if i not in known):
        problem("to_meet", _("Person %(id)s is not named in this review's initial report.")
                % {"id": missing})
    return ids


def _clean_new_people(value, problem) -> list[dict]:
    if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
        problem("to_meet_new", _("Give a list of people, each with a name, role and "
                                 "organisation."))
        return []
    people, seen = [], set()
    for number, item in enumerate(value, start=1):
        if not isinstance(item, Mapping):
            problem("to_meet_new", _("Person %(n)s: give a name, role and organisation.")
                    % {"n": number})
            continue
        unknown_keys = sorted(set(item) - set(NEW_PERSON_KEYS))
        if unknown_keys:
            problem("to_meet_new", _("Person %(n)s: unknown field(s) %(fields)s.")
                    % {"n": number, "fields": ", ".join(map(str, unknown_keys))})
        person = {}
        for key in NEW_PERSON_KEYS:
            text = item.get(key) or ""
            if not isinstance(text, str):
                problem("to_meet_new", _("Person %(n)s: %(field)s is not a text.")
                        % {"n": number, "field": key})
                text = ""
            text = " ".join(text.split())
            if len(text) > MAX_NAME_LENGTH:
                problem("to_meet_new", _("Person %(n)s: %(field)s is longer than %(max)s "
                                         "characters.")
                        % {"n": number, "field": key, "max": MAX_NAME_LENGTH})
            person[key] = text
        if not person["name"]:
            if person["role"] or person["organisation"]:
                problem("to_meet_new", _("Person %(n)s: the name is missing.") % {"n": number})
            continue
        key = new_person_key(person["name"], person["organisation"])
        if key not in seen:
            seen.add(key)
            people.append(person)
    if len(people) > MAX_ITEMS:
        problem("to_meet_new", _("At most %(max)s people.") % {"max": MAX_ITEMS})
    return people
