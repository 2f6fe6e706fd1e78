"""The peer review visit (step 5): its days, the people met, the interviews and workshops.

The timetable itself is planned by `citypeer.visits.method`; these rows store the plan.
Interviewees' identities are personal data: the review team and the coordinator only."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Visit(models.Model):
    class Status(models.TextChoices):
        NOT_PLANNED = "not_planned", _("not planned")
        OPTIMAL = "optimal", _("proven optimal")
        FEASIBLE = "feasible", _("feasible")
        INFEASIBLE = "infeasible", _("impossible")
        UNKNOWN = "unknown", _("no plan found in time")
        EDITED = "edited", _("changed by hand since the last plan")

    review = models.OneToOneField("programmes.Review", on_delete=models.CASCADE,
                                  related_name="visit")
    starts_on = models.DateField(_("first day"), null=True, blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels",
        help_text=_("The host city's time zone (IANA name): calendars give times in it."),
    )
    slot_minutes = models.PositiveSmallIntegerField(_("interview length (minutes)"), default=60)
    max_parallel = models.PositiveSmallIntegerField(_("interviews at the same time"), default=2)
    max_interviews_per_day = models.PositiveSmallIntegerField(
        _("interviews per peer and day at most"), default=5)
    days = models.JSONField(
        _("days and fixed blocks"), default=list, blank=True,
        help_text=_("The visit's days with their fixed blocks and breaks, in the visit "
                    "instance format (docs/visit-instance.md); empty for the seed's template."),
    )
    status = models.CharField(_("plan status"), max_length=20, choices=Status.choices,
                              default=Status.NOT_PLANNED)
    objective = models.FloatField(null=True, blank=True)
    bound = models.FloatField(null=True, blank=True)
    explanation = models.JSONField(default=list, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    solve_seconds = models.FloatField(null=True, blank=True)
    # Numbers are never given twice, even after an interview is cancelled or dropped:
    # briefs and notes may already cite them.
    last_number = models.PositiveIntegerField(default=0)
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("peer review visit")
        verbose_name_plural = _("peer review visits")

    def __str__(self) -> str:
        return str(self.review)


class Interviewee(models.Model):
    class Category(models.TextChoices):
        MUNICIPALITY_STAFF = "municipality_staff", _("municipality staff")
        POLITICIAN = "politician", _("politician")
        PARTNER = "partner_organisation", _("partner organisation")
        SERVICE_USER = "service_user", _("service user")
        MIGRANT_GROUP = "migrant_group", _("migrant group")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="interviewees")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    language = models.CharField(_("language"), max_length=3, blank=True,
                                help_text=_("ISO 639 code of the interview's language"))
    interpreter = models.BooleanField(_("needs an interpreter"), default=False)
    required = models.BooleanField(_("must be met"), default=False)
    availability = models.JSONField(
        _("availability"), default=list, blank=True,
        help_text=_('Windows such as [{"day": 2, "start": "09:00", "end": "12:00"}]; empty '
                    "means available throughout."),
    )
    indicators = models.ManyToManyField("benchmarks.Indicator", blank=True, related_name="+",
                                        verbose_name=_("indicators they can speak to"))
    responsible_person = models.ForeignKey(
        "initialreports.ResponsiblePerson", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="interviewees",
    )
    notes = models.TextField(_("notes"), blank=True)
    withdrawn = models.BooleanField(
        _("not to be met"), default=False,
        help_text=_("Kept in the list, but the planner gives them no interview."),
    )
    # Where the person came from, so that drawing people in again adds nobody twice:
    # "person:<responsible person id>" or the desk review's "new:<name>|<organisation>".
    source_key = models.CharField(max_length=500, blank=True)
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("interviewee")
        verbose_name_plural = _("interviewees")
        ordering = ["visit", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def reference(self) -> str:
        """How anyone who may not know the person's identity reads them (the evidence bank's
        interviewee reference)."""
        return f"P-{self.pk}"


class Interview(models.Model):
    """An interview held by a pair of peers. Its number is what evidence references cite
    (`AC/I/3 – Interview 17 – JB & FC`): once evidence cites it, it never changes."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="interviews")
    number = models.PositiveIntegerField(_("number"))
    interviewee = models.ForeignKey(Interviewee, on_delete=models.PROTECT,
                                    related_name="interviews")
    day = models.PositiveSmallIntegerField(_("day"))
    start = models.TimeField(_("starts at"))
    slots = models.PositiveSmallIntegerField(_("slots"), default=1)
    peer_a = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    peer_b = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    locked = models.BooleanField(_("locked"), default=False)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["visit", "number"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "number"], name="one_interview_number")
        ]

    def __str__(self) -> str:
        return f"Interview {self.number}"


class Workshop(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="workshops")
    label = models.CharField(_("label"), max_length=20, help_text=_("For example “A”."))
    title = models.CharField(_("title"), max_length=200)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    start = models.TimeField(_("starts at"), null=True, blank=True)
    slots = models.PositiveSmallIntegerField(_("slots"), default=2)
    planned_day = models.PositiveSmallIntegerField(_("planned day"), null=True, blank=True)
    planned_start = models.TimeField(_("planned start"), null=True, blank=True)
    options = models.JSONField(
        _("possible times"), default=list, blank=True,
        help_text=_("When day and start are empty, the planner chooses among these windows."),
    )
    peers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    participants = models.ManyToManyField(Interviewee, blank=True, related_name="workshops")
    indicators = models.ManyToManyField("benchmarks.Indicator", blank=True, related_name="+")

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["visit", "label"]

    def __str__(self) -> str:
        return f"Workshop {self.label}"
