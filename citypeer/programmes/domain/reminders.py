"""Reminders of approaching due dates, sent to whoever is responsible for a step."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from citypeer.people.models import User
from citypeer.people.notifications import notify
from citypeer.programmes.models import ReviewStep

# A step is not reminded of again within this many days, so a daily run does not nag.
REMIND_EVERY_DAYS = 3


def send_due_reminders(*, today: dt.date, within_days: int = 7) -> int:
    """E-mail the responsible person (or, when nobody is, the coordinators) about every
    unfinished step due within `within_days` days or overdue. Returns e-mails sent."""
    horizon = today + dt.timedelta(days=within_days)
    steps = (
        ReviewStep.objects.exclude(status=ReviewStep.Status.DONE)
        .filter(due_on__isnull=False, due_on__lte=horizon)
        .select_related("review__city", "review__programme", "responsible")
    )
    coordinators = list(User.objects.filter(is_coordinator=True, is_active=True))
    sent = 0
    for step in steps:
        if step.last_reminded_on and (today - step.last_reminded_on).days < REMIND_EVERY_DAYS:
            continue
        people = [step.responsible] if step.responsible else coordinators
        sent += notify(
            people=people,
            subject=_("Due soon: %(step)s for %(city)s")
            % {"step": step.get_step_display(), "city": step.review.city},
            template="programmes/email/step_due.txt",
            context={"step": step, "overdue": step.due_on < today, "today": today},
        )
        step.last_reminded_on = today
        step.save(update_fields=["last_reminded_on"])
    return sent
