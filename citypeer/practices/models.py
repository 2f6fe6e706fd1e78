"""Good practices: found in reviews (step 6) and shipped from the seeds, one catalogue that
cities search for what they could transfer."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class GoodPractice(models.Model):
    class Origin(models.TextChoices):
        REVIEW = "review", _("found in a peer review")
        SHIPPED = "shipped", _("from the method's publications")

    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices,
                              default=Origin.REVIEW)
    review = models.ForeignKey("programmes.Review", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="good_practices")
    city = models.ForeignKey("network.City", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="good_practices")
    city_name = models.CharField(_("city"), max_length=100, blank=True,
                                 help_text=_("For practices of cities outside the network."))
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    theme = models.CharField(
        _("theme"), max_length=200, blank=True,
        help_text=_("The aspect of integration governance it answers, e.g. “Needs assessment "
                    "and data collection”."),
    )
    description = models.TextField(_("description"))
    indicators = models.ManyToManyField("benchmarks.Indicator", blank=True, related_name="+")
    key_factors = models.ManyToManyField("benchmarks.KeyFactor", blank=True, related_name="+")
    transferable = models.BooleanField(_("transferable to other cities"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    published = models.BooleanField(
        _("published"), default=False,
        help_text=_("Shown in the public catalogue once the programme's comparison is published."),
    )
    # Set on the practices citypeer ships, so that loading them again finds them.
    shipped_key = models.CharField(max_length=120, blank=True, editable=False)
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["shipped_key"], condition=~models.Q(shipped_key=""),
                                    name="one_practice_per_shipped_key"),
        ]

    def __str__(self) -> str:
        return self.title
