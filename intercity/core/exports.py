"""CSV downloads of public lists, streamed so a long list never sits whole in memory."""

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.http import StreamingHttpResponse


class _Echo:
    """A file-like object whose write returns the line, for csv.writer to stream through."""

    def write(self, value: str) -> str:
        return value


def csv_response(
    *,
    filename: str,
    columns: Sequence[tuple[str, Callable[[Any], Any]]],
    rows: Iterable[Any],
) -> StreamingHttpResponse:
    """Stream rows as CSV; ``columns`` pairs a header with a function of a row."""
    writer = csv.writer(_Echo())

    def lines():
        # A byte-order mark lets spreadsheet programs read non-Latin names as UTF-8.
        yield "\ufeff" + writer.writerow([str(header) for header, _ in columns])
        for row in rows:
            yield writer.writerow([_cell(value(row)) for _, value in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # Cells starting with these are run as formulas by spreadsheet programs; a plain number
    # (a negative latitude, a fall in emissions) is not one and stays a number.
    if text[:1] in ("=", "+", "-", "@") and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def wants_csv(request) -> bool:
    return request.GET.get("format") == "csv"
