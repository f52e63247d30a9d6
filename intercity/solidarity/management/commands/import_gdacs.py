"""Import a GDACS-style GeoRSS file: events near member cities become draft incidents."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intercity.solidarity import services


class Command(BaseCommand):
    help = "Import a GDACS-style RSS file of events as draft incidents near member cities."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        result = services.gdacs_import(actor=None, data=data)
        if result.error:
            raise CommandError(result.error)
        for incident in result.created:
            self.stdout.write(f"  draft created: {incident.pk} {incident.name}")
        for incident in result.updated:
            self.stdout.write(f"  updated: {incident.pk} {incident.name}")
        for note in result.skipped:
            self.stdout.write(f"  skipped: {note}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(result.created)} created, {len(result.updated)} updated, "
                f"{result.far_away} far from every member city."
            )
        )
