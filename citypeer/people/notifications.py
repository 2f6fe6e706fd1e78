"""E-mail to people in their own language (console backend unless SMTP is configured)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def notify(*, people, subject, template: str, context: dict) -> int:
    """Send one e-mail per person, each rendered in that person's interface language.

    `subject` is a lazy translation so that it, too, follows the recipient's language.
    Returns how many e-mails were sent.
    """
    sent = 0
    for person in people:
        if not person.email:
            continue
        with translation.override(person.language or settings.LANGUAGE_CODE):
            body = render_to_string(template, {**context, "recipient": person})
            sent += send_mail(
                str(subject), body, settings.DEFAULT_FROM_EMAIL, [person.email],
                fail_silently=False,
            )
    return sent
