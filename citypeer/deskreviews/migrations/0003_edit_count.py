"""The edit counter is called `edit_count`: `revision` means a benchmark revision only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("deskreviews", "0002_initial"),
    ]

    operations = [
        migrations.RenameField(model_name=model, old_name="revision", new_name="edit_count")
        for model in ("deskjudgement", "historicaldeskjudgement")
    ]
