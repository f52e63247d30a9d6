"""Needs and offers typed in a recognised unit ("liters", "lít", "リットル") keep its code.

Units not recognised stay as typed. Each rewritten record gets a history entry, as a change
made through a service would; going back leaves the codes, which read the same.
"""

from django.db import migrations
from django.utils import timezone

from intercity.solidarity.units import unit_code

ACTION = "solidarity.unit.recognised"


def store_unit_codes(apps, schema_editor) -> dict[str, int]:
    """Rewrite recognised units as codes; return how many rows of each model changed."""
    changed = {}
    now = timezone.now()
    for name in ("Need", "Offer"):
        model = apps.get_model("solidarity", name)
        history = apps.get_model("solidarity", f"Historical{name}")
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = []
        for row in model.objects.exclude(unit="").iterator():
            code = unit_code(row.unit)
            if code is None or code == row.unit:
                continue
            row.unit = code
            rows.append(row)
        model.objects.bulk_update(rows, ["unit"], batch_size=500)
        history.objects.bulk_create(
            [
                history(
                    **{attname: getattr(row, attname) for attname in fields},
                    history_date=now,
                    history_type="~",
                    history_change_reason=ACTION,
                )
                for row in rows
            ],
            batch_size=500,
        )
        changed[name] = len(rows)
    return changed


def forwards(apps, schema_editor) -> None:
    store_unit_codes(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("solidarity", "0002_message_language_choice")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)]
