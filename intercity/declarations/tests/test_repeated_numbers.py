"""A list that prints "1." before every clause (Markdown's auto-numbered lists, word-processor
exports) is read as a reader sees it: 1, 2, 3, each clause with an anchor of its own."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.numbering import numbered_in_order
from intercity.declarations.services import declaration_import

HEAD = "Declaration of River Cities\n\nRecalling our earlier work;\n\nWe hereby declare:\n\n"
AUTO_NUMBERED = HEAD + (
    "1. Share flood data every month.\n\n"
    "1. Build joint gauges:\n(a) in the upper basin;\n(b) in the delta.\n\n"
    "1. Meet again next year.\n"
)


def anchors(numbers):
    """The anchors the declaration page gives its clauses (Clause.anchor)."""
    return [f"clause-{number or position}" for position, number in enumerate(numbers, start=1)]


def test_clauses_all_numbered_one_are_numbered_in_order():
    parsed = parse_declaration(AUTO_NUMBERED)
    assert [clause.number for clause in parsed.clauses] == ["1", "2", "3"]
    assert [item.label for item in parsed.clauses[1].subitems] == ["a", "b"]
    assert not any("out of sequence" in warning for warning in parsed.warnings)


def test_real_numbering_is_kept_as_printed():
    assert numbered_in_order(["1", "2", "3", "5"]) == ["1", "2", "3", "5"]
    # A list that starts again under a new heading, and labels that are not numbers.
    assert numbered_in_order(["1", "2", "1", "2"]) == ["1", "2", "1", "2"]
    assert numbered_in_order(["a", "a", None, "IV"]) == ["a", "a", None, "IV"]
    # A slip that repeats one number shifts the rest of the count.
    assert numbered_in_order(["1", "2", "2", "3"]) == ["1", "2", "3", "4"]
    # Markdown counts on from the first number.
    assert numbered_in_order(["4", "4", "4"]) == ["4", "5", "6"]


def test_sub_items_numbered_alike_are_numbered_in_order():
    text = HEAD + "1. Improve the air:\n1) measure it;\n1) publish it;\n1) act on it.\n"
    parsed = parse_declaration(text)
    assert [item.label for item in parsed.clauses[0].subitems] == ["1", "2", "3"]


def test_the_declaration_page_gives_each_clause_its_own_anchor(cast, client_for):
    declaration = declaration_import(actor=cast.secretariat, text=AUTO_NUMBERED)
    references = [c.reference for c in declaration.commitments.all()]
    assert {"1", "2a", "2b", "3"} <= set(references)
    assert len(references) == len(set(references))

    page = client_for(cast.secretariat).get(declaration.get_absolute_url()).content.decode()
    ids = re.findall(r'<li id="(clause-[^"]+)"', page)
    assert {"clause-1", "clause-2", "clause-3", "clause-2a", "clause-2b"} <= set(ids)
    assert len(ids) == len(set(ids))


# How a list of clauses can be numbered in a text: in order, "1." throughout (or any one
# number throughout), or in order with a slip that repeats a number.
numberings = st.one_of(
    st.integers(1, 40).map(lambda n: [str(i) for i in range(1, n + 1)]),
    st.tuples(st.integers(1, 3), st.integers(1, 40)).map(lambda t: [str(t[0])] * t[1]),
    st.integers(2, 40).flatmap(
        lambda n: st.integers(1, n).map(
            lambda repeated: sorted([*map(str, range(1, n + 1)), str(repeated)], key=int)
        )
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(numbers=numberings)
def test_clause_anchors_are_always_unique(numbers):
    clauses = "\n\n".join(f"{n}. Cities act on matter {i}." for i, n in enumerate(numbers))
    parsed = parse_declaration(HEAD + clauses + "\n")
    assert len(parsed.clauses) == len(numbers)
    found = anchors([clause.number for clause in parsed.clauses])
    assert len(found) == len(set(found))
    if numbers == sorted(set(numbers), key=int):
        # Numbering without repeats is kept as printed.
        assert [clause.number for clause in parsed.clauses] == numbers
