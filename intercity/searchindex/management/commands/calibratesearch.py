"""Estimate the language subspace removed from search vectors, from the interface catalogues."""

from pathlib import Path

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from intercity.search import embedding
from intercity.search.calibration import catalogue_sentences, choose_rank
from intercity.search.neutral import SUBSPACE_FILE

LOCALE_DIR = Path(__file__).resolve().parents[3] / "locale"


class Command(BaseCommand):
    help = (
        "Embed catalogue sentences in the 13 languages, choose how many language directions "
        "to remove on held-out entries, and write the subspace shipped with the package."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sentences", type=int, default=320)
        parser.add_argument("--output", default=str(SUBSPACE_FILE))

    def handle(self, *args, sentences, output, **options):
        if not embedding.is_available():
            raise CommandError("The embedding model cannot be loaded.")
        texts = catalogue_sentences(LOCALE_DIR, sentences)
        count = len(texts["en"])
        if count < 20:
            raise CommandError(f"Only {count} sentences are translated in every catalogue.")
        self.stdout.write(f"{count} sentences in {len(texts)} languages")
        passages, queries = [], []
        for language, rows in texts.items():
            passages.append(embedding.embed_passages(rows))
            queries.append(np.stack([embedding.embed_query(row) for row in rows]))
            self.stdout.write(f"  embedded {language}")
        rank, subspace = choose_rank(
            np.stack(passages),
            np.stack(queries),
            report=lambda r, score: self.stdout.write(f"  rank {r:2d}: held-out top-1 {score:.3f}"),
        )
        np.save(output, subspace)
        self.stdout.write(self.style.SUCCESS(f"Removed {rank} language directions; wrote {output}"))
