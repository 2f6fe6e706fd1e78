"""A programme is a round of peer reviews on one benchmark version (for example
INTI-CITIES 2008); a review is one host city within it. The review cycle (teams, initial
report, desk review) builds on these."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    benchmark = models.ForeignKey(
        "benchmarks.Benchmark",
        verbose_name=_("benchmark version"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    cities = models.ManyToManyField(
        "network.City", verbose_name=_("participating cities"), related_name="programmes"
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    """One host city reviewed within a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="reviews")
    city = models.ForeignKey(
        "network.City", verbose_name=_("host city"), on_delete=models.PROTECT,
        related_name="reviews",
    )

    class Meta:
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")
        ordering = ["programme", "city__name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "city"], name="one_review_per_city")
        ]

    def __str__(self) -> str:
        return f"{self.city} – {self.programme}"
