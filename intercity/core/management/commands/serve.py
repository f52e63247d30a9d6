"""`intercity serve`: the web server and the task consumer, started and stopped together."""

import os
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand
from huey.contrib.djhuey import HUEY


def consumer_command(workers: int) -> list[str]:
    """The consumer runs as its own process: a crash or a long task never stalls the web server."""
    return [sys.executable, "-m", "intercity.cli", "run_huey", "--workers", str(workers)]


class Command(BaseCommand):
    help = "Serve the site and run the task consumer beside it; Ctrl-C stops both."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--noreload", action="store_true", help="Do not restart on code changes."
        )

    def handle(self, *args, addrport, workers, noreload, **options):
        if os.environ.get("RUN_MAIN") == "true" or HUEY.immediate:
            # The reloader's child serves; the parent already started the consumer. Or
            # tasks run inline, and no consumer is needed.
            call_command("runserver", addrport, use_reloader=not noreload)
            return
        consumer = subprocess.Popen(consumer_command(workers))  # noqa: S603 - our own interpreter
        self.stdout.write(f"Task consumer started (process {consumer.pid}).")
        try:
            call_command("runserver", addrport, use_reloader=not noreload)
        finally:
            consumer.terminate()
            try:
                consumer.wait(timeout=10)
            except subprocess.TimeoutExpired:
                consumer.kill()
                consumer.wait()
