from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RevisionsConfig(AppConfig):
    name = "citypeer.revisions"
    label = "revisions"
    verbose_name = _("Benchmark revision")
