"""Full-text search over the bank: an FTS5 table with triggers on SQLite, a GIN index on
PostgreSQL (citypeer/assessment/domain/search.py)."""

from django.db import migrations


def create(apps, schema_editor):
    from citypeer.assessment.domain.search import POSTGRES_INDEX, ensure_sqlite_index

    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        ensure_sqlite_index(connection)
    elif connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_INDEX)


def drop(apps, schema_editor):
    from citypeer.assessment.domain.search import FTS_TABLE, TRIGGERS

    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        for trigger in TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS evidence_item_fulltext")


class Migration(migrations.Migration):
    dependencies = [("assessment", "0003_assessment_proposal")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
