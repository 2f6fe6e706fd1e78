"""Benchmark revision (seed 003: "revisiting the benchmarks in the light of its testing in
the reviewed cities"): comments on indicators made during a programme, and the coordinator's
draft of the next benchmark version, published through the benchmark library."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorComment(models.Model):
    class Kind(models.TextChoices):
        UNCLEAR = "unclear", _("unclear")
        NOT_APPLICABLE = "not_applicable", _("not applicable in some settings")
        INFORMATION_NOT_AVAILABLE = "information_not_available", _("information not available")
        TOO_PRESCRIPTIVE = "too_prescriptive", _("too prescriptive")

    programme = models.ForeignKey("programmes.Programme", on_delete=models.CASCADE,
                                  related_name="indicator_comments",
                                  verbose_name=_("programme"))
    indicator = models.ForeignKey("benchmarks.Indicator", on_delete=models.CASCADE,
                                  related_name="+", verbose_name=_("indicator"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    text = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment on an indicator")
        verbose_name_plural = _("comments on indicators")
        ordering = ["indicator__position", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.get_kind_display()}"


class RevisionDraft(models.Model):
    """The next version of a benchmark as the coordinator writes it, until it is published."""

    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    base = models.ForeignKey("benchmarks.Benchmark", on_delete=models.PROTECT,
                             related_name="revision_drafts",
                             verbose_name=_("benchmark version revised"))
    programme = models.ForeignKey("programmes.Programme", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="revision_drafts",
                                  verbose_name=_("programme whose comments it answers"))
    document = models.TextField(_("new version (benchmark file, YAML)"))
    # The coordinator's corrections of the automatic matching: old code -> new code, or null
    # for an indicator removed although a similar one was added.
    overrides = models.JSONField(_("mapping corrections"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.DRAFT)
    published = models.OneToOneField("benchmarks.Benchmark", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="revised_from",
                                     verbose_name=_("published version"))
    # Frozen at publication: the over-time comparison reads it to follow indicators.
    mapping = models.JSONField(_("old code to new code"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("benchmark revision draft")
        verbose_name_plural = _("benchmark revision drafts")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.base} → {self.get_state_display()}"
