"""Load (or bring up to date) the ANMC21 dataset; --demo adds demo logins and organisations."""

from django.core.management.base import BaseCommand

from intercity.dataset.demo import demo_load
from intercity.dataset.demo_indicators import indicator_demo_load
from intercity.dataset.loader import anmc21_load


class Command(BaseCommand):
    help = "Load the ANMC21 network's records from the seed facts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo", action="store_true", help="Also create demo logins and organisations."
        )

    def handle(self, *args, **options):
        report = anmc21_load(actor=None)
        for line in report.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS(f"ANMC21 dataset loaded ({report.changed} records changed).")
        )
        if options["demo"]:
            self.stdout.write("Demo logins (demo data only, never part of the ANMC21 record):")
            for login in demo_load():
                self.stdout.write(f"  {login.role:<34} {login.username:<14} {login.password}")
            series = indicator_demo_load()
            self.stdout.write(
                f"Demo indicator series: {series.created} values created, "
                f"{series.updated} updated, {series.unchanged} unchanged."
            )
