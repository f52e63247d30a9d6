"""The test database as concurrent threads see it.

Django's tests put SQLite in memory with a shared cache, which the live server's thread and
a task consumer's thread open as separate connections. In that mode a reader takes a lock
on each table it reads, and a writer that meets one fails at once with "database table is
locked" instead of waiting, as it would on the file database the platform runs on. Reading
uncommitted rows drops those read locks; writers still exclude each other.
"""


def read_without_table_locks(sender, connection, **kwargs) -> None:
    """On an in-memory SQLite test database, let readers take no table locks."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")
