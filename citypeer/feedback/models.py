"""Feedback (step 7): the headline findings agreed before the team leaves, recommendations
resting on corroborated findings, the written report the peers compose and approve together,
and the host city's commitments. The rules live in `citypeer.feedback.method`; edited rows
carry an `edit_count` (how many times they were saved) so that concurrent saves never
overwrite each other (`citypeer.common.editing`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class HeadlineFinding(models.Model):
    review = models.ForeignKey("programmes.Review", on_delete=models.CASCADE,
                               related_name="headline_findings")
    text = models.TextField(_("headline finding"))
    indicators = models.ManyToManyField("benchmarks.Indicator", blank=True, related_name="+",
                                        verbose_name=_("indicators"))
    position = models.PositiveIntegerField(_("position"), default=0)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    drafted_at = models.DateTimeField(auto_now_add=True)
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        verbose_name = _("headline finding")
        verbose_name_plural = _("headline findings")
        ordering = ["review", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class HeadlineVote(models.Model):
    """One team member's agreement with, or objection to, one headline finding. Editing the
    finding deletes the votes: they were cast on other words."""

    headline = models.ForeignKey(HeadlineFinding, on_delete=models.CASCADE,
                                 related_name="votes")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    agrees = models.BooleanField(_("agrees"))
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agreement or objection")
        verbose_name_plural = _("agreements and objections")
        constraints = [
            models.UniqueConstraint(fields=["headline", "person"], name="one_vote_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {'+' if self.agrees else '-'}"


class Recommendation(models.Model):
    review = models.ForeignKey("programmes.Review", on_delete=models.CASCADE,
                               related_name="recommendations")
    text = models.TextField(_("recommendation"))
    indicators = models.ManyToManyField("benchmarks.Indicator", related_name="+",
                                        verbose_name=_("indicators"))
    findings = models.ManyToManyField("assessment.Finding", blank=True, related_name="+",
                                      verbose_name=_("findings it answers"))
    timescale = models.CharField(_("timescale"), max_length=200, blank=True,
                                 help_text=_("For example “within 12 months”."))
    position = models.PositiveIntegerField(_("position"), default=0)
    # Set only when the coordinator accepted a recommendation the corroboration guard refused;
    # the report's method annex lists it with the problems it was accepted despite.
    override_justification = models.TextField(_("justification of the override"), blank=True)
    override_problems = models.JSONField(default=list, blank=True)
    overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    overridden_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords(m2m_fields=[indicators, findings])

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["review", "position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class Report(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        RELEASED = "released", _("released to the host city")

    review = models.OneToOneField("programmes.Review", on_delete=models.CASCADE,
                                  related_name="feedback_report")
    state = models.CharField(_("state"), max_length=10, choices=State.choices,
                             default=State.DRAFT)
    released_at = models.DateTimeField(_("released at"), null=True, blank=True)
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("written report")
        verbose_name_plural = _("written reports")

    def __str__(self) -> str:
        return str(self.review)


class ReportSection(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(_("section"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveIntegerField(_("position"))
    text = models.TextField(_("text"), blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="one_section_per_key")
        ]

    def __str__(self) -> str:
        return self.title


class ReportVersion(models.Model):
    """Every saved text of a section, numbered by the section's edit count when it was
    saved: 1 is the prefill."""

    section = models.ForeignKey(ReportSection, on_delete=models.CASCADE,
                                related_name="versions")
    edit_count = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["section", "edit_count"]
        constraints = [
            models.UniqueConstraint(fields=["section", "edit_count"], name="one_version_per_edit")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.edit_count})"


class ReportApproval(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="approvals")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [
            models.UniqueConstraint(fields=["report", "person"], name="one_approval_per_peer")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Rendering(models.Model):
    """A PDF or DOCX made in a background thread of the web process that asked for it."""

    class Format(models.TextChoices):
        HTML = "html", "HTML"
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    class State(models.TextChoices):
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="renderings")
    format = models.CharField(max_length=4, choices=Format.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.RUNNING)
    path = models.CharField(max_length=500, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.format} {self.state}"


class Commitment(models.Model):
    """The host city's response to one recommendation and, later, how it stands."""

    class Response(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        PARTLY = "partly_accepted", _("partly accepted")
        NOT_ACCEPTED = "not_accepted", _("not accepted")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        UNDER_WAY = "under_way", _("under way")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    recommendation = models.OneToOneField(Recommendation, on_delete=models.CASCADE,
                                          related_name="commitment")
    response = models.CharField(_("response"), max_length=20, choices=Response.choices)
    commitment = models.TextField(_("commitment"), blank=True)
    owner = models.CharField(_("owner"), max_length=200, blank=True,
                             help_text=_("Who at the city answers for it."))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=Status.choices,
                              default=Status.NOT_STARTED)
    status_note = models.TextField(_("note on the status"), blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["recommendation__review", "recommendation__position", "recommendation_id"]

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.get_response_display()}"
