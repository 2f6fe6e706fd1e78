# The edit counter is called `edit_count` everywhere; `revision` means a benchmark revision.

from django.db import migrations, models

RENAMED = ("headlinefinding", "historicalheadlinefinding", "recommendation",
           "historicalrecommendation", "reportsection", "reportversion", "commitment",
           "historicalcommitment")


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='reportversion',
            name='one_version_per_revision',
        ),
        *[migrations.RenameField(model_name=name, old_name='revision', new_name='edit_count')
          for name in RENAMED],
        migrations.AlterModelOptions(
            name='reportversion',
            options={'ordering': ['section', 'edit_count'], 'verbose_name': 'report version',
                     'verbose_name_plural': 'report versions'},
        ),
        migrations.AddConstraint(
            model_name='reportversion',
            constraint=models.UniqueConstraint(fields=('section', 'edit_count'),
                                               name='one_version_per_edit'),
        ),
    ]
