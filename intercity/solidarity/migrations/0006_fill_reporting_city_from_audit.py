"""Fill the reporting city of incidents created before it was recorded, from the audit trail.

Only where the trail shows it: the incident was created by an account that was then a focal
point of a member city the incident affects. Imports and everything else stay empty.
"""

from django.db import migrations
from django.utils import timezone

from intercity.solidarity.reporting import Models, fill_reporting_cities


def migration_models(apps) -> Models:
    return Models(
        incident_history=apps.get_model("solidarity", "HistoricalIncident"),
        user_history=apps.get_model("accounts", "HistoricalUser"),
        affected_city=apps.get_model("solidarity", "AffectedCity"),
        cap_message=apps.get_model("solidarity", "CapMessage"),
    )


def fill(apps, schema_editor):
    fill_reporting_cities(
        migration_models(apps), apps.get_model("solidarity", "Incident"), now=timezone.now()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_language"),
        ("solidarity", "0005_quantity_greater_than_zero"),
    ]

    operations = [
        # Reversing leaves the filled cities: they are what the record shows, not an invention.
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
