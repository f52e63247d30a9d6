"""Many writers posting to the same record at once: no error, no lost or doubled row."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from intercity.testing.concurrency import concurrent_writers_run

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = (
    "import json, django; django.setup();"
    "from django.core.management import call_command;"
    "call_command('migrate', verbosity=0);"
    "from intercity.testing.concurrency import concurrent_writers_run;"
    "print(json.dumps(concurrent_writers_run()))"
)


def _assert_every_write_landed_once(result):
    assert result["statuses"] == {"201": 2 * result["writes"]}, result["errors"]
    assert result["reports"] == result["writes"]
    assert result["latest_reports"] == 1
    assert result["items"] == result["writes"]
    assert result["distinct_slugs"] == result["writes"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_on_postgresql_all_succeed_with_one_latest_report_and_unique_slugs():
    if connection.vendor != "postgresql":
        pytest.skip("the SQLite run of this test uses a database file of its own, below")
    _assert_every_write_landed_once(concurrent_writers_run())


def test_concurrent_writers_on_sqlite_all_succeed_with_one_latest_report_and_unique_slugs(
    tmp_path,
):
    # Threads need a database file: the test database in memory cannot be shared between them.
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    } | {
        "SQLITE_PATH": str(tmp_path / "writers.sqlite3"),
        "TASK_QUEUE": "immediate",
        "DJANGO_SETTINGS_MODULE": "intercity.settings",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", SCRIPT],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    _assert_every_write_landed_once(json.loads(result.stdout.strip().splitlines()[-1]))
