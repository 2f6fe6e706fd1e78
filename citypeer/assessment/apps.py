from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _keep_search_index(sender, using="default", **kwargs):
    # SQLite rebuilds a table to alter it and drops its triggers on the way; put them back.
    from django.db import connections

    from citypeer.assessment.domain.search import ensure_sqlite_index

    connection = connections[using]
    if connection.vendor == "sqlite" and "assessment_evidenceitem" in (
            connection.introspection.table_names()):
        ensure_sqlite_index(connection)


class EvidenceConfig(AppConfig):
    name = "citypeer.assessment"
    label = "assessment"
    verbose_name = _("Evidence bank and assessment")

    def ready(self):
        post_migrate.connect(_keep_search_index, sender=self,
                             dispatch_uid="evidence_keep_search_index")
