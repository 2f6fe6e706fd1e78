"""Peer review teams (step 2): who reviews which host city, and why someone may not."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Team(models.Model):
    review = models.OneToOneField(
        "programmes.Review", on_delete=models.CASCADE, related_name="team"
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("team leader"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="teams_led",
    )
    leader_appointed_at = models.ForeignKey(
        "teams.TrainingEvent", verbose_name=_("leader appointed at"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        verbose_name = _("peer review team")
        verbose_name_plural = _("peer review teams")

    def __str__(self) -> str:
        return str(self.review)


class TeamMember(models.Model):
    class Role(models.TextChoices):
        PEER = "peer", _("peer")
        EXPERT = "expert", _("expert")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="team_memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PEER)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "role", "person__name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "person"], name="one_membership_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Conflict(models.Model):
    """Why a person may not review a city. A person's own city is always a conflict and is
    not stored: it follows from `User.city`."""

    class Kind(models.TextChoices):
        OWN_CITY = "own_city", _("own city")
        PARTNER_CITY = "partner_city", _("twinned or partner city")
        PERSONAL = "personal", _("declared personal conflict")
        OTHER = "other", _("other")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflicts"
    )
    city = models.ForeignKey("network.City", on_delete=models.CASCADE, related_name="conflicts")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    note = models.TextField(_("note"), blank=True)
    pinned = models.BooleanField(
        _("pinned"), default=False,
        help_text=_("A pinned conflict can only be removed by unpinning it first (coordinator)."),
    )
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["person", "city"]
        constraints = [
            models.UniqueConstraint(fields=["person", "city", "kind"], name="one_conflict_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.city}: {self.get_kind_display()}"


class TrainingEvent(models.Model):
    """Step 2: the training session before the first visit (two days in INTI-CITIES)."""

    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="training_events"
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["programme", "starts_on"]

    def __str__(self) -> str:
        return self.title


class TrainingAttendance(models.Model):
    event = models.ForeignKey(TrainingEvent, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_attendance"
    )
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_attendance_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"


def material_path(instance: "TrainingMaterial", filename: str) -> str:
    """Where a material is stored under MEDIA_ROOT. The name people gave the file is kept in
    `original_name` only, so no uploaded name ever becomes a path on disk."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"training/{instance.event_id}/{uuid.uuid4().hex}{suffix}"


class TrainingMaterial(models.Model):
    event = models.ForeignKey(TrainingEvent, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=material_path, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("training material")
        verbose_name_plural = _("training materials")
        ordering = ["event", "title"]

    def __str__(self) -> str:
        return self.title
