"""The peers' desk review (step 4): each peer's judgement of each indicator, at a distance."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DeskReview(models.Model):
    review = models.ForeignKey("programmes.Review", on_delete=models.CASCADE,
                               related_name="desk_reviews")
    peer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="desk_reviews")
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("desk review")
        verbose_name_plural = _("desk reviews")
        constraints = [
            models.UniqueConstraint(fields=["review", "peer"], name="one_desk_review_per_peer")
        ]

    def __str__(self) -> str:
        return f"{self.peer} – {self.review}"


class DeskJudgement(models.Model):
    class Performance(models.TextChoices):
        FALLS_SHORT = "falls_short", _("falls short")
        MATCHES = "matches", _("matches")
        SURPASSES = "surpasses", _("surpasses")
        NEEDS_INFORMATION = "needs_information", _("needs more information")

    desk_review = models.ForeignKey(DeskReview, on_delete=models.CASCADE,
                                    related_name="judgements")
    indicator = models.ForeignKey("benchmarks.Indicator", on_delete=models.PROTECT,
                                  related_name="+")
    performance = models.CharField(_("performance"), max_length=20,
                                   choices=Performance.choices, blank=True)
    known = models.JSONField(_("we know"), default=list, blank=True)
    unknown = models.JSONField(_("we don't know"), default=list, blank=True)
    suspected = models.JSONField(_("we suspect"), default=list, blank=True)
    questions = models.JSONField(_("would like to ask"), default=list, blank=True)
    to_meet = models.ManyToManyField(
        "initialreports.ResponsiblePerson", verbose_name=_("would like to meet"), blank=True,
        related_name="wanted_by",
    )
    to_meet_new = models.JSONField(
        _("would like to meet (not in the initial report)"), default=list, blank=True,
        help_text=_('A list of {"name", "role", "organisation"}.'),
    )
    edit_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[to_meet])

    class Meta:
        verbose_name = _("desk judgement")
        verbose_name_plural = _("desk judgements")
        ordering = ["desk_review", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["desk_review", "indicator"],
                                    name="one_judgement_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.get_performance_display() or '—'}"
