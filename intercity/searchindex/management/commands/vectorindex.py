"""Bring the HNSW index of passage vectors up to date, build it afresh, or show its state."""

from django.core.management.base import BaseCommand, CommandError

from intercity.search import ann
from intercity.searchindex import passage_search
from intercity.searchindex.management.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Update the vector index of semantic search from the stored vectors (it is derived "
        "data: --rebuild makes it again from nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Build the index afresh.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Build an index even below SEARCH_VECTOR_INDEX_MIN_DOCUMENTS.",
        )
        parser.add_argument(
            "--discard", action="store_true", help="Remove the index: searches scan every vector."
        )
        parser.add_argument("--status", action="store_true", help="Show the index and stop.")

    def handle(self, *args, rebuild, force, discard, status, **options):
        directory = passage_search.index_directory()
        if discard:
            passage_search.discard_vector_index()
            self.stdout.write("Vector index removed.")
            return
        if not status:
            if not ann.is_available():
                raise CommandError("usearch is not installed: searches scan every vector.")
            update = passage_search.update_vector_index(
                rebuild=rebuild, force=force, progress=ProgressBar(self.stderr, "vector index")
            )
            if update is None:
                self.stdout.write(
                    f"Fewer than {passage_search.index_threshold()} documents have vectors: "
                    "searches scan them all, no index is kept (--force builds one)."
                )
                return
            self.stdout.write(
                f"{'Built' if update.rebuilt else 'Updated'} generation {update.generation}: "
                f"{update.added} documents added, {update.removed} removed."
            )
        manifest = passage_search.usable_manifest(directory)
        if manifest is None:
            self.stdout.write(f"No usable vector index in {directory}.")
            return
        self.stdout.write(
            f"{directory / manifest.file}: generation {manifest.generation}, "
            f"{manifest.passages} passages of {manifest.documents} documents, "
            f"vectors stored after {manifest.watermark} are scanned one by one."
        )
