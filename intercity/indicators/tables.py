"""Reading indicator tables (CSV or XLSX, long or wide layout) into plain rows; no Django."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

LONG_HEADER = ("city", "indicator", "year", "value", "unit", "source")
WIDE_HEADER = ("city", "indicator", "unit", "source")
# Further columns either layout may carry; others are ignored.
OPTIONAL_COLUMNS = (
    "status",
    "notation_key",
    "gpc_sector",
    "gpc_scope",
    "period_start",
    "period_end",
    "source_url",
    "publisher",
    "page",
    "method",
)
YEAR_COLUMN = re.compile(r"^\d{4}$")


class TableError(ValueError):
    """The file cannot be read as an indicator table at all; the message is a short code."""


@dataclass(frozen=True)
class Row:
    """One value to import: where it was in the file and its cells as text."""

    line: int
    cells: dict[str, str]
    column: str = ""  # the year column of a wide table

    @property
    def where(self) -> str:
        return f"{self.line}:{self.column}" if self.column else str(self.line)


@dataclass
class Table:
    layout: str
    rows: list[Row] = field(default_factory=list)


def read_table(content: bytes, *, filename: str = "") -> Table:
    """Rows of a CSV or XLSX file; the format is read from the content, not trusted names."""
    if content[:2] == b"PK":
        records = _xlsx_records(content)
    else:
        records = _csv_records(content)
    return parse_records(records)


def parse_records(records: list[list[str]]) -> Table:
    if not records:
        raise TableError("empty")
    header = [cell.strip().lower() for cell in records[0]]
    body = records[1:]
    years = [name for name in header if YEAR_COLUMN.match(name)]
    if tuple(header[: len(LONG_HEADER)]) == LONG_HEADER:
        table = _long(header, body)
    elif tuple(header[: len(WIDE_HEADER)]) == WIDE_HEADER and years:
        table = _wide(header, body, years)
    else:
        raise TableError("header")
    if not table.rows:
        # A header alone would otherwise "import" nothing and look like a success.
        raise TableError("no rows")
    return table


def _blank(record: list[str]) -> bool:
    return not any(cell.strip() for cell in record)


def _long(header: list[str], body: list[list[str]]) -> Table:
    table = Table("long")
    wanted = [name for name in header if name in LONG_HEADER or name in OPTIONAL_COLUMNS]
    for offset, record in enumerate(body, start=2):
        if _blank(record):
            continue
        cells = dict(zip(header, (cell.strip() for cell in record), strict=False))
        table.rows.append(Row(offset, {name: cells.get(name, "") for name in wanted}))
    return table


def _wide(header: list[str], body: list[list[str]], years: list[str]) -> Table:
    table = Table("wide")
    shared = [name for name in header if name in WIDE_HEADER or name in OPTIONAL_COLUMNS]
    for offset, record in enumerate(body, start=2):
        if _blank(record):
            continue
        cells = dict(zip(header, (cell.strip() for cell in record), strict=False))
        common = {name: cells.get(name, "") for name in shared}
        for year in years:
            value = cells.get(year, "")
            if value == "":
                continue  # an empty cell is a year without a value, not a zero
            table.rows.append(Row(offset, {**common, "year": year, "value": value}, column=year))
    return table


def _csv_records(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError("encoding") from exc
    return list(csv.reader(io.StringIO(text)))


def _xlsx_records(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a broken file
        raise TableError("xlsx") from exc
    sheet = workbook.worksheets[0]
    records = [[_cell_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return records


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def template_rows(
    layout: str, cities: tuple[str, ...] = ("hanoi", "Tokyo"), *, may_verify: bool = True
) -> list[list[str]]:
    """A small example file in either layout, for people to fill in: the same rows per city.

    A city's own template names that city only, so its focal point can import every row.
    """
    if layout == "wide":
        header = [*WIDE_HEADER, "2021", "2022", "2023"]
        return [header] + [
            row
            for city in cities
            for row in (
                [city, "ghg-per-capita", "t CO2e/capita", "City GHG inventory", "4.1", "", "3.9"],
                [city, "electricity-total", "GWh", "Energy statistics", "80000", "79500", "79000"],
            )
        ]
    header = [*LONG_HEADER, "status", "notation_key", "gpc_sector", "gpc_scope", "method"]
    status = "verified" if may_verify else "reported"
    return [header] + [
        row
        for city in cities
        for row in (
            [city, "ghg-total", "2022", "12.5", "Mt CO2e", "City GHG inventory", "reported"],
            [city, "ghg-waste", "2022", "", "", "City GHG inventory", "", "NE"],
            [city, "energy-final-total", "2022", "560", "PJ", "Energy statistics", status],
            [city, "renewable-electricity-share", "2022", "21", "%", "Energy statistics"],
        )
    ]
