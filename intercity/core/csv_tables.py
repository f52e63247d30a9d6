"""Reading an uploaded CSV table into numbered lines, with the reasons a file is refused."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# A line number and the cells of that line by lower-case column name.
Line = tuple[int, dict[str, str]]
MAX_BYTES = 5 * 1024 * 1024


@dataclass
class TableReport:
    """What an import of a table did: lines skipped and why, the problems that stopped it
    (line 0 for the whole file), and whether it wrote (not with problems, nor on a check
    only); each import adds what it created."""

    skipped: list[tuple[int, str]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def size_error(size: int) -> str | None:
    """Why a file of `size` bytes is refused before it is read, if it is."""
    if size > MAX_BYTES:
        return _("The file is larger than 5 MB; split it.")
    return None


def read_table(
    content: bytes,
    report: TableReport,
    *,
    required: tuple[str, ...],
    optional: tuple[str, ...],
    max_lines: int,
    no_lines: str,
    ignored: tuple[str, ...] = (),
) -> list[Line]:
    """The non-blank lines of a UTF-8 CSV file after its header, numbered as a spreadsheet
    numbers them (the header is line 1). A file that cannot be read adds its reason to the
    report's errors (line 0 for the whole file) and gives no lines; `no_lines` says what is
    missing when there is a header and nothing under it. A column that is neither `required`
    nor `optional` nor knowingly `ignored` (one the platform's own download adds) refuses the
    file: a misspelt one ("sesion") would otherwise be dropped without a word, its values lost."""
    errors = report.errors
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        errors.append((0, _("The file is not UTF-8 text; save it as CSV (UTF-8).")))
        return []
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        errors.append((0, _("The file is empty.")))
        return []
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in required if name not in header]
    if missing:
        errors.append(
            (1, _("The header lacks the column(s): %(names)s.") % {"names": ", ".join(missing)})
        )
        return []
    unknown = [name for name in header if name and name not in required + optional + ignored]
    if unknown:
        errors.append(
            (
                1,
                _("Unknown column(s): %(names)s. The columns are: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(required + optional)},
            )
        )
        return []
    if len(rows) - 1 > max_lines:
        errors.append((0, _("More than %(count)s lines; split the file.") % {"count": max_lines}))
        return []
    lines = [
        (number, {name: value.strip() for name, value in zip(header, cells, strict=False)})
        for number, cells in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    if not lines:
        # A header alone would otherwise report "nothing added" as if all went well.
        errors.append((0, no_lines))
    return lines
