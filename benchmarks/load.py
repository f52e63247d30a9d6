"""Many clients at once against gunicorn: throughput, latency, errors, and nothing lost.

Run from the repository root:  .venv/bin/python benchmarks/load.py [--clients 64]
[--seconds 30] [--workers 4] [--database sqlite|postgresql|both]

For each database it builds a fresh one with the ANMC21 data and the demo (SQLite in a
temporary folder; PostgreSQL as a database named intercity_loadbench on 127.0.0.1, dropped
and created), starts gunicorn and the task consumer, and lets the clients mix reads (home,
knowledge list, search page, API lists and search) with writes (new knowledge items by the
secretariat, progress reports by the focal points of seven cities) for a fixed time. It
prints requests a second, median and 99th percentile latency, answers that were not 2xx,
server errors (5xx), and then counts the rows: every write acknowledged (201) must be there
once, none lost and none duplicated. API rate limits are raised for the run: they would
otherwise answer most of these requests 429 by design.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = REPO_ROOT / ".venv" / "bin"
PG_URL = "postgres://postgres@127.0.0.1:5432/intercity_loadbench"
TITLE_PREFIX = "Load run"
READS = [
    "/",
    "/knowledge/",
    "/search/?q=water",
    "/api/v1/knowledge/?q=flood",
    "/api/v1/search/?q=disaster%20risk",
    "/api/v1/declarations/",
    "/api/v1/cities/",
]
SETUP = """
import json
from rest_framework.authtoken.models import Token
from intercity.accounts.models import User
from intercity.declarations.models import Commitment
tokens = {}
for user in User.objects.filter(is_demo=True, role__in=["secretariat", "focal_point"]):
    tokens[user.username] = {
        "token": Token.objects.get_or_create(user=user)[0].key,
        "role": user.role,
        "city": user.city.slug if user.city_id else None,
    }
work = {}
for commitment in Commitment.objects.prefetch_related("cities"):
    for city in commitment.cities.all():
        work.setdefault(city.slug, []).append(commitment.pk)
print(json.dumps({"users": tokens, "commitments": work}))
"""
COUNT = """
import json
from intercity.declarations.models import ProgressReport
from intercity.knowledge.models import KnowledgeItem
items = KnowledgeItem.objects.filter(title__startswith="{prefix}")
titles = list(items.values_list("title", flat=True))
print(json.dumps({{"titles": titles, "reports": ProgressReport.objects.count()}}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(env: dict, *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "intercity"), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def shell(env: dict, code: str) -> dict:
    output = run(env, "shell", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


class Client(threading.Thread):
    def __init__(self, port, until, users, commitments, results, acknowledged, seed):
        super().__init__(daemon=True)
        self.port, self.until = port, until
        self.users, self.commitments = users, commitments
        self.results, self.acknowledged = results, acknowledged
        self.random = random.Random(seed)

    def request(self, connection, method, path, body=None, token=None):
        headers = {"Accept": "application/json, text/html"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Token {token}"
        started = time.perf_counter()
        connection.request(method, path, body=json.dumps(body) if body else None, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        self.results.append((time.perf_counter() - started, response.status))
        return response.status, payload

    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        secretariat = [u for u in self.users.values() if u["role"] == "secretariat"]
        focal = [u for u in self.users.values() if u["city"] in self.commitments]
        while time.monotonic() < self.until:
            choice = self.random.random()
            try:
                if choice < 0.1 and secretariat:
                    title = f"{TITLE_PREFIX} {uuid.uuid4().hex[:12]}"
                    body = {"title": title, "kind": "practice", "language": "en", "body": "A note."}
                    status, _ = self.request(
                        connection, "POST", "/api/v1/knowledge/", body, secretariat[0]["token"]
                    )
                    if status == 201:
                        self.acknowledged["knowledge"].append(title)
                elif choice < 0.2 and focal:
                    user = self.random.choice(focal)
                    body = {
                        "commitment": self.random.choice(self.commitments[user["city"]]),
                        "city": user["city"],
                        "status": self.random.choice(["planned", "in_progress", "achieved"]),
                        "narrative": "Load run report.",
                    }
                    status, _ = self.request(
                        connection, "POST", "/api/v1/progress-reports/", body, user["token"]
                    )
                    if status == 201:
                        self.acknowledged["reports"].append(1)
                else:
                    self.request(connection, "GET", self.random.choice(READS))
            except (OSError, http.client.HTTPException):
                self.results.append((0.0, 0))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.close()


def prepare(database: str, env: dict) -> None:
    if database == "postgresql":
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c",
             "DROP DATABASE IF EXISTS intercity_loadbench"],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c",
             "CREATE DATABASE intercity_loadbench"],
            check=True, capture_output=True,
        )  # fmt: skip
    run(env, "migrate", "--noinput")
    run(env, "load_anmc21", "--demo")


def benchmark(database: str, args) -> None:
    folder = Path(tempfile.mkdtemp(prefix="intercity-load-"))
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "intercity.settings",
            "DEBUG": "false",
            "SQLITE_PATH": str(folder / "load.sqlite3"),
            "MEDIA_ROOT": str(folder / "media"),
            "API_RATE_ANONYMOUS": "1000000/minute",
            "API_RATE_USER": "1000000/minute",
            "TASK_QUEUE": "sqlite",
            "LOG_LEVEL": "ERROR",
        }
    )
    env.pop("DATABASE_URL", None)
    if database == "postgresql":
        env["DATABASE_URL"] = PG_URL
    started = time.perf_counter()
    prepare(database, env)
    seconds = time.perf_counter() - started
    print(f"== {database}: fresh database with ANMC21 and demo in {seconds:.0f} s")
    setup = shell(env, SETUP)
    before = shell(env, COUNT.format(prefix=TITLE_PREFIX))
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "intercity.wsgi", "-w", str(args.workers), "-b",
         f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "error"],
        env=env, cwd=REPO_ROOT,
    )  # fmt: skip
    consumer = subprocess.Popen(
        [str(BIN / "intercity"), "run_huey", "--workers", "1"],
        env=env, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/")
                break
            except OSError:
                time.sleep(0.2)
        results: list[tuple[float, int]] = []
        acknowledged: dict[str, list] = {"knowledge": [], "reports": []}
        until = time.monotonic() + args.seconds
        clients = [
            Client(port, until, setup["users"], setup["commitments"], results, acknowledged, seed)
            for seed in range(args.clients)
        ]
        began = time.perf_counter()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        consumer.terminate()
        server.wait(timeout=30)
        consumer.wait(timeout=30)
    after = shell(env, COUNT.format(prefix=TITLE_PREFIX))
    latencies = sorted(seconds for seconds, status in results if status)
    statuses = [status for _, status in results]
    titles = after["titles"]
    wanted = set(acknowledged["knowledge"])
    lost = len(wanted - set(titles))
    duplicated = len(titles) - len(set(titles))
    reports_added = after["reports"] - before["reports"]
    p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else 0.0
    print(
        f"{args.clients} clients, {args.workers} gunicorn workers, {elapsed:.0f} s: "
        f"{len(results):,} requests, {len(results) / elapsed:.1f} requests/s, "
        f"p50 {statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms"
    )
    print(
        f"non-2xx: {sum(1 for s in statuses if not 200 <= s < 300)}, "
        f"5xx: {sum(1 for s in statuses if s >= 500)}, connection errors: {statuses.count(0)}"
    )
    print(
        f"knowledge items acknowledged {len(wanted)}, stored {len(titles)}: lost {lost}, "
        f"duplicated {duplicated}; progress reports acknowledged "
        f"{len(acknowledged['reports'])}, stored {reports_added}"
    )
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    databases = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    for database in databases:
        benchmark(database, args)


if __name__ == "__main__":
    sys.exit(main())
