"""On PostgreSQL with the RUM extension, an index that returns full-text matches best first.

GIN finds the documents that match; ranking them with ts_rank reads and scores
every one, which for a common word at 100,000 documents takes a fifth of a
second. A RUM index keeps the positions it needs to hand over matches in rank
order, so the first page is read and the rest never scored (see
``intercity.searchindex.keyword``). The extension is not part of PostgreSQL
itself (Debian packages it as ``postgresql-NN-rum``); where it is missing or
may not be created, this migration leaves the database as it was and search
ranks as before. ``intercity rankindex`` adds the index later, once the
extension is installed.

On PostgreSQL the long columns are also stored out of line, so that counting
thousands of matches reads short rows (``rank_index.keep_rows_short``).
"""

from django.db import migrations

from intercity.searchindex.rank_index import create_rank_index, drop_rank_index, keep_rows_short


def create(apps, schema_editor):
    keep_rows_short(schema_editor.connection)
    create_rank_index(schema_editor.connection)


def drop(apps, schema_editor):
    drop_rank_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0005_searchdocument_access_index")]

    operations = [migrations.RunPython(create, drop)]
