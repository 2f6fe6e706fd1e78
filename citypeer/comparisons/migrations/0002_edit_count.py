"""The edit counter is called `edit_count`: `revision` means only a benchmark revision."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("comparisons", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="publishedcomparison", old_name="revision", new_name="edit_count"),
    ]
