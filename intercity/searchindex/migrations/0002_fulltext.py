"""Full-text structures beside the document table, one set per database engine.

SQLite: an FTS5 table over the segmented terms (ranked by bm25) and a trigram
FTS5 table over the normalised text, both external-content tables that
triggers keep in step. PostgreSQL: a generated tsvector('simple') column with a
GIN index, and a pg_trgm GIN index on the normalised text.
"""

import sys

from django.db import migrations

from intercity.search.text import FTS5_TOKENIZE

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE searchindex_fts USING fts5("
    "title_terms, body_terms, content='searchindex_searchdocument', content_rowid='id', "
    f'tokenize="{FTS5_TOKENIZE}")',
    "CREATE VIRTUAL TABLE searchindex_trigram USING fts5("
    "normalised, content='searchindex_searchdocument', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER searchindex_doc_ai AFTER INSERT ON searchindex_searchdocument BEGIN "
    "INSERT INTO searchindex_fts(rowid, title_terms, body_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms); "
    "INSERT INTO searchindex_trigram(rowid, normalised) VALUES (new.id, new.normalised); END",
    "CREATE TRIGGER searchindex_doc_ad AFTER DELETE ON searchindex_searchdocument BEGIN "
    "INSERT INTO searchindex_fts(searchindex_fts, rowid, title_terms, body_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); "
    "INSERT INTO searchindex_trigram(searchindex_trigram, rowid, normalised) "
    "VALUES ('delete', old.id, old.normalised); END",
    "CREATE TRIGGER searchindex_doc_au AFTER UPDATE OF title_terms, body_terms, normalised "
    "ON searchindex_searchdocument BEGIN "
    "INSERT INTO searchindex_fts(searchindex_fts, rowid, title_terms, body_terms) "
    "VALUES ('delete', old.id, old.title_terms, old.body_terms); "
    "INSERT INTO searchindex_trigram(searchindex_trigram, rowid, normalised) "
    "VALUES ('delete', old.id, old.normalised); "
    "INSERT INTO searchindex_fts(rowid, title_terms, body_terms) "
    "VALUES (new.id, new.title_terms, new.body_terms); "
    "INSERT INTO searchindex_trigram(rowid, normalised) VALUES (new.id, new.normalised); END",
    # Rows written before this migration (none on a fresh database) enter the index.
    "INSERT INTO searchindex_fts(searchindex_fts) VALUES ('rebuild')",
    "INSERT INTO searchindex_trigram(searchindex_trigram) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS searchindex_doc_au",
    "DROP TRIGGER IF EXISTS searchindex_doc_ad",
    "DROP TRIGGER IF EXISTS searchindex_doc_ai",
    "DROP TABLE IF EXISTS searchindex_trigram",
    "DROP TABLE IF EXISTS searchindex_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE searchindex_searchdocument ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, title_terms), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body_terms), 'B')) STORED",
    "CREATE INDEX searchindex_doc_vector_gin ON searchindex_searchdocument "
    "USING gin (search_vector)",
    "CREATE INDEX searchindex_doc_trgm_gin ON searchindex_searchdocument "
    "USING gin (normalised gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS searchindex_doc_trgm_gin",
    "DROP INDEX IF EXISTS searchindex_doc_vector_gin",
    "ALTER TABLE searchindex_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement, params=None)


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_FORWARD)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_FORWARD)
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
            ctype = cursor.fetchone()[0]
        if "utf8" not in ctype.lower().replace("-", ""):
            sys.stderr.write(
                f"\nWARNING: this PostgreSQL database has LC_CTYPE {ctype!r}, not UTF-8. "
                "Keyword search in Thai, Hindi, Burmese, CJK and other non-ASCII scripts "
                "will miss. Recreate the database with a UTF-8 LC_CTYPE (e.g. C.UTF-8).\n"
            )


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _run(schema_editor, SQLITE_BACKWARD)
    elif vendor == "postgresql":
        _run(schema_editor, POSTGRES_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
