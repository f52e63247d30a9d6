"""The in-memory test database lets a task's thread write while a page's thread reads, as
the file database the platform runs on does (see intercity.testing.databases)."""

import threading

import pytest
from django.db import connection


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a property of SQLite's shared cache")
def test_a_write_from_another_thread_does_not_meet_a_readers_table_lock(transactional_db):
    from django.contrib.contenttypes.models import ContentType

    cursor = connection.cursor()
    cursor.execute("SELECT id FROM django_content_type")
    cursor.fetchone()  # the statement stays open, reading the table
    errors: list[Exception] = []

    def write() -> None:
        from django.db import connection as own

        try:
            ContentType.objects.filter(pk=-1).update(model="nothing")
        except Exception as error:  # noqa: BLE001 - the test reports any failure
            errors.append(error)
        finally:
            own.close()

    writer = threading.Thread(target=write)
    writer.start()
    writer.join()
    cursor.close()
    assert errors == []
