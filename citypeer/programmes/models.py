"""A programme is a round of peer reviews on one benchmark version (for example
INTI-CITIES 2008); a review is one host city within it, moving through the method's seven
steps."""

from django.conf import settings
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
        "network.City", verbose_name=_("participating cities"), related_name="programmes",
        blank=True,
    )
    peer_pool = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("peer pool"), related_name="peer_pools",
        blank=True, help_text=_("The peers and experts who may be put in this programme's teams."),
    )
    description = models.TextField(_("description"), blank=True)
    team_size = models.PositiveSmallIntegerField(
        _("peers per team"), default=4,
        help_text=_("City peers in each team, experts not counted (four in INTI-CITIES)."),
    )
    max_reviews_per_peer = models.PositiveSmallIntegerField(
        _("reviews per peer at most"), default=2
    )
    min_corroborating_interviews = models.PositiveSmallIntegerField(
        _("interviews needed to corroborate a finding"), default=2,
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProgrammePhase(models.Model):
    """The programme's milestones (seed 003): kick-off to benchmark revision."""

    class Kind(models.TextChoices):
        KICK_OFF = "kick_off", _("Kick-off")
        TRAINING = "training", _("Training")
        VISITS = "visits", _("Peer review visits")
        REPORTS = "reports", _("Reports")
        COMPARATIVE_ANALYSIS = "comparative_analysis", _("Comparative analysis")
        BENCHMARK_REVISION = "benchmark_revision", _("Benchmark revision")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=30, choices=Kind.choices)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("programme phase")
        verbose_name_plural = _("programme phases")
        ordering = ["programme", "starts_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="one_phase_of_each_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


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

    def team_members_ids(self) -> set[int]:
        """Ids of the people in this review's team (cached on the instance)."""
        if not hasattr(self, "_team_member_ids"):
            from citypeer.teams.models import TeamMember

            self._team_member_ids = set(
                TeamMember.objects.filter(team__review=self).values_list("person_id", flat=True)
            )
        return self._team_member_ids


class ReviewStep(models.Model):
    """Where one review stands in one of the method's seven steps."""

    class Step(models.IntegerChoices):
        BENCHMARK = 1, _("Defining the benchmark and the indicators")
        TRAINING = 2, _("Training for peer review teams")
        INITIAL_REPORT = 3, _("Host city's initial report")
        DESK_REVIEW = 4, _("Peers' desk review")
        VISIT = 5, _("Peer review visit")
        ASSESSMENT = 6, _("Making an assessment")
        FEEDBACK = 7, _("Feedback")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    last_reminded_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        ordering = ["review", "step"]
        constraints = [
            models.UniqueConstraint(fields=["review", "step"], name="one_row_per_step")
        ]

    def __str__(self) -> str:
        return f"{self.step}. {self.get_step_display()}"
