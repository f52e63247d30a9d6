"""Import one CAP 1.2 message from a file: create, update or cancel an incident."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intercity.solidarity import services
from intercity.solidarity.models import Incident
from intercity.solidarity.selectors import affected_city_slugs
from intercity.solidarity.serializers import incident_summary


class Command(BaseCommand):
    help = "Import a CAP 1.2 message (exit status 0 when accepted; nothing stored otherwise)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the CAP 1.2 XML message.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from error
        result = services.cap_import(actor=None, data=data)
        as_json = options["format"] == "json"
        if not result.ok:
            if as_json:
                self.stdout.write(json.dumps({"ok": False, "problems": result.problems}, indent=2))
            else:
                for problem in result.problems:
                    self.stderr.write(f"  {problem}")
            raise CommandError(f"{path}: not imported ({len(result.problems)} problems)")
        incident = Incident.objects.prefetch_related("affected__city").get(pk=result.incident.pk)
        if as_json:
            summary = incident_summary(incident)
            summary["created"] = result.created
            summary["message_type"] = result.msg_type
            self.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False))
        else:
            verb = "created" if result.created else "updated"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{result.msg_type}: incident {incident.pk} {verb}: {incident.name} "
                    f"[{incident.kind}, {incident.severity}, {incident.status}] "
                    f"cities: {', '.join(affected_city_slugs(incident)) or '-'}"
                )
            )
