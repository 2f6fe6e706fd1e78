from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

initials_validator = RegexValidator(
    r"^[A-ZÀ-ÖØ-Þ]{2,4}$",
    _("Initials are two to four capital letters, as they appear in evidence references."),
)


class User(AbstractUser):
    """A person using citypeer. Roles say what the person may be asked to do in the network;
    a later team membership says what they do in one review."""

    name = models.CharField(_("name"), max_length=200)
    initials = models.CharField(
        _("initials"),
        max_length=4,
        blank=True,
        validators=[initials_validator],
        help_text=_("Tag your evidence, for example in “AC/I/3 – Interview 17 – JB & FC”."),
    )
    city = models.ForeignKey(
        "network.City",
        verbose_name=_("city"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    languages = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("ISO 639-1 codes")
    )
    language = models.CharField(
        _("interface language"), max_length=2, choices=settings.LANGUAGES, default="en",
        help_text=_("The language of pages and e-mails for you."),
    )
    is_coordinator = models.BooleanField(_("network coordinator"), default=False)
    is_host_officer = models.BooleanField(_("host-city officer"), default=False)
    is_peer = models.BooleanField(_("peer"), default=False)
    is_expert = models.BooleanField(_("expert"), default=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "username"]

    def __str__(self) -> str:
        return self.name or self.username

    def get_full_name(self) -> str:
        return self.name or super().get_full_name()

    def get_short_name(self) -> str:
        return self.initials or self.name or self.username

    @property
    def role_labels(self) -> list[str]:
        return [
            str(label)
            for flag, label in (
                (self.is_coordinator, _("network coordinator")),
                (self.is_host_officer, _("host-city officer")),
                (self.is_peer, _("peer")),
                (self.is_expert, _("expert")),
            )
            if flag
        ]
