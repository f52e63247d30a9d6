"""The RUM index that ranks full-text matches on PostgreSQL, made where the server allows it."""

from __future__ import annotations

from django.db import DatabaseError, transaction

from intercity.searchindex.keyword import RUM_INDEX, forget_rank_index

# Long columns leave the table's rows for its TOAST table, so a row keeps a few hundred
# bytes: counting or checking thousands of matches then reads a few thousand rows to a
# page instead of one (100,000 documents: 171 MB of rows before, 34 MB after).
LONG_COLUMNS = ("body", "title_terms", "body_terms", "normalised", "search_vector")


def keep_rows_short(connection) -> None:
    """Store long columns out of line; rows written from now on (a reindex) take the layout."""
    if connection.vendor != "postgresql":
        return
    columns = ", ".join(f"ALTER COLUMN {name} SET STORAGE EXTERNAL" for name in LONG_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE searchindex_searchdocument SET (toast_tuple_target = 256)")
        cursor.execute(f"ALTER TABLE searchindex_searchdocument {columns}")


def rum_available(connection) -> bool:
    """Whether the server has the RUM extension's files (installed or installable)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        return cursor.fetchone() is not None


def create_rank_index(connection) -> str:
    """Create the extension and the index if the server can; returns what happened.

    A server without the extension, or a role that may not create it, leaves the
    database unchanged: keyword search then scores every match, as it always could.
    """
    if connection.vendor != "postgresql":
        return "not PostgreSQL"
    if not rum_available(connection):
        return "the RUM extension is not installed on this server"
    try:
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    except DatabaseError as error:
        return f"the RUM extension could not be created: {error}".strip()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON searchindex_searchdocument "
            "USING rum (search_vector rum_tsvector_ops)"
        )
    forget_rank_index()
    return "created"


def drop_rank_index(connection) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
        forget_rank_index()
