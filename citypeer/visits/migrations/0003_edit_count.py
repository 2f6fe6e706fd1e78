"""The edit counter of visits and interviewees is `edit_count`: `revision` means a benchmark
revision only."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("visits", "0002_plan_storage"),
    ]

    operations = [
        migrations.RenameField(model_name="visit", old_name="revision", new_name="edit_count"),
        migrations.RenameField(model_name="interviewee", old_name="revision",
                               new_name="edit_count"),
    ]
