"""Import a practice library from a JSON Lines file: every line valid, or nothing is written."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intercity.knowledge.services import knowledge_import
from intercity.search import embedding
from intercity.searchindex import vectors
from intercity.searchindex.management.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Import knowledge items from FILE.jsonl, one JSON object a line with title, body, "
        "language and optional city, kind, themes, summary, visibility."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", help="Import as this user (default: the system).")
        parser.add_argument(
            "--no-vectors",
            action="store_true",
            help="Leave semantic embedding to the background task.",
        )

    def handle(self, *args, file: Path, user=None, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user {user!r}.")
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        with vectors.embedding_in_foreground():
            report = knowledge_import(actor=actor, lines=lines)
        if not report.ok:
            for number, message in report.errors:
                self.stderr.write(f"{file}:{number}: {message}")
            raise CommandError(
                f"{len(report.errors)} bad line(s) of {report.line_count}; nothing was imported."
            )
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(report.created)} items from {file}; all indexed.")
        )
        if not options["no_vectors"] and vectors.semantic_enabled() and embedding.is_available():
            embedded = vectors.embed_pending(progress=ProgressBar(self.stderr, "vectors"))
            self.stdout.write(f"Embedded {embedded} documents for semantic search.")
