"""A long declaration imports in time linear in its size: indexed once, every clause read."""

from unittest import mock

import pytest

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.services import declaration_import
from intercity.searchindex import indexing


def numbered(count: int) -> str:
    clauses = "\n\n".join(f"{n}. to cooperate on matter {n} of water;" for n in range(1, count + 1))
    return f"Long Declaration\n\nWe, the mayors, hereby declare:\n\n{clauses}\n"


def test_a_1200_clause_text_has_1200_clauses_and_no_closing_taken_from_them():
    parsed = parse_declaration(numbered(1200))
    assert len(parsed.clauses) == 1200
    assert parsed.clauses[-1].number == "1200"
    assert parsed.closing == []


def test_a_year_at_the_start_of_a_wrapped_line_is_not_a_clause_number():
    text = numbered(3).replace(
        "2. to cooperate", "2. to cooperate, as agreed in\n2023. on the exchange of experts,"
    )
    assert len(parse_declaration(text).clauses) == 3


@pytest.mark.parametrize("count", [20, 200])
def test_an_import_indexes_the_declaration_a_fixed_number_of_times(cast, count):
    with mock.patch.object(indexing, "index_object", wraps=indexing.index_object) as index:
        declaration = declaration_import(actor=cast.secretariat, text=numbered(count))
    assert declaration.clauses.count() == count
    # The declaration, its commitments and the like: once per record kind, not per clause.
    assert index.call_count <= 5
