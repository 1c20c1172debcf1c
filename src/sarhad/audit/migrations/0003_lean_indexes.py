"""Fewer indexes written on every audited request (decision 0009): no unique index on
``entry_hash``, and plain b-trees for ``action`` and ``object_id`` (no LIKE indexes).

SQLite alters a column by copying the table, which drops its triggers: the append-only
triggers of 0002 are installed again at the end.
"""

from django.db import migrations, models


def reinstall_triggers(apps, schema_editor):
    from sarhad.audit import triggers

    triggers.install(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_append_only_triggers'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditentry',
            name='action',
            field=models.CharField(max_length=32),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='entry_hash',
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='object_id',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['action'], name='audit_entry_action'),
        ),
        migrations.AddIndex(
            model_name='auditentry',
            index=models.Index(fields=['object_id'], name='audit_entry_object_id'),
        ),
        migrations.RunPython(reinstall_triggers, migrations.RunPython.noop),
    ]
