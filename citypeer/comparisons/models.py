"""A programme's comparison once the coordinator publishes it (the method's third phase).

The published comparison is a snapshot: the open data document as it stood when the
coordinator published it. The public page and the downloads read only this snapshot, so that
nothing the teams change afterwards, and nothing that was never meant to leave the network,
becomes public by accident. Publishing again replaces the snapshot.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedComparison(models.Model):
    programme = models.OneToOneField(
        "programmes.Programme", on_delete=models.CASCADE, related_name="published_comparison",
        verbose_name=_("programme"),
    )
    data = models.JSONField(_("published data"))
    published_at = models.DateTimeField(_("published at"))
    # Kept for the network's own record; never shown on the public page or in open data.
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    edit_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("published comparison")
        verbose_name_plural = _("published comparisons")
        ordering = ["-published_at"]

    def __str__(self) -> str:
        return str(self.programme)
