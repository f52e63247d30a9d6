"""Concurrent API writers aimed at the same record, for tests on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
import threading
from collections import Counter
from typing import Any

from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.declarations.models import ProgressReport
from intercity.knowledge.models import KnowledgeItem
from intercity.testing.declaration_factories import CommitmentFactory
from intercity.testing.personas import make_cast


def _client(user) -> APIClient:
    client = APIClient()
    # A server error is an answer to count, not an exception in the writer's thread.
    client.raise_request_exception = False
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def concurrent_writers_run(*, writers: int = 16, rounds: int = 4) -> dict[str, Any]:
    """Fire ``writers`` threads that each post ``rounds`` progress reports on one commitment
    and ``rounds`` knowledge items with one title; report the answers and the final rows."""
    cast = make_cast()
    # Adopted in the past: the reports are dated today, and none may precede adoption.
    commitment = CommitmentFactory(
        cities=[cast.home], clause__declaration__adopted_on=datetime.date(2020, 3, 5)
    )
    statuses: Counter[int] = Counter()
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(writers)

    def write(index: int) -> None:
        client = _client(cast.focal_point)
        try:
            start.wait()
            for turn in range(rounds):
                answers = [
                    client.post(
                        "/api/v1/progress-reports/",
                        {
                            "commitment": commitment.pk,
                            "city": cast.home.slug,
                            "status": "in_progress",
                            "narrative": f"writer {index} turn {turn}",
                        },
                        format="json",
                    ),
                    client.post(
                        "/api/v1/knowledge/",
                        {
                            "title": "Flood drill with volunteers",
                            "body": f"Written by writer {index}, turn {turn}.",
                            "language": "en",
                            "visibility": "public",
                        },
                        format="json",
                    ),
                ]
                with lock:
                    for answer in answers:
                        statuses[answer.status_code] += 1
                        if answer.status_code >= 300:
                            errors.append(answer.content.decode()[:300])
        finally:
            connection.close()

    # Tokens exist before the race, so no thread writes one.
    _client(cast.focal_point)
    threads = [threading.Thread(target=write, args=(index,)) for index in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reports = ProgressReport.objects.filter(commitment=commitment, city=cast.home)
    items = KnowledgeItem.objects.filter(title="Flood drill with volunteers")
    return {
        "statuses": {str(code): count for code, count in statuses.items()},
        "errors": errors[:5],
        "writes": writers * rounds,
        "reports": reports.count(),
        "latest_reports": reports.filter(is_latest=True).count(),
        "items": items.count(),
        "distinct_slugs": items.values("slug").distinct().count(),
    }
