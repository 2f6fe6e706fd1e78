from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskReviewsConfig(AppConfig):
    name = "citypeer.deskreviews"
    label = "deskreviews"
    verbose_name = _("Desk reviews")
