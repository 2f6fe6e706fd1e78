"""The host city's initial report (step 3): background and a self-assessment per indicator.

Rows people edit carry an `edit_count` (how many times they were saved): a save names the
edit count it started from, and a save over a newer one is refused instead of overwriting it
(`common.editing`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class InitialReport(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for clarification")
        RESUBMITTED = "resubmitted", _("resubmitted")

    class PoliticalInvolvement(models.TextChoices):
        NONE = "none", _("none")
        INFORMED = "informed", _("informed")
        CONSULTED = "consulted", _("consulted on the draft")
        APPROVED = "approved", _("approved the report")

    review = models.OneToOneField(
        "programmes.Review", on_delete=models.CASCADE, related_name="initial_report"
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.DRAFT)
    drafted_by = models.TextField(
        _("who drafted the report"), blank=True,
        help_text=_("Names, roles and departments of those who wrote it, and how."),
    )
    partners = models.TextField(_("partners who took part"), blank=True)
    political_involvement = models.CharField(
        _("degree of political involvement"), max_length=20,
        choices=PoliticalInvolvement.choices, blank=True,
    )
    political_involvement_note = models.TextField(_("political involvement, explained"),
                                                  blank=True)
    budget_local = models.DecimalField(_("budget raised locally (EUR)"), max_digits=14,
                                       decimal_places=2, null=True, blank=True)
    budget_regional = models.DecimalField(_("budget from regional sources (EUR)"),
                                          max_digits=14, decimal_places=2, null=True, blank=True)
    budget_national = models.DecimalField(_("budget from national sources (EUR)"),
                                          max_digits=14, decimal_places=2, null=True, blank=True)
    budget_eu = models.DecimalField(_("budget from EU sources (EUR)"), max_digits=14,
                                    decimal_places=2, null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initial report")
        verbose_name_plural = _("initial reports")

    def __str__(self) -> str:
        return str(self.review)


class BackgroundSection(models.Model):
    """The seven background sections the seed lists before the self-assessment."""

    class Kind(models.IntegerChoices):
        CHARACTERISTICS = 1, _("Main characteristics of the municipality")
        ROLE = 2, _("Role of the municipality in the delivery of public policies and services")
        RESPONSIBILITY = 3, _("Division of responsibility between local, regional and "
                              "national levels")
        POLITICS = 4, _("Political decision-making arrangements and political balance")
        STRATEGIES = 5, _("Strategies, plans and actions, and how the municipality defines "
                          "'migrants'")
        JOINT_WORKING = 6, _("Arrangements for joint-working between stakeholders")
        BUDGETS = 7, _("Budgets available for integration governance")

    report = models.ForeignKey(InitialReport, on_delete=models.CASCADE,
                               related_name="background_sections")
    kind = models.PositiveSmallIntegerField(_("section"), choices=Kind.choices)
    text = models.TextField(_("text"), blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("background section")
        verbose_name_plural = _("background sections")
        ordering = ["report", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="one_background_section")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class ResponsiblePerson(models.Model):
    """Someone the report names as politically or operationally responsible: a candidate
    interviewee for the visit. Personal data: seen by the host city, its review team and
    the coordinator only."""

    report = models.ForeignKey(InitialReport, on_delete=models.CASCADE,
                               related_name="responsible_people")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("responsible person")
        verbose_name_plural = _("responsible people")
        ordering = ["report", "name"]
        constraints = [
            models.UniqueConstraint(fields=["report", "name", "organisation"],
                                    name="one_responsible_person")
        ]

    def __str__(self) -> str:
        parts = [self.name, self.role, self.organisation]
        return ", ".join(p for p in parts if p)


class SelfAssessment(models.Model):
    class Status(models.TextChoices):
        ACHIEVED = "achieved", _("achieved")
        IN_PROGRESS = "in_progress", _("in progress")
        ASPIRATION = "aspiration", _("aspiration only")
        NOT_APPLICABLE = "not_applicable", _("not applicable")

    report = models.ForeignKey(InitialReport, on_delete=models.CASCADE,
                               related_name="self_assessments")
    indicator = models.ForeignKey("benchmarks.Indicator", on_delete=models.PROTECT,
                                  related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, blank=True)
    not_applicable_reason = models.TextField(_("why not applicable"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    how = models.TextField(_("how"), blank=True)
    why = models.TextField(_("why"), blank=True)
    who = models.TextField(_("who"), blank=True)
    politically_responsible = models.ForeignKey(
        ResponsiblePerson, verbose_name=_("politically responsible"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="political_for",
    )
    operationally_responsible = models.ForeignKey(
        ResponsiblePerson, verbose_name=_("operationally responsible"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="operational_for",
    )
    edit_count = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("self-assessment entry")
        verbose_name_plural = _("self-assessment entries")
        ordering = ["report", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_entry_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.get_status_display() or '—'}"


class SupportingDocument(models.Model):
    """An uploaded file: kept outside the web root, served only through permission checks."""

    class Kind(models.TextChoices):
        STRUCTURE_DIAGRAM = "structure_diagram", _("structure diagram of the municipality")
        SUPPORTING = "supporting", _("supporting document")

    report = models.ForeignKey(InitialReport, on_delete=models.CASCADE,
                               related_name="documents")
    self_assessment = models.ForeignKey(SelfAssessment, null=True, blank=True,
                                        on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices,
                            default=Kind.SUPPORTING)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to="initial-reports/%Y/")
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
        ordering = ["report", "uploaded_at"]

    def __str__(self) -> str:
        return self.title


class ReportTransition(models.Model):
    """Each move of the report between states, with the coordinator's question on a return."""

    report = models.ForeignKey(InitialReport, on_delete=models.CASCADE,
                               related_name="transitions")
    from_state = models.CharField(max_length=20, choices=InitialReport.State.choices)
    to_state = models.CharField(max_length=20, choices=InitialReport.State.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("report state change")
        verbose_name_plural = _("report state changes")
        ordering = ["report", "at", "id"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
