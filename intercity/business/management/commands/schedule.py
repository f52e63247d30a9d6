"""`intercity schedule INSTANCE.json|.dzn [--time-limit S] [--workers N] [--out F]`."""

import argparse

from django.core.management.base import BaseCommand, CommandError

from intercity.business.scheduling.cli import main


class Command(BaseCommand):
    help = "Schedule 1:1 business meetings from an instance file (JSON or MiniZinc .dzn)."

    def add_arguments(self, parser):
        parser.add_argument("arguments", nargs=argparse.REMAINDER)

    def run_from_argv(self, argv):
        # The scheduling CLI owns its options; pass everything after the command name.
        code = main(argv[2:])
        if code:
            raise SystemExit(code)

    def handle(self, *args, **options):
        code = main(list(options["arguments"]))
        if code:
            raise CommandError(f"schedule exited with status {code}")
