"""A peer's desk review: starting it, saving judgements as the peer types, submitting it.

Every judgement carries a `revision`. A save names the revision it started from; a save
from an older revision (another tab, another device) is refused with both versions and
nothing is overwritten. Submitting locks the desk review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.deskreviews.domain.queries import desk_reviewer_ids, forget_cached_ids
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


class DeskReviewError(Exception):
    pass


class NotADeskReviewer(DeskReviewError):
    pass


class DeskReviewSubmitted(DeskReviewError):
    pass


class JudgementConflict(DeskReviewError):
    """The judgement changed since the revision the save started from."""

    def __init__(self, *, current: dict, attempted: dict):
        self.current, self.attempted = current, attempted
        super().__init__(
            _("This judgement was saved elsewhere (revision %(current)s) after the revision "
              "you started from (%(yours)s). Nothing was overwritten.")
            % {"current": current["revision"], "yours": attempted["revision"]}
        )


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


def judgement_data(judgement: DeskJudgement | None, *, indicator=None) -> dict:
    """A judgement as plain data (a blank one, revision 0, when there is none yet)."""
    if judgement is None:
        return {
            "indicator": indicator.code if indicator is not None else None,
            "performance": "", "known": [], "unknown": [], "suspected": [], "questions": [],
            "to_meet": [], "to_meet_new": [], "revision": 0, "updated_at": None,
        }
    return {
        "indicator": judgement.indicator.code,
        "performance": judgement.performance,
        **{name: list(getattr(judgement, name)) for name in LIST_FIELDS},
        "to_meet": sorted(p.pk for p in judgement.to_meet.all()),
        "to_meet_new": list(judgement.to_meet_new),
        "revision": judgement.revision,
        "updated_at": judgement.updated_at,
    }


def save_judgement(
    *,
    desk_review: DeskReview,
    indicator,
    revision: int,
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

    Raises ValidationError (keyed by field) for bad input, JudgementConflict when `revision`
    is not the stored one, DeskReviewSubmitted once the desk review is submitted.
    """
    clean = clean_judgement(
        review=desk_review.review, indicator=indicator, revision=revision,
        performance=performance, known=known, unknown=unknown, suspected=suspected,
        questions=questions, to_meet=to_meet, to_meet_new=to_meet_new,
    )
    try:
        with transaction.atomic():
            return _write(desk_review, indicator, revision, clean, by)
    except IntegrityError:
        # Two first saves of the same indicator at once: the other one won.
        current = (DeskJudgement.objects.select_related("indicator")
                   .get(desk_review=desk_review, indicator=indicator))
        raise JudgementConflict(
            current=judgement_data(current), attempted=_attempted(indicator, revision, clean)
        ) from None


def _write(desk_review, indicator, revision, clean: CleanJudgement, by) -> DeskJudgement:
    locked = DeskReview.objects.select_for_update().get(pk=desk_review.pk)
    if locked.submitted_at is not None:
        raise DeskReviewSubmitted(_("This desk review is submitted and can no longer change."))
    judgement = (
        DeskJudgement.objects.select_for_update().select_related("indicator")
        .filter(desk_review=desk_review, indicator=indicator).first()
    )
    stored = judgement.revision if judgement is not None else 0
    if revision != stored:
        raise JudgementConflict(
            current=judgement_data(judgement, indicator=indicator),
            attempted=_attempted(indicator, revision, clean),
        )
    if judgement is None:
        judgement = DeskJudgement(desk_review=desk_review, indicator=indicator)
    for name in ("performance", *LIST_FIELDS, "to_meet_new"):
        setattr(judgement, name, getattr(clean, name))
    judgement.revision = stored + 1
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


def _attempted(indicator, revision, clean: CleanJudgement) -> dict:
    return {"indicator": indicator.code, **clean.__dict__, "revision": revision,
            "updated_at": None}


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
    *, review, indicator, revision, performance, known, unknown, suspected, questions,
    to_meet, to_meet_new,
) -> CleanJudgement:
    """Check everything first; every problem is reported under the field it concerns."""
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    if indicator.benchmark_id != review.programme.benchmark_id:
        problem("indicator", _("%(code)s is not an indicator of this review's benchmark.")
                % {"code": indicator.code})
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        problem("revision", _("The revision must be a whole number, 0 or more."))
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
