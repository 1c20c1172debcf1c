from django.db import migrations


def load(apps, schema_editor):
    from sarhad.reference.data import load_reference_data

    load_reference_data(
        apps.get_model("reference", "Country"),
        apps.get_model("reference", "BorderCrossingPoint"),
        apps.get_model("reference", "RefusalReason"),
        apps.get_model("reference", "DocumentType"),
    )


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
