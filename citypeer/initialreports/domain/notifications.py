"""E-mail when the report moves: the coordinators and the review team learn that it is there
to read; the host city's officers learn what the coordinator asks."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from citypeer.initialreports.method.report import RESUBMITTED, RETURNED
from citypeer.people.notifications import notify


def coordinators():
    return get_user_model().objects.filter(Q(is_coordinator=True) | Q(is_superuser=True),
                                           is_active=True)


def review_team(review):
    return get_user_model().objects.filter(team_memberships__team__review=review,
                                           is_active=True)


def host_officers(review):
    return get_user_model().objects.filter(is_host_officer=True, city_id=review.city_id,
                                           is_active=True)


def report_moved(report, transition) -> int:
    review = report.review
    context = {
        "review": review,
        "city": review.city.name,
        "programme": review.programme.name,
        "transition": transition,
        "by": str(transition.by) if transition.by else "",
        "link": getattr(settings, "CITYPEER_BASE_URL", "").rstrip("/")
        + reverse("initialreports:overview", kwargs={"review": review.pk}),
    }
    if transition.to_state == RETURNED:
        return notify(
            people=host_officers(review),
            subject=format_lazy(_("Your initial report is returned for clarification: {city}"),
                                city=review.city.name),
            template="initialreports/email/returned.txt",
            context=context,
        )
    people = {p.pk: p for p in [*coordinators(), *review_team(review)]}
    resubmitted = transition.to_state == RESUBMITTED
    subject = (
        _("Initial report resubmitted: {city}") if resubmitted
        else _("Initial report submitted: {city}")
    )
    return notify(
        people=people.values(),
        subject=format_lazy(subject, city=review.city.name),
        template="initialreports/email/submitted.txt",
        context={**context, "resubmitted": resubmitted},
    )
