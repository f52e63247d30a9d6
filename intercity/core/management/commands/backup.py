"""Write every record to a portable, compressed backup file."""

from pathlib import Path

from django.core.management.base import BaseCommand

from intercity.core.backup import backup_write


class Command(BaseCommand):
    help = "Back up every record to a gzip-compressed JSON file (works on SQLite and PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        count = backup_write(path)
        self.stdout.write(self.style.SUCCESS(f"Backed up {count} records to {path}."))
