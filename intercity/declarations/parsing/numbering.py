"""Numbers in order the items of a list that repeats its numbers ("1." before every item).

Markdown's auto-numbered lists and word-processor exports print every item as "1."; a reader
sees 1, 2, 3. Each such item takes the number after the one before, so that clauses keep
references and anchors of their own; numbering that does not repeat stays as printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def numbered_in_order(numbers: Sequence[str | None]) -> list[str | None]:
    """The numbers with each repeat replaced by the next number: 1, 1, 1 → 1, 2, 3.

    A list that once repeated a number stays shifted while it goes on counting (1, 2, 2, 3 →
    1, 2, 3, 4); a jump or a restart (1, 2, 3, 1, 2 under new headings) is real numbering and
    is kept. Labels that are not decimal numbers ("a", "IV", "第3条") are kept and break a run.
    """
    result: list[str | None] = []
    shift = 0
    previous: int | None = None
    for number in numbers:
        if not (number and number.isascii() and number.isdigit()):
            result.append(number)
            previous, shift = None, 0
            continue
        value = int(number)
        if previous is not None and value == previous:
            shift += 1
        elif previous is None or value != previous + 1:
            shift = 0
        previous = value
        result.append(str(value + shift) if shift else number)
    return result


def repeats_a_number(numbers: Sequence[str | None]) -> bool:
    """Whether some decimal number follows itself, as in an auto-numbered list."""
    return any(
        first and first == second and first.isascii() and first.isdigit()
        for first, second in zip(numbers, numbers[1:], strict=False)
    )


def number_clauses_in_order(clauses: Sequence[Any]) -> bool:
    """Number in order the clauses (anything with ``number`` and ``subitems`` with ``label``)
    and each clause's sub-items; whether a clause number repeated."""
    numbers = [clause.number for clause in clauses]
    for clause, number in zip(clauses, numbered_in_order(numbers), strict=True):
        clause.number = number
        labels = numbered_in_order([item.label for item in clause.subitems])
        for item, label in zip(clause.subitems, labels, strict=True):
            item.label = label
    return repeats_a_number(numbers)
