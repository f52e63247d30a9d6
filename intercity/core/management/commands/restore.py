"""Replace the database's records with those of a backup file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intercity.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `intercity backup`; the current records are replaced."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Compare the restored records with the backup and undo the restore on any "
            "difference.",
        )

    def handle(self, *args, path: Path, yes: bool, check: bool, **options):
        if not path.exists():
            raise CommandError(f"No file at {path}.")
        if not yes:
            answer = input("This replaces every record in the database. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            count = backup_restore(path, check=check)
        except BackupError as error:
            raise CommandError(str(error)) from error
        checked = " and checked them against the backup" if check else ""
        self.stdout.write(self.style.SUCCESS(f"Restored {count} records{checked} from {path}."))
