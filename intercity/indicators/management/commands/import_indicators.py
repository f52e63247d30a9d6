"""Import indicator values from a CSV or XLSX table: every row valid, or nothing is stored."""

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intercity.indicators.importing import observations_import


class Command(BaseCommand):
    help = (
        "Import indicator values from FILE (CSV or XLSX). Long layout: header "
        "city,indicator,year,value,unit,source (more columns allowed); wide layout: "
        "city,indicator,unit,source then one column per year."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report; store nothing."
        )
        parser.add_argument(
            "--format", choices=["text", "json"], default="text", help="How to print the report."
        )
        parser.add_argument("--user", help="Import as this user (default: the system).")

    def handle(self, *args, file: Path, dry_run=False, user=None, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user!r}.")
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = observations_import(
            actor=actor, content=content, filename=file.name, dry_run=dry_run
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            for problem in report.errors:
                self.stderr.write(f"{file}:{problem.where}: {problem.message}")
        if not report.ok:
            raise CommandError(
                f"{len(report.errors)} problem(s) in {report.rows} row(s); nothing was imported."
            )
        if options["format"] != "json":
            verb = "Would import" if dry_run else "Imported"
            self.stdout.write(
                self.style.SUCCESS(
                    f"{verb} {report.rows} row(s) from {file} ({report.layout} layout): "
                    f"{report.created} created, {report.updated} updated, "
                    f"{report.unchanged} unchanged."
                )
            )
