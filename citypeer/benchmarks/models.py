"""Benchmarks as stored. A benchmark version is never edited in place: a changed
benchmark is imported as a new version, and whatever used the old one keeps it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeer.core.benchmark import KIND_MATRIX, KIND_TOOLKIT


class Benchmark(models.Model):
    class Kind(models.TextChoices):
        MATRIX = KIND_MATRIX, _("pillars × values matrix")
        TOOLKIT = KIND_TOOLKIT, _("toolkit: standard, key factors and context factors")

    slug = models.SlugField(_("short name"), max_length=80)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=2)
    source = models.TextField(_("source"), blank=True)
    description = models.TextField(_("description"), blank=True)
    standard = models.TextField(_("standard"), blank=True)
    content_hash = models.CharField(max_length=64, editable=False)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        "people.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("benchmark")
        verbose_name_plural = _("benchmarks")
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="benchmark_slug_version")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.slug} v{self.version})"


class BenchmarkPart(models.Model):
    """A coded part of one benchmark version (a value, pillar, indicator, key factor or context
    factor), kept in the order the benchmark document gives it."""

    position = models.PositiveIntegerField()

    class Meta:
        abstract = True
        ordering = ["benchmark", "position"]

    def __str__(self) -> str:
        return self.name


def unique_code(name: str) -> list[models.UniqueConstraint]:
    """A code names one part of its kind within a benchmark version."""
    return [models.UniqueConstraint(fields=["benchmark", "code"], name=name)]


class Value(BenchmarkPart):
    """A transversal value (Ambition, Leadership, Resources, Implementation, Evaluation)."""

    benchmark = models.ForeignKey(Benchmark, on_delete=models.CASCADE, related_name="values")
    code = models.CharField(_("code"), max_length=4)
    name = models.CharField(_("name"), max_length=100)

    class Meta(BenchmarkPart.Meta):
        verbose_name = _("transversal value")
        verbose_name_plural = _("transversal values")
        constraints = unique_code("value_code")


class Pillar(BenchmarkPart):
    benchmark = models.ForeignKey(Benchmark, on_delete=models.CASCADE, related_name="pillars")
    code = models.CharField(_("code"), max_length=4)
    name = models.CharField(_("name"), max_length=200)
    standard = models.TextField(_("standard"), blank=True)

    class Meta(BenchmarkPart.Meta):
        verbose_name = _("pillar")
        verbose_name_plural = _("pillars")
        constraints = unique_code("pillar_code")


class Indicator(BenchmarkPart):
    benchmark = models.ForeignKey(Benchmark, on_delete=models.CASCADE, related_name="indicators")
    pillar = models.ForeignKey(Pillar, on_delete=models.CASCADE, related_name="indicators")
    value = models.ForeignKey(Value, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=20)
    number = models.PositiveIntegerField(_("number"))
    text = models.TextField(_("text"))

    class Meta(BenchmarkPart.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = unique_code("indicator_code")

    def __str__(self) -> str:
        return self.code


class KeyFactor(BenchmarkPart):
    benchmark = models.ForeignKey(Benchmark, on_delete=models.CASCADE, related_name="key_factors")
    code = models.CharField(_("code"), max_length=8)
    title = models.CharField(_("title"), max_length=200)
    standard = models.TextField(_("standard"))
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta(BenchmarkPart.Meta):
        verbose_name = _("key factor")
        verbose_name_plural = _("key factors")
        constraints = unique_code("key_factor_code")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class GuideQuestion(models.Model):
    key_factor = models.ForeignKey(
        KeyFactor, on_delete=models.CASCADE, related_name="guide_questions"
    )
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("guide question")
        verbose_name_plural = _("guide questions")
        ordering = ["key_factor", "position"]

    def __str__(self) -> str:
        return self.text


class CityExample(models.Model):
    """A city's practice that a toolkit gives to illustrate a key factor."""

    key_factor = models.ForeignKey(KeyFactor, on_delete=models.CASCADE, related_name="examples")
    city = models.CharField(_("city"), max_length=100)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)
    text = models.TextField(_("text"))
    position = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("city example")
        verbose_name_plural = _("city examples")
        ordering = ["key_factor", "position"]

    def __str__(self) -> str:
        return f"{self.city} ({self.year})" if self.year else self.city


class ContextFactor(BenchmarkPart):
    benchmark = models.ForeignKey(
        Benchmark, on_delete=models.CASCADE, related_name="context_factors"
    )
    code = models.CharField(_("code"), max_length=8)
    name = models.CharField(_("name"), max_length=200)
    examples = models.TextField(_("examples of what this factor may involve"))

    class Meta(BenchmarkPart.Meta):
        verbose_name = _("context factor")
        verbose_name_plural = _("context factors")
        constraints = unique_code("context_factor_code")
