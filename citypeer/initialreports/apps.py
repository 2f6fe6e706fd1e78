from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitialReportsConfig(AppConfig):
    name = "citypeer.initialreports"
    label = "initialreports"
    verbose_name = _("Initial reports")
