"""Recording, editing, deleting and restoring pieces of evidence; their reference form; and
the conversion of rows into the dataclasses of `citypeer.assessment.method`, whose rules
decide everything about corroboration.

Every item carries a `revision`: an edit or a deletion names the revision it started from,
and one over a newer revision is refused with both versions (nothing is overwritten). A
draft sent again after a dropped connection carries the browser's `client_key` and is stored
once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeer.assessment import method as core
from citypeer.assessment.domain.history import (
    delete_with_history,
    last_version_before_deletion,
    save_with_history,
)
from citypeer.assessment.models import EvidenceItem
from citypeer.benchmarks.models import Indicator
from citypeer.visits.models import Interview, Interviewee, Workshop

Source = EvidenceItem.Source
MAX_TEXT_LENGTH = 20_000
CLIENT_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
INITIALS = re.compile(r"^[A-ZÀ-ÖØ-Þ]{1,4}$")
PAGED = (Source.DOCUMENT, Source.INITIAL_REPORT)


class EvidenceError(Exception):
    pass


class EvidenceConflict(EvidenceError):
    """The item changed (or went) since the revision the edit started from."""

    def __init__(self, *, current: dict | None, attempted: dict):
        self.current, self.attempted = current, attempted
        if current is None:
            message = _("This piece of evidence was deleted by someone else. Nothing was "
                        "changed.")
        else:
            message = (_("This piece of evidence was changed elsewhere (revision %(current)s) "
                         "after the revision you started from (%(yours)s). Nothing was "
                         "overwritten.")
                       % {"current": current["revision"], "yours": attempted["revision"]})
        super().__init__(message)


class EvidenceInUse(EvidenceError):
    pass


class NotRestorable(EvidenceError):
    pass


# --- initials and references ---------------------------------------------------------------

def person_initials(user) -> str:
    """The initials a person signs evidence with (`JB`); derived from the name if unset."""
    if user is None:
        return ""
    if user.initials:
        return user.initials
    words = (user.name or user.username).replace("_", " ").split()
    return "".join(w[0] for w in words).upper()[:4]


def split_initials(text: str) -> tuple[str, ...]:
    return tuple(p for p in re.split(r"\s*(?:&|,|\band\b)\s*", text.strip()) if p)


def interview_initials(interview: Interview) -> tuple[str, ...]:
    return tuple(i for i in (person_initials(interview.peer_a),
                             person_initials(interview.peer_b)) if i)


def interviewee_reference(interviewee_id: int | None) -> str:
    """What stands for an interviewee outside the team: `P-12`, never the name."""
    return f"P-{interviewee_id}" if interviewee_id else ""


def core_interview(interview: Interview) -> core.Interview:
    return core.Interview(
        id=str(interview.pk), number=interview.number,
        interviewee=interviewee_reference(interview.interviewee_id),
        interviewers=interview_initials(interview), day=interview.day,
        time=interview.start.strftime("%H:%M") if interview.start else None,
    )


def core_item(item: EvidenceItem, *, interviews: dict | None = None) -> core.EvidenceItem:
    """The row as the core's dataclass. `interviews` shares one core.Interview per interview
    (the rules count interviews by identity); the item's indicators are prefetched in
    benchmark order."""
    interview = None
    if item.source == Source.INTERVIEW:
        interviews = interviews if interviews is not None else {}
        interview = interviews.get(item.interview_id)
        if interview is None:
            interview = interviews[item.interview_id] = core_interview(item.interview)
    return core.EvidenceItem(
        id=str(item.pk),
        indicators=tuple(i.code for i in item.indicators.all()),
        source=core.Source(item.source),
        kind=core.EvidenceKind(item.kind),
        direction=core.Direction(item.direction),
        text=item.text,
        interview=interview,
        workshop=item.workshop.label if item.workshop_id else "",
        document=item.document,
        page=int(item.page) if item.page and item.source in PAGED else None,
        recorded_by=() if interview else split_initials(item.interviewers),
    )


def core_items(items: Iterable[EvidenceItem]) -> list[core.EvidenceItem]:
    interviews: dict = {}
    return [core_item(item, interviews=interviews) for item in items]


def references_of(item: EvidenceItem) -> tuple[str, ...]:
    """The seed's reference form, once per indicator: `AC/I/3 – Interview 17 – JB & FC`."""
    return core.references(core_item(item))


# --- plain data (API, conflicts, exports) ---------------------------------------------------

def item_data(item: EvidenceItem, *, identities: bool) -> dict:
    """The item as plain data; the interviewee's name only with `identities`."""
    interviewee_id = item.interviewee_id or (item.interview.interviewee_id
                                             if item.interview_id else None)
    data = {
        "id": item.pk,
        "indicators": [i.code for i in item.indicators.all()],
        "references": list(references_of(item)),
        "source": item.source,
        "interview": item.interview_id,
        "interview_number": item.interview.number if item.interview_id else None,
        "workshop": item.workshop_id,
        "workshop_label": item.workshop.label if item.workshop_id else "",
        "interviewee": interviewee_reference(interviewee_id),
        "document": item.document,
        "page": item.page,
        "interviewers": item.interviewers,
        "text": item.text,
        "kind": item.kind,
        "direction": item.direction,
        "recorded_by": str(item.recorded_by) if item.recorded_by_id else "",
        "recorded_at": item.recorded_at,
        "client_key": item.client_key,
        "revision": item.revision,
    }
    if identities:
        person = item.interviewee or (item.interview.interviewee if item.interview_id else None)
        data["interviewee_name"] = person.name if person else ""
    return data


# --- validation --------------------------------------------------------------------------

@dataclass(frozen=True)
class CleanEvidence:
    indicators: list[Indicator]
    source: str
    interview: Interview | None
    workshop: Workshop | None
    interviewee: Interviewee | None
    document: str
    page: str
    interviewers: str
    text: str
    kind: str
    direction: str
    client_key: str


def clean_evidence(
    *, review, indicators, source, text, kind, direction=EvidenceItem.Direction.NEITHER,
    interview=None, workshop=None, interviewee=None, document="", page="", interviewers="",
    client_key="",
) -> CleanEvidence:
    """Check everything first; every problem is reported under the field it concerns.
    `indicators` are codes or Indicator rows; `interview`, `workshop`, `interviewee` rows or
    ids (an interview by its number too, as `int`, is not accepted: ids only)."""
    errors: dict[str, list[str]] = {}

    def problem(field, message):
        errors.setdefault(field, []).append(message)

    benchmark_id = review.programme.benchmark_id
    chosen = _clean_indicators(indicators, benchmark_id, problem)
    if source not in Source.values:
        problem("source", _("%(value)r is not one of: %(choices)s.")
                % {"value": source, "choices": ", ".join(Source.values)})
    if kind not in EvidenceItem.Kind.values:
        problem("kind", _("%(value)r is not one of: %(choices)s.")
                % {"value": kind, "choices": ", ".join(EvidenceItem.Kind.values)})
    direction = direction or EvidenceItem.Direction.NEITHER
    if direction not in EvidenceItem.Direction.values:
        problem("direction", _("%(value)r is not one of: %(choices)s.")
                % {"value": direction, "choices": ", ".join(EvidenceItem.Direction.values)})
    text = (text or "").strip()
    if not text:
        problem("text", _("Write what was said or found."))
    elif len(text) > MAX_TEXT_LENGTH:
        problem("text", _("At most %(max)s characters.") % {"max": MAX_TEXT_LENGTH})

    interview_row = _row(Interview.objects.select_related("interviewee", "peer_a", "peer_b"),
                         interview, "interview", review, problem)
    workshop_row = _row(Workshop.objects.all(), workshop, "workshop", review, problem)
    interviewee_row = _row(Interviewee.objects.all(), interviewee, "interviewee", review,
                           problem)

    if source == Source.INTERVIEW and interview_row is None and "interview" not in errors:
        problem("interview", _("Choose the interview the evidence comes from."))
    if source != Source.INTERVIEW and interview_row is not None:
        problem("interview", _("Only evidence from an interview names an interview."))
    if source == Source.WORKSHOP and workshop_row is None and "workshop" not in errors:
        problem("workshop", _("Choose the workshop the evidence comes from."))
    if source != Source.WORKSHOP and workshop_row is not None:
        problem("workshop", _("Only evidence from a workshop names a workshop."))
    if interview_row is not None:
        if interviewee_row is not None and interviewee_row.pk != interview_row.interviewee_id:
            problem("interviewee", _("Interview %(number)s was held with someone else.")
                    % {"number": interview_row.number})
        interviewee_row = interview_row.interviewee
    elif interviewee_row is not None and source != Source.WORKSHOP:
        problem("interviewee", _("Only evidence from an interview or a workshop names an "
                                 "interviewee."))

    document = " ".join((document or "").split())
    if len(document) > 300:
        problem("document", _("At most %(max)s characters.") % {"max": 300})
    if source == Source.DOCUMENT and not document:
        problem("document", _("Name the document."))
    if source not in (Source.DOCUMENT, "") and document and source in Source.values:
        problem("document", _("Only evidence from a document names a document."))
    page = str(page or "").strip()
    if page:
        if source not in PAGED:
            problem("page", _("Only documents and the initial report have pages."))
        elif not page.isdigit() or int(page) < 1 or len(page) > 6:
            problem("page", _("A page is a whole number, 1 or more."))

    if interview_row is not None:
        initials = core.join_initials(interview_initials(interview_row))
    else:
        given = split_initials(interviewers or "")
        for part in given:
            if not INITIALS.match(part):
                problem("interviewers", _("%(value)r: initials are one to four capital "
                                          "letters, joined by “&”, as in “JB & FC”.")
                        % {"value": part})
        initials = core.join_initials(given)
    if len(initials) > 20:
        problem("interviewers", _("At most %(max)s characters.") % {"max": 20})

    client_key = (client_key or "").strip()
    if client_key and not CLIENT_KEY.match(client_key):
        problem("client_key", _("A client key is 8 to 64 letters, digits, “-” or “_”."))
    if errors:
        raise ValidationError(errors)
    return CleanEvidence(
        indicators=chosen, source=source, interview=interview_row, workshop=workshop_row,
        interviewee=interviewee_row, document=document, page=page, interviewers=initials,
        text=text, kind=kind, direction=direction, client_key=client_key,
    )


def _clean_indicators(values, benchmark_id, problem) -> list[Indicator]:
    if isinstance(values, str) or values is None or not isinstance(values, Iterable):
        problem("indicators", _("Give a list of indicators."))
        return []
    values = list(values)
    codes = [v.code if isinstance(v, Indicator) else str(v).strip() for v in values]
    if not codes:
        problem("indicators", _("Relate the evidence to at least one indicator."))
        return []
    if len(set(codes)) != len(codes):
        problem("indicators", _("An indicator is given twice."))
    rows = {i.code: i for i in Indicator.objects.filter(benchmark_id=benchmark_id,
                                                        code__in=codes)}
    for code in codes:
        if code not in rows:
            problem("indicators", _("%(code)s is not an indicator of this review's "
                                    "benchmark.") % {"code": code})
    return sorted({rows[c].pk: rows[c] for c in codes if c in rows}.values(),
                  key=lambda i: i.position)


def _row(queryset, value, field, review, problem):
    if value in (None, ""):
        return None
    if isinstance(value, queryset.model):
        row = value
    else:
        try:
            pk = int(value)
        except (TypeError, ValueError):
            problem(field, _("%(value)r is not a number.") % {"value": value})
            return None
        row = queryset.filter(pk=pk).select_related("visit").first()
        if row is None:
            problem(field, _("There is no %(what)s %(id)s.") % {"what": field, "id": pk})
            return None
    visit = row.visit if hasattr(row, "visit") else None
    if visit is None or visit.review_id != review.pk:
        problem(field, _("This %(what)s is not part of this review's visit.")
                % {"what": field})
        return None
    return row


# --- writing -----------------------------------------------------------------------------

def _attempted(clean: CleanEvidence, revision: int) -> dict:
    return {
        "indicators": [i.code for i in clean.indicators], "source": clean.source,
        "interview": clean.interview.number if clean.interview else None,
        "workshop": clean.workshop.label if clean.workshop else "",
        "document": clean.document, "page": clean.page, "interviewers": clean.interviewers,
        "text": clean.text, "kind": clean.kind, "direction": clean.direction,
        "revision": revision,
    }


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
                        revision=1)
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


def edit_evidence(*, item: EvidenceItem, by, revision: int, **fields) -> EvidenceItem:
    clean = clean_evidence(review=item.review, client_key=item.client_key, **fields)
    with transaction.atomic():
        locked = EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        if locked is None or locked.revision != revision:
            current = None
            if locked is not None:
                current = _attempted(
                    clean_evidence(**_fields_of(locked), review=item.review), locked.revision)
            raise EvidenceConflict(current=current, attempted=_attempted(clean, revision))
        _apply(locked, clean)
        locked.revision = revision + 1
        save_with_history(locked, m2m={"indicators": clean.indicators}, by=by, created=False)
    return locked


def _fields_of(item: EvidenceItem) -> dict:
    return {
        "indicators": list(item.indicators.order_by("position")), "source": item.source,
        "text": item.text, "kind": item.kind, "direction": item.direction,
        "interview": item.interview_id, "workshop": item.workshop_id,
        "interviewee": item.interviewee_id if item.source == Source.WORKSHOP else None,
        "document": item.document, "page": item.page,
        "interviewers": "" if item.interview_id else item.interviewers,
    }


def delete_evidence(*, item: EvidenceItem, by, revision: int) -> None:
    """Delete an item; it stays in the history, from which the coordinator may restore it.
    An item a finding rests on is kept until the finding no longer cites it."""
    with transaction.atomic():
        locked = EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        if locked is None or locked.revision != revision:
            raise EvidenceConflict(
                current=None if locked is None else {"revision": locked.revision},
                attempted={"revision": revision},
            )
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
        item.revision = record.revision + 1
        if item.client_key and EvidenceItem.objects.filter(
                review=review, client_key=item.client_key).exists():
            item.client_key = ""
        save_with_history(item, m2m={"indicators": indicators}, by=by, created=True)
    return item


# --- the current interview -------------------------------------------------------------

def interview_window(interview: Interview) -> tuple[dt.datetime, dt.datetime] | None:
    """When the interview takes place, in the server's time zone; None while the visit has
    no dates."""
    visit = interview.visit
    date = None
    days = visit.days or []
    if 1 <= interview.day <= len(days) and isinstance(days[interview.day - 1], dict):
        raw = days[interview.day - 1].get("date")
        if raw:
            try:
                date = dt.date.fromisoformat(raw)
            except ValueError:
                date = None
    if date is None and visit.starts_on is not None:
        date = visit.starts_on + dt.timedelta(days=interview.day - 1)
    if date is None or interview.start is None:
        return None
    start = timezone.make_aware(dt.datetime.combine(date, interview.start))
    return start, start + dt.timedelta(minutes=visit.slot_minutes * max(interview.slots, 1))


def current_interview(*, interviews: Iterable[Interview], peer, now=None) -> Interview | None:
    """The interview the peer is holding now; else the one they held last (notes are
    written just after); else their next one; else the first of the visit."""
    now = now or timezone.now()
    interviews = [i for i in interviews if not i.cancelled]
    mine = [i for i in interviews if peer is not None and peer.pk in (i.peer_a_id, i.peer_b_id)]
    timed = [(w, i) for i in mine if (w := interview_window(i)) is not None]
    for (start, end), interview in timed:
        if start <= now < end:
            return interview
    past = [(end, i) for (start, end), i in timed if end <= now]
    if past:
        return max(past, key=lambda pair: (pair[0], pair[1].number))[1]
    future = [(start, i) for (start, end), i in timed if start > now]
    if future:
        return min(future, key=lambda pair: (pair[0], pair[1].number))[1]
    return (mine or interviews or [None])[0]
