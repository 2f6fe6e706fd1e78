"""Sending the survey to each signatory's contact with a personal link, and reminding those
who have not submitted before the deadline.

Plain functions of their arguments (no request, no user session), so that a management
command, a task queue or a page can call them alike. E-mails go through Django's mail API,
one per city, in the contact's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from citypeer.surveys.domain import links
from citypeer.surveys.domain.refusals import SurveyRefused
from citypeer.surveys.models import CharterSurvey, CityResponse, Signatory

# A city is not reminded again within this many days, so that a daily run does not nag.
REMIND_EVERY_DAYS = 3
REMIND_WITHIN_DAYS = 7


@dataclass
class InvitationOutcome:
    sent: list[str] = field(default_factory=list)  # city names
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (city, why)


def _mail(*, to: str, language: str, subject, template: str, context: dict) -> int:
    """One e-mail in the recipient's language; `subject` is called once that language is
    active."""
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, context)
        return send_mail(subject(), body, settings.DEFAULT_FROM_EMAIL, [to],
                         fail_silently=False)


def send_invitations(*, survey: CharterSurvey, cities: Iterable | None = None,
                     again: bool = False) -> InvitationOutcome:
    """E-mail each signatory's contact (every one that has not withdrawn, or only `cities`)
    a personal link to its response. A city already invited is skipped unless `again`,
    which sends a new link (and the old one stops working); a city that has submitted is
    always skipped."""
    if survey.state != CharterSurvey.State.OPEN:
        raise SurveyRefused(_("Open the survey before sending it: the cities can answer only "
                              "an open survey."))
    signatories = Signatory.objects.select_related("city").filter(withdrawn=False)
    if cities is not None:
        signatories = signatories.filter(city__in=list(cities))
    outcome = InvitationOutcome()
    for signatory in signatories.order_by("city__name"):
        response, _created = CityResponse.objects.get_or_create(survey=survey,
                                                                city=signatory.city)
        if response.submitted_at is not None:
            outcome.skipped.append((str(signatory.city), _("already submitted")))
            continue
        if response.invited_at is not None and not again:
            outcome.skipped.append((str(signatory.city), _("already invited")))
            continue
        with transaction.atomic():
            locked = CityResponse.objects.select_for_update().get(pk=response.pk)
            token = links.issue_token(locked)
            _mail(to=signatory.contact_email, language=signatory.contact_language,
                  subject=lambda s=signatory: _("%(title)s: the survey of %(city)s") % {
                      "title": survey.title, "city": s.city},
                  template="surveys/email/invitation.txt",
                  context={"survey": survey, "signatory": signatory,
                           "link": links.link_url(token), "again": again})
            locked.invited_at = timezone.now()
            locked.invited_email = signatory.contact_email
            locked.save(update_fields=["token_digest", "invited_at", "invited_email"])
        outcome.sent.append(str(signatory.city))
    return outcome


def send_reminders(*, today: dt.date, within_days: int = REMIND_WITHIN_DAYS) -> int:
    """Remind the contact of every invited city that has not submitted, in every open survey
    whose deadline is `within_days` days away or less (and not past). Returns e-mails sent.

    The reminder cannot carry the personal link (only its digest is kept): it says where
    the invitation came from, and that officers with an account open the survey from
    their survey page."""
    surveys = CharterSurvey.objects.filter(
        state=CharterSurvey.State.OPEN, deadline__gte=today,
        deadline__lte=today + dt.timedelta(days=within_days))
    waiting = (CityResponse.objects.filter(survey__in=surveys, submitted_at__isnull=True,
                                           invited_at__isnull=False)
               .select_related("survey", "city", "city__signatory").order_by("city__name"))
    sent = 0
    for response in waiting:
        if response.last_reminded_on and (
                today - response.last_reminded_on).days < REMIND_EVERY_DAYS:
            continue
        signatory = getattr(response.city, "signatory", None)
        if signatory is None or signatory.withdrawn:
            continue
        days = (response.survey.deadline - today).days
        sent += _mail(
            to=signatory.contact_email, language=signatory.contact_language,
            subject=lambda r=response: _("Reminder: %(title)s is due on %(deadline)s") % {
                "title": r.survey.title, "deadline": r.survey.deadline.isoformat()},
            template="surveys/email/reminder.txt",
            context={"survey": response.survey, "response": response,
                     "signatory": signatory, "days": days,
                     "surveys_url": settings.CITYPEER_BASE_URL + reverse("surveys:index")})
        response.last_reminded_on = today
        response.save(update_fields=["last_reminded_on"])
    return sent
