"""Per-field confidence of the declaration parser."""

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.confidence import LOW, field_confidence, rows_to_check


def test_a_rule_seen_on_many_labelled_texts_is_trusted_and_an_unseen_one_is_not():
    confidence = field_confidence({"title": "numbered", "participants": "unheard-of"}, [])
    assert confidence["title"] >= LOW
    assert confidence["participants"] < LOW


def test_a_numbering_warning_lowers_the_clauses_confidence():
    evidence = {"clause count": "numbered", "title": "numbered"}
    calm = field_confidence(evidence, [])
    warned = field_confidence(evidence, ["clause numbering skips from 2 to 4"])
    assert warned["clause count"] < calm["clause count"]
    assert warned["title"] == calm["title"]


def test_rows_to_check_name_the_preview_rows_of_weak_fields():
    weak = rows_to_check({"title": 0.95, "meeting city": 0.5, "meeting dates": 0.9})
    assert weak == {"meeting": 0.5}


def test_a_text_with_no_title_or_participants_asks_for_both_to_be_checked():
    parsed = parse_declaration("A friendly letter about the weather in spring.")
    assert parsed.evidence["title"] == "none"
    assert {"title", "participants"} <= set(rows_to_check(parsed.field_confidence))
