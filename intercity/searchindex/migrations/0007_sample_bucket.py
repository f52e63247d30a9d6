"""On PostgreSQL, a sample of the documents that an index can pick out: ``sample_bucket``.

Each document falls into one of 64 buckets by a hash of its id. Counting a word that
matches tens of thousands of documents then reads a few buckets' share of them, which
the planner finds by combining the full-text index with the bucket's own index, and
scales it up (``intercity.searchindex.keyword``): the rows of all the other matches are
never read. SQLite needs no column for this; its full-text index counts its matches itself.
"""

from django.db import migrations

CREATE = (
    "ALTER TABLE searchindex_searchdocument ADD COLUMN sample_bucket smallint "
    "GENERATED ALWAYS AS ((hashint8(id) & 63)::smallint) STORED",
    "CREATE INDEX searchindex_doc_sample_bucket ON searchindex_searchdocument (sample_bucket)",
)
DROP = ("ALTER TABLE searchindex_searchdocument DROP COLUMN IF EXISTS sample_bucket",)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0006_rank_ordered_index")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
