"""Items of a nested Markdown list ("   - sub point", "   a) …" indented under a numbered
clause) belong to the clause above them: they become its sub-items, never clauses of their own."""

import re

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.services import declaration_import

HEAD = "Declaration of River Cities\n\nRecalling our earlier work;\n\nWe hereby declare:\n\n"
NESTED = HEAD + (
    "1. Share flood data every month.\n"
    "   1. with the basin authority;\n"
    "   2. with the public.\n"
    "2. Build joint gauges.\n"
    "   a) in the upper basin;\n"
    "   b) in the delta.\n"
    "3. Improve the air.\n"
    "   - measure it in every district;\n"
    "     - near schools first;\n"
    "   - publish the readings.\n"
    "4. Meet again next year.\n"
)


def test_nested_items_are_sub_items_of_their_clause(cast, client_for):
    declaration = declaration_import(actor=cast.secretariat, text=NESTED)
    assert [clause.number for clause in declaration.clauses.all()] == ["1", "2", "3", "4"]
    references = [c.reference for c in declaration.commitments.all()]
    assert {"1(1)", "1(2)", "2a", "2b", "4"} <= set(references)

    page = client_for(cast.secretariat).get(declaration.get_absolute_url()).content.decode()
    ids = re.findall(r'<li id="(clause-[^"]+)"', page)
    assert len(ids) == len(set(ids))
    clause_two = page.split('<li id="clause-2">', 1)[1].split('<li id="clause-3">', 1)[0]
    assert '<li id="clause-2a">' in clause_two and "in the delta." in clause_two
    assert len(re.findall(r'<li id="clause-\d+">', page)) == 4


def test_a_deeper_item_stays_in_the_text_of_the_sub_item_above_it():
    clause = parse_declaration(NESTED).clauses[2]
    assert [item.text.split("\n")[0] for item in clause.subitems] == [
        "measure it in every district;",
        "publish the readings.",
    ]
    assert "near schools first" in clause.subitems[0].text


def test_tabs_nest_items_as_spaces_do():
    text = HEAD + "1. Share data.\n\t1. monthly;\n\t2. openly.\n2. Build gauges.\n"
    parsed = parse_declaration(text)
    assert [clause.number for clause in parsed.clauses] == ["1", "2"]
    assert [item.label for item in parsed.clauses[0].subitems] == ["1", "2"]


def test_an_auto_numbered_nested_list_is_numbered_in_order():
    text = HEAD + "1. Share data.\n   1. monthly;\n   1. openly.\n1. Build gauges.\n"
    parsed = parse_declaration(text)
    assert [clause.number for clause in parsed.clauses] == ["1", "2"]
    assert [item.label for item in parsed.clauses[0].subitems] == ["1", "2"]


def test_right_aligned_clause_numbers_are_not_nested():
    clauses = "\n".join(f"{n:>2}. Cities act on matter {n}." for n in range(1, 13))
    parsed = parse_declaration(HEAD + clauses + "\n")
    assert [clause.number for clause in parsed.clauses] == [str(n) for n in range(1, 13)]
