"""The edit counter is called `edit_count`: `revision` means a benchmark revision only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("initialreports", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name=model, old_name="revision", new_name="edit_count")
        for model in ("initialreport", "historicalinitialreport", "backgroundsection",
                      "historicalbackgroundsection", "selfassessment",
                      "historicalselfassessment")
    ]
