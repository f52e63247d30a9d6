"""A bulleted sub-item ("•", "-", "–" with no letter or number of its own) has a reference of
its own, "12(•3)" for the third item of paragraph 12, so that a report or a commitment can cite
it: unique in the declaration, the same when the text is imported again, qualified by its part
("II.1(•2)") like the clause it belongs to."""

import re

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.declarations.deriving import bullet_places, derive_commitments, sub_reference
from intercity.declarations.parsing import parse_declaration
from intercity.declarations.services import declaration_correct, declaration_import

HEAD = "Declaration of River Cities\n\nRecalling our earlier work;\n\nWe hereby declare:\n\n"
BULLETS = HEAD + (
    "1. Share flood data every month.\n\n"
    "2. The member cities will work together, each in its own district, to:\n"
    "• measure the air near every school;\n"
    "• publish the readings every day;\n"
    "• act on high readings within a week.\n\n"
    "3. Build joint gauges:\n(a) in the upper basin;\n(b) in the delta.\n\n"
    "4. Meet again next year.\n"
)
IN_PARTS = HEAD + (
    "Part I: Water\n\n"
    "1. Share flood data:\n– with the basin authority;\n– with the public.\n\n"
    "2. Train staff together.\n\n"
    "Part II: Air\n\n"
    "1. Measure the air:\n- near schools;\n- near hospitals.\n\n"
    "2. Act on high readings.\n"
)


def test_each_bullet_has_a_reference_of_its_own(cast):
    declaration = declaration_import(actor=cast.secretariat, text=BULLETS)
    bullets = list(declaration.clauses.get(number="2").subitems.all())
    assert [item.reference for item in bullets] == ["2(•1)", "2(•2)", "2(•3)"]
    references = [c.reference for c in declaration.commitments.all()]
    assert references == ["1", "2", "2(•1)", "2(•2)", "2(•3)", "3a", "3b", "4"]


# Lettered items first, then bullets, at the same depth: one list of four items.
MIXED = HEAD + (
    "1. Share flood data every month.\n\n"
    "2. Build joint gauges:\n"
    "  a) in the upper basin;\n"
    "  b) in the delta;\n"
    "  • with the river police;\n"
    "  • with the universities.\n\n"
    "3. Meet again next year.\n"
)


def test_bullets_after_lettered_items_are_counted_among_bullets_only():
    parsed = parse_declaration(MIXED).to_dict()
    references = [draft.reference for draft in derive_commitments(parsed["clauses"])]
    assert references == ["1", "2a", "2b", "2(•1)", "2(•2)", "3"]


def test_a_stored_mixed_list_cites_its_bullets_among_bullets_only(cast):
    declaration = declaration_import(actor=cast.secretariat, text=MIXED)
    items = list(declaration.clauses.get(number="2").subitems.all())
    assert [item.reference for item in items] == ["2a", "2b", "2(•1)", "2(•2)"]
    references = [c.reference for c in declaration.commitments.all()]
    assert references == ["1", "2a", "2b", "2(•1)", "2(•2)", "3"]


def test_bullets_take_their_places_among_bullets_wherever_the_letters_fall():
    assert bullet_places(["a", None, "b", None, None]) == [None, 1, None, 2, 3]
    assert bullet_places([None, None]) == [1, 2]
    assert bullet_places(["a", "b"]) == [None, None]


def test_bullets_of_a_text_in_parts_are_cited_with_their_part(cast):
    declaration = declaration_import(actor=cast.secretariat, text=IN_PARTS)
    references = [c.reference for c in declaration.commitments.all()]
    assert {"I.1(•1)", "I.1(•2)", "II.1(•1)", "II.1(•2)"} <= set(references)
    assert len(references) == len(set(references))


def test_the_references_are_the_same_when_the_text_is_imported_again(cast):
    first = declaration_import(actor=cast.secretariat, text=BULLETS)
    again = declaration_import(actor=cast.secretariat, text=BULLETS)
    assert [c.reference for c in first.commitments.all()] == [
        c.reference for c in again.commitments.all()
    ]


def test_a_bullet_commitment_links_to_its_own_place_on_the_page(cast, client_for):
    declaration = declaration_import(actor=cast.secretariat, text=BULLETS)
    commitment = declaration.commitments.get(subitem__clause__number="2", subitem__position=3)
    client = client_for(cast.secretariat)

    detail = client.get(commitment.get_absolute_url()).content.decode()
    assert f"#{commitment.subitem.anchor}" in detail
    assert "2(•3)" in detail

    page = client.get(declaration.get_absolute_url()).content.decode()
    ids = re.findall(r'<li id="(clause-[^"]+)"', page)
    assert commitment.subitem.anchor in ids
    assert len(ids) == len(set(ids))


def test_the_api_gives_each_bullet_commitment_its_reference(api_as, cast):
    declaration = declaration_import(actor=cast.secretariat, text=BULLETS)
    body = (
        api_as("anonymous")
        .get(reverse("api-v1:commitment-list"), {"declaration": declaration.slug})
        .json()
    )
    assert {"2(•1)", "2(•2)", "2(•3)"} <= {row["clause"] for row in body["results"]}


def test_a_correction_keeps_each_bullet_and_its_commitment(cast):
    declaration = declaration_import(actor=cast.secretariat, text=BULLETS)
    first = declaration.commitments.get(subitem__clause__number="2", subitem__position=1)
    corrected = BULLETS.replace("every school", "every school and hospital")
    declaration_correct(
        actor=cast.secretariat, declaration=declaration, text=corrected, reason="Typo"
    )
    bullets = list(declaration.clauses.get(number="2").subitems.all())
    assert [item.text for item in bullets] == [
        "measure the air near every school and hospital;",
        "publish the readings every day;",
        "act on high readings within a week.",
    ]
    first.refresh_from_db()
    assert first.reference == "2(•1)"
    assert first.subitem.text == "measure the air near every school and hospital;"


# Properties of the references themselves -----------------------------------------------------

_CLAUSE_NUMBERS = st.one_of(
    st.integers(1, 60).map(str),
    st.tuples(st.sampled_from(["I", "II", "III", "A", "B"]), st.integers(1, 30)).map(
        lambda pair: f"{pair[0]}.{pair[1]}"
    ),
)
_LABELS = st.lists(
    st.one_of(st.none(), st.sampled_from(list("abcdefgh") + ["1", "2", "3", "i", "ii", "iv"])),
    max_size=8,
)


def _distinct_labels(labels: list[str | None]) -> list[str | None]:
    """Printed labels repeat only by mistake of the text; bullets repeat freely."""
    seen: set[str] = set()
    kept = []
    for label in labels:
        if label is None or label not in seen:
            kept.append(label)
            seen.update([label] if label else [])
    return kept


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_CLAUSE_NUMBERS, _LABELS), max_size=12, unique_by=lambda pair: pair[0]))
def test_references_are_unique_in_a_declaration(clauses):
    references = []
    for number, labels in clauses:
        references.append(number)
        labels = _distinct_labels(labels)
        references.extend(
            sub_reference(number, label, bullet)
            for label, bullet in zip(labels, bullet_places(labels), strict=True)
        )
    assert len(references) == len(set(references))


_ITEM = st.text(alphabet="abcdefghij ", min_size=3, max_size=20).map(
    lambda text: "do " + " ".join(text.split())
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(["•", "-", "–"]), st.lists(_ITEM, min_size=0, max_size=4)),
        min_size=1,
        max_size=5,
    )
)
def test_references_of_a_parsed_text_are_unique_and_stable(clauses):
    lines = []
    for index, (bullet, items) in enumerate(clauses, start=1):
        if items:
            lines.append(f"{index}. The member cities will, each in its district, work to:")
            lines.extend(f"{bullet} {item};" for item in items)
        else:
            lines.append(f"{index}. The member cities will meet again next year.")
        lines.append("")
    text = HEAD + "\n".join(lines)

    def references():
        parsed = parse_declaration(text).to_dict()
        return [draft.reference for draft in derive_commitments(parsed["clauses"])]

    first = references()
    assert len(first) == len(set(first))
    assert first == references()
    assert sum("(•" in reference for reference in first) == sum(len(i) for _, i in clauses)
