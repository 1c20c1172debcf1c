"""Stay regimes by nationality: a starting configuration, edited in admin.

Visa-free 90 days in any 180 for the CIS neighbours, Georgia and Türkiye; e-visa (ASAN
Visa, 30 days per entry) for the other nationalities listed; visa required otherwise.
These are demo defaults drawn from the Migration Code (visa-free stay up to 90 days unless
a treaty says otherwise) and the ASAN Visa rules; a deployment must check them against
the current MFA lists before use.
"""

from django.db import migrations

VISA_FREE = ["RUS", "UKR", "BLR", "GEO", "KAZ", "KGZ", "MDA", "TJK", "UZB", "TUR"]
EVISA = ["DEU", "FRA", "GBR", "USA", "ITA", "ESP", "NLD", "POL", "CHN", "JPN", "KOR", "IND", "ISR",
         "IRN", "SAU", "ARE", "PAK", "EGY", "CAN", "AUS", "SWE", "NOR", "FIN", "CZE", "AUT", "CHE"]
SOURCE_FREE = "Migration Code of Azerbaijan: visa-free temporary stay up to 90 days unless a treaty says otherwise"
SOURCE_EVISA = "ASAN Visa: single entry, stay up to 30 days"


def load(apps, schema_editor):
    Regime = apps.get_model("border", "StayRegime")
    Regime.objects.get_or_create(nationality=None, defaults={"kind": "visa_required", "source": "default"})
    for code in VISA_FREE:
        Regime.objects.get_or_create(nationality_id=code, defaults={
            "kind": "visa_free", "limit_days": 90, "window_days": 180, "source": SOURCE_FREE})
    for code in EVISA:
        Regime.objects.get_or_create(nationality_id=code, defaults={
            "kind": "evisa", "limit_days": 90, "window_days": 180, "per_entry_days": 30, "source": SOURCE_EVISA})


class Migration(migrations.Migration):
    dependencies = [("border", "0002_referral_residencepermit_stayregime_visa_and_more"), ("reference", "0002_load_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
