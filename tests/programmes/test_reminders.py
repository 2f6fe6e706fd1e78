"""Reminders of steps due soon or overdue, in the recipient's language."""

import datetime as dt

from django.core import mail

from citypeer.programmes.domain.reminders import send_due_reminders
from citypeer.programmes.models import ProgrammePhase, ReviewStep
from tests.conftest import make_person
from tests.programmes.conftest import dashboard_programme

Phase = ProgrammePhase.Kind
Step = ReviewStep.Step


def test_reminders_go_to_the_responsible_person_once_every_few_days(inti):
    programme = dashboard_programme(inti, 1)
    officer = make_person("officer", roles=["host_officer"])
    officer.email, officer.language = "officer@example.org", "fr"
    officer.save()
    step = ReviewStep.objects.get(review__programme=programme, step=Step.INITIAL_REPORT)
    step.responsible = officer
    step.save()
    ReviewStep.objects.filter(review__programme=programme).exclude(pk=step.pk).update(
        status="done"
    )

    first = send_due_reminders(today=dt.date(2008, 1, 10), within_days=7)
    again = send_due_reminders(today=dt.date(2008, 1, 11), within_days=7)
    later = send_due_reminders(today=dt.date(2008, 1, 13), within_days=7)

    assert (first, again, later) == (1, 0, 1)
    assert [m.to for m in mail.outbox] == [["officer@example.org"], ["officer@example.org"]]
    assert mail.outbox[0].subject == "Due soon: Host city's initial report for Helsinki"
