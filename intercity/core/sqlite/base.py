"""Django's SQLite engine, with the bound-parameter limit read from the linked library.

Django assumes the 999 parameters per statement of old SQLite builds, so a bulk insert of a
few thousand rows of a dozen columns took a statement per 80 rows; current builds accept
32,766 or more, and the limit of the library in use is what sizes the batches here.
"""

import sqlite3

from django.db.backends.sqlite3 import base, features
from django.utils.functional import cached_property


class DatabaseFeatures(features.DatabaseFeatures):
    @cached_property
    def max_query_params(self) -> int:
        self.connection.ensure_connection()
        return self.connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
