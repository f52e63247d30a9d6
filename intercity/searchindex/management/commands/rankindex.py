"""Create the RUM index that ranks keyword matches on PostgreSQL, or show whether it is in use."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from intercity.searchindex.keyword import ranks_through_index
from intercity.searchindex.rank_index import create_rank_index


class Command(BaseCommand):
    help = (
        "On PostgreSQL, create the RUM index that returns keyword matches best first (the "
        "migration does it where the extension is installed; run this after installing it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--status", action="store_true", help="Show the state and stop.")

    def handle(self, *args, status, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Only PostgreSQL uses a rank index; SQLite ranks with FTS5.")
        if not status:
            outcome = create_rank_index(connection)
            if outcome != "created":
                raise CommandError(f"No rank index: {outcome}.")
        if ranks_through_index():
            self.stdout.write("Keyword matches are ranked through the RUM index.")
        else:
            self.stdout.write("No RUM index: every keyword match is scored with ts_rank.")
