"""The edit counter is called `edit_count`: `revision` means only a benchmark revision."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0002_goodpractice_shipped_key_goodpractice_theme_and_more"),
    ]

    operations = [
        migrations.RenameField(model_name="goodpractice", old_name="revision", new_name="edit_count"),
        migrations.RenameField(model_name="historicalgoodpractice", old_name="revision", new_name="edit_count"),
    ]
