"""A text in parts whose clause numbering starts again in each part ("Part I" 1, 2, 3; "Part II"
1, 2, 3) gives each clause a number qualified by its part, "II.1", so that references and
anchors stay unique and read as the text does."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.services import declaration_import

HEAD = "Declaration of River Cities\n\nRecalling our earlier work;\n\nWe hereby declare:\n\n"
IN_PARTS = HEAD + (
    "Part I: Water\n\n"
    "1. Share flood data every month.\n\n"
    "2. Build joint gauges:\n(a) in the upper basin;\n(b) in the delta.\n\n"
    "3. Train staff together.\n\n"
    "Part II: Air\n\n"
    "1. Measure the air in every district.\n\n"
    "2. Publish the measurements:\n(a) daily;\n(b) in plain language.\n\n"
    "3. Act on high readings.\n"
)


def page_ids(client, declaration) -> list[str]:
    page = client.get(declaration.get_absolute_url()).content.decode()
    return re.findall(r'<li id="(clause-[^"]+)"', page)


def test_clauses_of_each_part_are_numbered_within_it(cast, client_for):
    declaration = declaration_import(actor=cast.secretariat, text=IN_PARTS)
    numbers = [clause.number for clause in declaration.clauses.all()]
    assert numbers == ["I.1", "I.2", "I.3", "II.1", "II.2", "II.3"]
    references = [c.reference for c in declaration.commitments.all()]
    assert {"I.1", "I.2a", "I.2b", "II.1", "II.2a", "II.2b", "II.3"} <= set(references)
    assert len(references) == len(set(references))

    ids = page_ids(client_for(cast.secretariat), declaration)
    assert {"clause-I.1", "clause-II.1", "clause-I.2a", "clause-II.2a"} <= set(ids)
    assert len(ids) == len(set(ids))


def test_a_heading_stays_out_of_the_clause_before_it():
    parsed = parse_declaration(IN_PARTS)
    assert parsed.clauses[2].text == "Train staff together."
    assert parsed.operative_intro == "We hereby declare:"
    assert not any("out of sequence" in warning for warning in parsed.warnings)


def test_the_numbers_are_the_same_when_the_text_is_imported_again(cast):
    first = declaration_import(actor=cast.secretariat, text=IN_PARTS)
    again = declaration_import(actor=cast.secretariat, text=IN_PARTS)
    assert [c.reference for c in first.commitments.all()] == [
        c.reference for c in again.commitments.all()
    ]


def test_parts_without_a_number_of_their_own_are_counted_in_roman_numerals():
    text = (
        HEAD + "Water\n\n1. Share data.\n\n2. Build gauges.\n\nAir\n\n1. Measure.\n\n2. Publish.\n"
    )
    numbers = [clause.number for clause in parse_declaration(text).clauses]
    assert numbers == ["I.1", "I.2", "II.1", "II.2"]


def test_parts_take_the_number_or_letter_their_heading_gives():
    text = HEAD + "Section A\n\n1. Share data.\n\n2. Build.\n\nSection B\n\n1. Measure.\n"
    assert [c.number for c in parse_declaration(text).clauses] == ["A.1", "A.2", "B.1"]
    text = (
        "河川都市宣言\n\n以下のとおり宣言する。\n\n第1章 水\n\n1. 共有する。\n\n2. 建設する。\n\n"
    )
    text += "第2章 大気\n\n1. 測定する。\n\n2. 公開する。\n"
    assert [c.number for c in parse_declaration(text).clauses] == ["1.1", "1.2", "2.1", "2.2"]


def test_articles_numbered_again_in_each_chapter_are_numbered_within_it():
    text = "Agreement between River Cities\n\nThe parties agree as follows:\n\n"
    text += "Chapter I\n\nArticle 1\n\nThe parties share data.\n\n"
    text += "Article 2\n\nThe parties build gauges.\n\n"
    text += "Chapter II\n\nArticle 1\n\nThe parties measure the air.\n"
    parsed = parse_declaration(text)
    assert [(c.number, c.text) for c in parsed.clauses] == [
        ("I.1", "The parties share data."),
        ("I.2", "The parties build gauges."),
        ("II.1", "The parties measure the air."),
    ]


def test_when_one_part_has_no_number_of_its_own_every_part_is_counted_alike():
    # The first chapter's heading stands before the operative part is recognised.
    text = "协定\n\n第一章\n\n第一条 共享数据。\n\n第二条 建设。\n\n第二章\n\n第一条 测量空气。\n"
    numbers = [clause.number for clause in parse_declaration(text).clauses]
    assert numbers == ["I.一", "I.二", "II.一"]


def test_auto_numbered_parts_are_numbered_in_order_within_each_part():
    text = HEAD + "Part I\n\n1. Share.\n\n1. Build.\n\nPart II\n\n1. Measure.\n\n1. Publish.\n"
    numbers = [clause.number for clause in parse_declaration(text).clauses]
    assert numbers == ["I.1", "I.2", "II.1", "II.2"]


def test_numbering_that_runs_on_across_headings_is_kept_as_printed():
    text = (
        HEAD + "Water\n\n1. Share data.\n\n2. Build gauges.\n\nAir\n\n3. Measure.\n\n4. Publish.\n"
    )
    numbers = [clause.number for clause in parse_declaration(text).clauses]
    assert numbers == ["1", "2", "3", "4"]


def test_a_page_number_between_clauses_opens_no_part():
    text = HEAD + "1. Share.\n\n1. Build.\n\n3\n\n1. Measure.\n\n1. Publish.\n"
    numbers = [clause.number for clause in parse_declaration(text).clauses]
    assert numbers == ["1", "2", "3", "4"]


# Parts of a text, each numbered from 1, in order or "1." throughout, under headings that may
# or may not carry a number or letter of their own.
parts = st.lists(
    st.tuples(
        st.sampled_from(["Part I", "Part II", "Annex A", "Water", "Part 2", "Section B"]),
        st.one_of(
            st.integers(1, 6).map(lambda n: [str(i) for i in range(1, n + 1)]),
            st.integers(1, 6).map(lambda n: ["1"] * n),
        ),
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=parts)
def test_clause_anchors_in_parts_are_always_unique(parts):
    body = "\n\n".join(
        heading + "\n\n" + "\n\n".join(f"{n}. Cities act on matter {i}." for i, n in enumerate(ns))
        for heading, ns in parts
    )
    parsed = parse_declaration(HEAD + body + "\n")
    assert len(parsed.clauses) == sum(len(ns) for _, ns in parts)
    anchors = [f"clause-{clause.number}" for clause in parsed.clauses]
    assert len(anchors) == len(set(anchors))
