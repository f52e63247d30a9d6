"""The parser on real declarations written by others, scored against hand-labelled facts.

The texts live beside the repository in ../shared/corpus/declarations and are never copied
here; the labels (facts only) are in corpus_labels.json. Without the texts the tests skip.
"""

import json
import os
from pathlib import Path

import pytest

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.confidence import LOW, rows_to_check
from intercity.declarations.parsing.evaluation import field_results, numbering_runs, shares

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2].parent / "shared" / "corpus" / "declarations"
LABELS = [
    label
    for label in json.loads((HERE / "corpus_labels.json").read_text(encoding="utf-8"))["labels"]
    if not label.get("calibration_only")
]
MEMBERS = ["Bangkok", "Hanoi", "Jakarta", "Seoul", "Singapore", "Tokyo", "Tomsk"]

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the declarations corpus is not present at {CORPUS}"
)


def parsed(name: str) -> dict:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return parse_declaration(text, known_cities=MEMBERS).to_dict()


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, bool]]:
    return {label["file"]: field_results(parsed(label["file"]), label) for label in LABELS}


def test_at_least_25_texts_are_labelled_and_some_held_out():
    assert len(LABELS) >= 25
    assert any(label["held_out"] for label in LABELS)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name)
def test_every_corpus_text_parses_without_an_internal_error(path):
    data = parse_declaration(path.read_text(encoding="utf-8")).to_dict()
    json.dumps(data)
    assert not any(warning.startswith("internal parser error") for warning in data["warnings"])
    assert data["clauses"]


def test_operative_clauses_meeting_dates_and_participants_reach_their_targets(results):
    rows = [results[label["file"]] for label in LABELS if not label["held_out"]]
    share = shares(rows)
    assert share["clause count"] >= 0.9
    assert share["meeting dates"] >= 0.85
    assert share["participants"] >= 0.85


def test_a_resolution_keeps_its_symbol_adoption_date_and_session_apart():
    data = parsed("24_un-a-res-74-212-clean-air-day.txt")
    assert data["title"] == "International Day of Clean Air for blue skies"
    assert data["symbol"] == "A/RES/74/212"
    assert data["adopted_on"] == "2019-12-19"
    # The date the document was issued (22 January 2020) is not the meeting's.
    assert (data["meeting"]["ordinal"], data["meeting"]["start_date"]) == (74, "2019-12-19")
    assert data["participants"] == ["General Assembly"]
    assert numbering_runs(clause["number"] for clause in data["clauses"]) == "1-5"
    assert data["clauses"][0]["text"].startswith("Decides to designate 7 September")


def test_an_annexed_declaration_gives_its_numbered_paragraphs_and_gathering():
    data = parsed("27_un-a-res-76-1-durban-anniversary-declaration.txt")
    assert data["operative_intro"].startswith("Adopts the following political declaration")
    assert numbering_runs(clause["number"] for clause in data["clauses"]) == "1-18"
    assert data["meeting"]["city"] == "New York"
    assert data["meeting"]["start_date"] == "2021-09-22"
    # Page heads, page counters and footnotes do not cut paragraphs or pose as text.
    assert not any("21-13440" in clause["text"] for clause in data["clauses"])


def test_a_summit_statement_names_its_meeting_and_parties():
    data = parsed("14_apec-golden-gate-declaration-2023.txt")
    assert data["meeting"]["city"] == "San Francisco"
    assert (data["meeting"]["start_date"], data["meeting"]["end_date"]) == (
        "2023-11-16",
        "2023-11-17",
    )
    assert data["participants"] == ["APEC"]


def test_an_unnumbered_joint_statement_reads_paragraphs_as_clauses_and_skips_headings():
    data = parsed("02_us-japan-global-partnership-2021.txt")
    assert data["participants"] == ["United States", "Japan"]
    assert len(data["clauses"]) == 13
    assert not any(clause["text"].isupper() for clause in data["clauses"])


def test_an_agreement_keeps_its_signing_date_and_parties():
    data = parsed("19_cambodia-thailand-kuala-lumpur-2025.txt")
    assert data["adopted_on"] == "2025-10-26"
    assert data["participants"] == ["Kingdom of Cambodia", "Kingdom of Thailand"]
    assert data["closing"][0].startswith("Signed at Kuala Lumpur")


def test_fields_found_by_rules_seen_on_few_texts_are_marked_for_checking():
    data = parsed("06_us-australia-japan-telecom-2022.txt")
    assert all(0 < value <= 1 for value in data["field_confidence"].values())
    weak = rows_to_check(data["field_confidence"])
    assert all(value < LOW for value in weak.values())


HOLDOUT = os.environ.get("DECLARATIONS_HOLDOUT_DIR", "")


@pytest.mark.skipif(
    not (HOLDOUT and Path(HOLDOUT).is_dir()),
    reason="the second held-out set is read from DECLARATIONS_HOLDOUT_DIR, which is not set",
)
def test_the_second_held_out_set_reaches_the_targets():
    labels = json.loads((HERE / "holdout_labels.json").read_text(encoding="utf-8"))["labels"]
    rows = []
    for label in labels:
        text = (Path(HOLDOUT) / label["file"]).read_text(encoding="utf-8")
        rows.append(field_results(parse_declaration(text, known_cities=MEMBERS).to_dict(), label))
    share = shares(rows)
    assert len(rows) == 24
    assert share["clause count"] >= 0.9
    assert share["meeting dates"] >= 0.85
    assert share["participants"] >= 0.85
