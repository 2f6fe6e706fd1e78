# The edit counter is called `edit_count` everywhere; `revision` means a benchmark revision.

from django.db import migrations

RENAMED = ("evidenceitem", "historicalevidenceitem", "assessment", "historicalassessment",
           "finding", "historicalfinding")


class Migration(migrations.Migration):

    dependencies = [
        ("assessment", "0004_fulltext_search"),
    ]

    operations = [
        migrations.RenameField(model_name=name, old_name="revision", new_name="edit_count")
        for name in RENAMED
    ]
