"""Give the shipped indicators that had no upper (or lower) bound one, so absurd values are refused.

Only a bound still empty is filled: one the secretariat has set by hand is kept.
"""

from django.db import migrations

# code: (lowest, highest) plausible value in the indicator's own unit, as in the catalogue.
BOUNDS = {
    "energy-final-total": (0.0, 10_000_000.0),
    "electricity-total": (0.0, 1_000_000_000.0),
    "street-lighting-electricity": (0.0, 1_000_000.0),
    "energy-management-trained": (0.0, 10_000_000.0),
    "energy-labelled-products": (0.0, 1_000_000_000.0),
    "buildings-energy-rated": (0.0, 100_000_000.0),
    "ghg-total": (-10_000_000_000.0, 10_000_000_000.0),
    "ghg-per-capita": (-200.0, 200.0),
    "ghg-stationary-energy": (0.0, 10_000_000_000.0),
    "ghg-transport": (0.0, 10_000_000_000.0),
    "ghg-waste": (0.0, 10_000_000_000.0),
    "ghg-ippu": (0.0, 10_000_000_000.0),
    "ghg-afolu": (-10_000_000_000.0, 10_000_000_000.0),
    "population": (1.0, 100_000_000.0),
    "gdp": (0.0, 100_000_000_000_000.0),
}


def fill_bounds(apps, schema_editor):
    indicator = apps.get_model("indicators", "Indicator")
    for code, (low, high) in BOUNDS.items():
        indicator.objects.filter(code=code, minimum__isnull=True).update(minimum=low)
        indicator.objects.filter(code=code, maximum__isnull=True).update(maximum=high)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_historicalindicator_names_indicator_names")]
    operations = [migrations.RunPython(fill_bounds, migrations.RunPython.noop)]
