"""System checks of the database features keyword search relies on."""

from django.core.checks import Tags, Warning, register
from django.db import connection

from intercity.searchindex.keyword import ctype_is_utf8, database_ctype


def ctype_warning() -> str | None:
    """A clear message if PostgreSQL cannot tell letters of non-Latin scripts apart, else None."""
    ctype = database_ctype()
    if ctype_is_utf8(ctype):
        return None
    return (
        f"The PostgreSQL database's LC_CTYPE is {ctype!r}, not UTF-8: pg_trgm and the "
        "full-text parser will treat Thai, Hindi, Burmese, CJK and other non-ASCII letters as "
        "punctuation, so keyword search in those languages will miss. Recreate the database "
        "with LC_CTYPE a UTF-8 locale (for example: CREATE DATABASE intercity "
        "TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8')."
    )


@register(Tags.database)
def check_postgres_ctype(app_configs, **kwargs):
    if connection.vendor != "postgresql":
        return []
    message = ctype_warning()
    return [Warning(message, id="searchindex.W001")] if message else []
