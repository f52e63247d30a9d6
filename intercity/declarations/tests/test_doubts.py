"""Fields in doubt: a reading that changes with the text's form, or facts that disagree."""

from pathlib import Path

import pytest

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.confidence import LOW, field_confidence, rows_to_check
from intercity.declarations.parsing.doubts import (
    PERTURBATIONS,
    consistency_doubts,
    doubted_fields,
    field_values,
)

SEED = (
    Path(__file__).resolve().parents[3].parent / "shared" / "seeds" / "hanoi-declaration-2013.txt"
)
LIST_AS_CLAUSES = """Joint Statement on Trade between Aland and Borduria

Aland and Borduria agree as follows.

Aland will remove tariffs on machinery and on textiles within two years.

In addition, both sides take note of the following purchases:

Purchase of aircraft valued at 3 billion dollars.

Purchase of wheat and soybeans valued at 4 billion dollars.
"""


def _parsed(**overrides):
    parsed = parse_declaration("").to_dict()
    parsed.update(overrides)
    return parsed


def test_a_clause_announcing_a_list_without_items_puts_the_clauses_in_doubt():
    parsed = parse_declaration(LIST_AS_CLAUSES)
    assert parsed.doubts["clause count"] == "list read as clauses"
    assert parsed.field_confidence["clause count"] < LOW
    assert "clauses" in rows_to_check(parsed.field_confidence)


def test_meeting_dates_that_end_long_before_the_adoption_are_in_doubt():
    parsed = _parsed(
        adopted_on="2024-06-30",
        meeting={"name": "Summit", "ordinal": None, "city": None, "start_date": "2024-01-10",
                 "end_date": "2024-01-11"},
    )  # fmt: skip
    assert set(consistency_doubts(parsed, "")) >= {"meeting dates", "adopted_on"}


def test_an_adoption_during_or_soon_after_the_meeting_is_consistent():
    parsed = _parsed(
        adopted_on="2024-01-11",
        meeting={"name": "Summit", "ordinal": None, "city": None, "start_date": "2024-01-10",
                 "end_date": "2024-01-11"},
    )  # fmt: skip
    assert "meeting dates" not in consistency_doubts(parsed, "")


def test_a_declaration_named_in_the_text_but_not_listed_puts_references_in_doubt():
    parsed = _parsed(title="Statement of the Mayors")
    text = "Recalling the Bangkok Declaration on Urban Resilience of 2019, we agree:"
    assert consistency_doubts(parsed, text)["references"] == "named but not listed"


def test_a_field_whose_reading_changes_with_the_form_is_in_doubt():
    parsed = _parsed(title="Original")

    def reparse(form: str) -> dict:
        # The title is read differently in the wrapped form only.
        return _parsed(title="Other" if form == "wrapped text" else "Original")

    perturbations = dict(PERTURBATIONS)
    try:
        PERTURBATIONS.clear()
        PERTURBATIONS["wrapped"] = lambda text: "wrapped text"
        PERTURBATIONS["spacing"] = lambda text: text
        doubts = doubted_fields("a text", parsed, reparse)
    finally:
        PERTURBATIONS.clear()
        PERTURBATIONS.update(perturbations)
    assert doubts == {"title": "changes when wrapped"}


def test_every_form_keeps_the_words_of_the_text():
    text = "Title\n\n1. We agree to " + "cooperate on water " * 20 + "“now” – today.\n"
    for perturb in PERTURBATIONS.values():
        form = perturb(text)
        assert form.count("cooperate") == 20
        assert "We agree to" in form


def test_field_values_ignore_typography():
    curly = field_values(_parsed(title="Leaders\u2019 Statement"))
    straight = field_values(_parsed(title="Leaders' Statement"))
    assert curly["title"] == straight["title"]


def test_a_field_in_doubt_takes_the_measured_confidence_of_doubted_fields():
    evidence = {"clause count": "numbered", "title": "numbered"}
    calm = field_confidence(evidence, [])
    doubted = field_confidence(evidence, [], {"clause count": "changes when wrapped"})
    assert doubted["clause count"] < LOW <= calm["clause count"]
    assert doubted["title"] == calm["title"]


@pytest.mark.skipif(not SEED.exists(), reason=f"the Hanoi seed is not present at {SEED}")
def test_the_hanoi_declaration_is_read_the_same_in_every_form():
    parsed = parse_declaration(SEED.read_text(encoding="utf-8"))
    assert parsed.doubts == {}
    assert rows_to_check(parsed.field_confidence) == {}


def test_a_short_text_wrapped_as_a_pdf_copy_reads_the_same():
    text = (
        "Riverside Declaration\n\nWe, the mayors of Aland and Borduria, gathered in Riverside "
        "on 18 and 19 November 2013 for the 12th Plenary Meeting, hereby declare:\n\n"
        "1. to cooperate on water;\n\n2. to cooperate on transport;\n\n3. to meet again.\n"
    )
    parsed = parse_declaration(text)
    assert parsed.meeting.name == "12th Plenary Meeting"
    assert parsed.doubts == {}
