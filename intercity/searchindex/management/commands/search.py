"""Search the platform from the command line, as the public or as a named user sees it."""

import json
import re

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from intercity.searchindex.engine import SearchFilters, search
from intercity.searchindex.registry import type_labels


class Command(BaseCommand):
    help = 'Print ranked results for a query: intercity search "QUERY" [--lang xx] [--format json]'

    def add_arguments(self, parser):
        parser.add_argument("query")
        parser.add_argument("--lang", help="Language of the query, a hint for word segmentation.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--type", action="append", default=[], help="Only this type.")
        parser.add_argument("--city", help="Only records of this city (slug).")
        parser.add_argument("--theme", help="Only records on this theme (slug).")
        parser.add_argument(
            "--user", help="See what this user may see (default: only what is public)."
        )
        parser.add_argument("--keyword-only", action="store_true")

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No user {options['user']!r}.")
        unknown = set(options["type"]) - set(type_labels())
        if unknown:
            raise CommandError(f"Unknown type: {', '.join(sorted(unknown))}")
        results = search(
            user=user,
            query=options["query"],
            lang=options["lang"],
            filters=SearchFilters(
                types=tuple(options["type"]), city=options["city"], theme=options["theme"]
            ),
            semantic=not options["keyword_only"],
        )
        hits = [hit.as_dict() for hit in results.hits[: max(options["limit"], 0)]]
        if options["format"] == "json":
            self.stdout.write(json.dumps(hits, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{results.total} results ({results.mode})")
        for rank, hit in enumerate(hits, start=1):
            snippet = re.sub(r"</?mark>", "*", hit["snippet"]).replace("\n", " ")
            self.stdout.write(f"{rank:>3}. [{hit['type']}] {hit['title']}  ({hit['score']:.4f})")
            self.stdout.write(f"     {hit['url']}")
            if snippet:
                self.stdout.write(f"     {snippet}")
