"""The evidence bank and the assessment (step 6). Every change is kept (simple-history);
edited rows carry an `edit_count` so that concurrent saves never overwrite each other
(`common.editing`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class EvidenceItem(models.Model):
    class Source(models.TextChoices):
        INTERVIEW = "interview", _("interview")
        WORKSHOP = "workshop", _("workshop")
        DOCUMENT = "document", _("document")
        INITIAL_REPORT = "initial_report", _("initial report")
        OBSERVATION = "observation", _("observation")

    class Kind(models.TextChoices):
        FACT = "fact", _("fact supported by evidence")
        OPINION = "opinion", _("opinion")

    class Direction(models.TextChoices):
        MEETS = "meets", _("meets or surpasses the indicator")
        FALLS_SHORT = "falls_short", _("falls short of the indicator")
        NEITHER = "neither", _("neither")

    review = models.ForeignKey("programmes.Review", on_delete=models.CASCADE,
                               related_name="evidence")
    indicators = models.ManyToManyField("benchmarks.Indicator", related_name="+",
                                        verbose_name=_("indicators"))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    interview = models.ForeignKey("visits.Interview", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="evidence")
    workshop = models.ForeignKey("visits.Workshop", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="evidence")
    interviewee = models.ForeignKey("visits.Interviewee", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="evidence")
    document = models.CharField(_("document"), max_length=300, blank=True)
    page = models.CharField(_("page"), max_length=20, blank=True)
    interviewers = models.CharField(_("interviewers' initials"), max_length=20, blank=True,
                                    help_text=_("For example “JB & FC”."))
    text = models.TextField(_("text"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    direction = models.CharField(_("direction"), max_length=12, choices=Direction.choices,
                                 default=Direction.NEITHER)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    client_key = models.CharField(
        max_length=64, blank=True,
        help_text=_("Set by the browser for a draft sent again after a dropped connection, so "
                    "that it is stored once."),
    )
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        verbose_name = _("piece of evidence")
        verbose_name_plural = _("evidence bank")
        ordering = ["review", "recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "client_key"],
                                    condition=~models.Q(client_key=""),
                                    name="one_item_per_client_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Assessment(models.Model):
    """The team's colour-coded finding on one indicator."""

    class Colour(models.TextChoices):
        MEETS = "meets", _("meets or surpasses (green)")
        FALLS_SHORT = "falls_short", _("falls short (red)")
        INCONCLUSIVE = "inconclusive", _("inconclusive (amber)")
        NOT_ASSESSED = "not_assessed", _("not assessed (grey)")

    review = models.ForeignKey("programmes.Review", on_delete=models.CASCADE,
                               related_name="assessments")
    indicator = models.ForeignKey("benchmarks.Indicator", on_delete=models.PROTECT,
                                  related_name="+")
    colour = models.CharField(_("colour"), max_length=15, choices=Colour.choices,
                              default=Colour.NOT_ASSESSED)
    rationale = models.TextField(_("rationale"), blank=True)
    # The proposal the team decided against, kept beside the final colour.
    proposed_colour = models.CharField(_("proposed colour"), max_length=15,
                                       choices=Colour.choices, blank=True)
    proposed_status = models.CharField(_("corroboration when decided"), max_length=20,
                                       blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["review", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["review", "indicator"],
                                    name="one_assessment_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.get_colour_display()}"


class Finding(models.Model):
    """A strength, or a weakness with the barriers behind it."""

    class Kind(models.TextChoices):
        STRENGTH = "strength", _("strength")
        WEAKNESS = "weakness", _("weakness")

    review = models.ForeignKey("programmes.Review", on_delete=models.CASCADE,
                               related_name="findings")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("text"))
    barriers = models.TextField(_("barriers behind it"), blank=True)
    indicators = models.ManyToManyField("benchmarks.Indicator", blank=True, related_name="+")
    evidence = models.ManyToManyField(EvidenceItem, blank=True, related_name="findings")
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[indicators, evidence])

    class Meta:
        verbose_name = _("strength or weakness")
        verbose_name_plural = _("strengths and weaknesses")
        ordering = ["review", "kind", "id"]

    def __str__(self) -> str:
        return self.text[:60]
