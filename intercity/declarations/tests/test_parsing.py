"""Tests for the declaration text parser: the seed, sample texts in many styles, and fuzzing."""

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intercity.declarations.parsing import ParsedDeclaration, parse_declaration
from intercity.declarations.parsing.synthetic import synthetic_declaration

TEXTS = Path(__file__).resolve().parent / "texts"
SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
HANOI = SEEDS / "hanoi-declaration-2013.txt"


def parse_sample(name: str, **kwargs) -> dict:
    return parse_declaration((TEXTS / name).read_text(encoding="utf-8"), **kwargs).to_dict()


def assert_well_typed(parsed: ParsedDeclaration) -> None:
    """Every field has the documented type, and the whole result survives JSON."""
    data = parsed.to_dict()
    json.dumps(data)
    assert isinstance(data["title"], str | None)
    assert isinstance(data["network"], str | None)
    meeting = data["meeting"]
    assert isinstance(meeting["ordinal"], int | None)
    for key in ("name", "city", "start_date", "end_date"):
        assert isinstance(meeting[key], str | None)
    assert all(isinstance(name, str) and name for name in data["participants"])
    assert all(isinstance(paragraph, str) for paragraph in data["opening"])
    for paragraph in data["preamble"]:
        assert isinstance(paragraph["lead"], str | None)
        assert isinstance(paragraph["text"], str)
    assert isinstance(data["operative_intro"], str | None)
    for clause in data["clauses"]:
        assert isinstance(clause["number"], str | None)
        assert isinstance(clause["text"], str)
        assert isinstance(clause["intro"], str | None)
        for item in clause["subitems"]:
            assert isinstance(item["label"], str | None)
            assert isinstance(item["text"], str)
    assert all(isinstance(paragraph, str) for paragraph in data["closing"])
    assert all(isinstance(name, str) and name for name in data["initiatives"])
    for reference in data["references"]:
        assert isinstance(reference["title"], str)
        assert isinstance(reference["year"], int | None)
        assert isinstance(reference["city"], str | None)
    next_meeting = data["next_meeting"]
    assert isinstance(next_meeting["city"], str | None)
    assert isinstance(next_meeting["year"], int | None)
    assert isinstance(next_meeting["ordinal"], int | None)
    assert isinstance(data["language"], str | None)
    assert all(isinstance(code, str) for code in data["languages"])
    assert isinstance(data["confidence"], float)
    assert 0.0 <= data["confidence"] <= 1.0
    assert isinstance(data["symbol"], str | None)
    assert isinstance(data["adopted_on"], str | None)
    assert set(data["field_confidence"]) == set(data["evidence"])
    assert all(0.0 < value <= 1.0 for value in data["field_confidence"].values())
    assert all(isinstance(rule, str) for rule in data["evidence"].values())
    assert all(isinstance(warning, str) for warning in data["warnings"])
    assert not any(warning.startswith("internal parser error") for warning in data["warnings"])


# The seed: the Hanoi Declaration of 2013 ------------------------------------------------------


@pytest.fixture
def hanoi() -> dict:
    if not HANOI.exists():
        pytest.skip("the Hanoi seed is not present beside the repository")
    return parse_declaration(HANOI.read_text(encoding="utf-8")).to_dict()


def test_hanoi_title_and_network(hanoi):
    assert hanoi["title"] == "Hanoi Declaration"
    assert "ANMC21" in hanoi["network"]


def test_hanoi_meeting(hanoi):
    meeting = hanoi["meeting"]
    assert meeting["ordinal"] == 12
    assert "12th Plenary Meeting" in meeting["name"]
    assert meeting["city"] == "Hanoi"
    assert meeting["start_date"] == "2013-11-18"
    assert meeting["end_date"] == "2013-11-19"


def test_hanoi_participants_are_the_eight_cities_as_printed(hanoi):
    assert hanoi["participants"] == [
        "Bangkok",
        "Hanoi",
        "Jakarta",
        "Kuala Lumpur",
        "Seoul",
        "Singapore",
        "Tokyo",
        "Tomsk",
    ]


def test_hanoi_has_exactly_six_preamble_paragraphs_with_their_leads(hanoi):
    assert [paragraph["lead"] for paragraph in hanoi["preamble"]] == [
        "With recognition of",
        "Being aware",
        "Responding to",
        "Recalling",
        "Acknowledging",
        "Having conducted",
    ]


def test_hanoi_clauses_are_numbered_one_to_five(hanoi):
    assert [clause["number"] for clause in hanoi["clauses"]] == ["1", "2", "3", "4", "5"]
    assert hanoi["clauses"][0]["text"].startswith("to further strengthen")


def test_hanoi_clause_two_keeps_its_list_of_energy_issues(hanoi):
    text = hanoi["clauses"][1]["text"]
    assert "such as" in text
    assert "energy management" in text
    assert "energy-saving label" in text


def test_hanoi_clause_three_has_sub_items_a_and_b(hanoi):
    clause = hanoi["clauses"][2]
    assert [item["label"] for item in clause["subitems"]] == ["a", "b"]
    assert "Platform for Technology and Industry" in clause["subitems"][0]["text"]
    assert "Education for Urban Solutions" in clause["subitems"][1]["text"]
    assert clause["intro"].startswith("to agree on reviewing joint projects")


def test_hanoi_references_the_2010_tokyo_declaration(hanoi):
    assert {"title": "2010 Tokyo Declaration", "year": 2010, "city": "Tokyo"} in hanoi["references"]


def test_hanoi_next_meeting_is_the_13th_in_tomsk_in_2014(hanoi):
    assert hanoi["next_meeting"] == {"city": "Tomsk", "year": 2014, "ordinal": 13}


def test_hanoi_closing_paragraphs_are_not_part_of_clause_five(hanoi):
    assert len(hanoi["closing"]) == 2
    assert "Olympic" in hanoi["closing"][0]
    assert "Manila" in hanoi["closing"][1]
    assert "Olympic" not in hanoi["clauses"][4]["text"]
    assert "Manila" not in hanoi["clauses"][4]["text"]


def test_hanoi_initiatives_language_and_confidence(hanoi):
    assert hanoi["initiatives"] == [
        "Platform for Technology and Industry",
        "Pilot Program",
        "Education for Urban Solutions",
    ]
    assert hanoi["language"] == "en"
    assert hanoi["confidence"] >= 0.9
    assert hanoi["warnings"] == []


def test_hanoi_participants_match_known_cities_without_warnings():
    if not HANOI.exists():
        pytest.skip("the Hanoi seed is not present beside the repository")
    known = ["Bangkok", "Hanoi", "Jakarta", "Kuala Lumpur", "Seoul", "Singapore", "Tokyo"]
    known += ["Tomsk", "Taipei", "Yangon", "Ulaanbaatar", "New Delhi", "Metropolitan Manila"]
    parsed = parse_declaration(HANOI.read_text(encoding="utf-8"), known_cities=known)
    assert len(parsed.participants) == 8
    assert parsed.warnings == []


def test_hanoi_flattened_onto_one_line_keeps_its_structure():
    if not HANOI.exists():
        pytest.skip("the Hanoi seed is not present beside the repository")
    flat = " ".join(HANOI.read_text(encoding="utf-8").split())
    parsed = parse_declaration(flat)
    assert [clause.number for clause in parsed.clauses] == ["1", "2", "3", "4", "5"]
    assert len(parsed.preamble) == 6
    assert parsed.meeting.ordinal == 12
    assert parsed.next_meeting.city == "Tomsk"


# Sample texts in other styles -----------------------------------------------------------------


def test_numbered_with_parentheses():
    data = parse_sample("numbered_parenthesis.txt")
    assert data["title"] == "Riverside Declaration on Flood Resilience"
    assert data["network"] == "NORTHERN RIVER CITIES FORUM"
    assert data["meeting"] == {
        "ordinal": 7,
        "name": "7th Annual Summit",
        "city": "Brennick",
        "start_date": "2015-11-18",
        "end_date": "2015-11-19",
    }
    assert data["participants"] == ["Aldport", "Brennick", "Caswell", "Dunmore"]
    assert [p["lead"] for p in data["preamble"]] == ["Noting", "Recognising", "Welcoming"]
    assert [clause["number"] for clause in data["clauses"]] == ["1", "2", "3", "4"]
    assert data["initiatives"] == ["River Watch Exchange"]
    assert data["next_meeting"] == {"city": "Caswell", "year": 2016, "ordinal": 8}
    assert data["closing"] == ["We thank the people of Brennick for their warm welcome."]


def test_lettered_clauses_with_roman_sub_items():
    data = parse_sample("lettered_with_roman_subitems.txt")
    assert [clause["number"] for clause in data["clauses"]] == ["a", "b", "c"]
    clause_b = data["clauses"][1]
    assert [item["label"] for item in clause_b["subitems"]] == ["i", "ii", "iii"]
    assert clause_b["intro"].endswith("in particular:")
    assert data["meeting"]["start_date"] == "2016-05-10"
    assert data["meeting"]["end_date"] == "2016-05-12"
    assert data["meeting"]["ordinal"] == 3
    assert data["participants"] == ["Porto Verde", "Saltmarsh", "Kestrel Bay"]
    assert data["references"][0]["year"] == 2012
    assert data["warnings"] == []


def test_be_it_resolved_paragraphs_are_clauses():
    data = parse_sample("resolution_be_it_resolved.txt")
    assert [p["lead"] for p in data["preamble"]] == ["WHEREAS"] * 3
    assert len(data["clauses"]) == 3
    assert data["clauses"][0]["text"].startswith("NOW, THEREFORE, BE IT RESOLVED")
    assert data["clauses"][2]["text"].startswith("BE IT FURTHER RESOLVED")
    assert data["closing"] == ["ADOPTED this 4th day of June 2019 at Millbrook."]
    assert data["network"] == "Lakeland Municipal League"
    assert data["meeting"]["start_date"] == "2019-06-04"
    assert "no numbered clauses found" not in data["warnings"]


def test_a_statement_without_numbers_reads_its_paragraphs_as_clauses_with_a_warning():
    data = parse_sample("prose_without_clauses.txt")
    assert [clause["number"] for clause in data["clauses"]] == [None, None]
    assert data["clauses"][0]["text"].startswith("Our towns have lived from snow")
    assert "no operative marker found; paragraphs after the opening are clauses" in data["warnings"]
    assert data["preamble"] == []
    assert data["opening"][0].startswith("The mayors of Alpenfeld")
    assert data["closing"] == ["We thank Snowgate for hosting this meeting."]
    assert data["participants"] == ["Alpenfeld", "Corvara Alta", "Snowgate"]
    assert data["meeting"]["city"] == "Snowgate"
    assert data["confidence"] < 0.5


def test_bilingual_english_japanese_keeps_translations_with_their_clauses():
    data = parse_sample("bilingual_english_japanese.txt")
    assert data["title"] == "Seaside Declaration"
    assert [clause["number"] for clause in data["clauses"]] == ["1", "2", "3"]
    assert "津波警報" in data["clauses"][0]["text"]
    assert "第6回総会" in data["clauses"][2]["text"]
    assert data["closing"] == []
    assert set(data["languages"]) == {"en", "ja"}
    assert data["meeting"]["ordinal"] == 5
    assert data["next_meeting"] == {"city": "Seabright", "year": 2018, "ordinal": 6}
    assert {"title": "2014年ミナト宣言", "year": 2014, "city": "ミナト"} in data["references"]


def test_german_erklaerung():
    data = parse_sample("german_erklaerung.txt")
    assert data["title"] == "Erklärung von Rheinfeld"
    assert data["network"] == "Netzwerk der Städte am Oberrhein"
    assert data["language"] == "de"
    assert data["meeting"] == {
        "ordinal": 9,
        "name": "9. Plenarsitzung",
        "city": "Rheinfeld",
        "start_date": "2014-11-30",
        "end_date": "2014-12-02",
    }
    assert data["participants"] == ["Rheinfeld", "Kehlbach", "Lindenau", "Mittelstadt"]
    assert [p["lead"] for p in data["preamble"]] == ["In Anerkennung", "Eingedenk"]
    assert data["operative_intro"] == "Wir erklären hiermit:"
    assert len(data["clauses"]) == 3
    assert data["initiatives"] == ["Saubere Luft am Oberrhein"]
    assert data["next_meeting"] == {"city": "Kehlbach", "year": 2015, "ordinal": 10}


def test_one_line_document():
    data = parse_sample("one_line.txt")
    assert data["title"] == "Lakeshore Declaration"
    assert data["network"] == "GREAT LAKES TOWNS ALLIANCE (GLTA)"
    assert [p["lead"] for p in data["preamble"]] == ["Recalling", "Noting"]
    assert [clause["number"] for clause in data["clauses"]] == ["1", "2", "3"]
    assert [item["label"] for item in data["clauses"][1]["subitems"]] == ["a", "b"]
    assert data["closing"] == ["On this occasion we thank Eastwick for its hospitality."]
    assert data["meeting"]["start_date"] == "2019-06-05"
    assert data["next_meeting"] == {"city": "Southmere", "year": 2020, "ordinal": 5}


def test_roman_numbered_sections_with_numbered_items():
    data = parse_sample("roman_sections.txt")
    assert [clause["number"] for clause in data["clauses"]] == ["I", "II", "III"]
    assert data["clauses"][0]["intro"] == "Water"
    assert [item["label"] for item in data["clauses"][1]["subitems"]] == ["1", "2"]
    assert data["meeting"]["ordinal"] == 12
    assert data["meeting"]["start_date"] == "2014-11-18"
    assert data["meeting"]["end_date"] == "2014-12-02"
    assert data["next_meeting"] == {"city": "Oasis Springs", "year": 2016, "ordinal": 13}


def test_article_style_keeps_multi_paragraph_articles():
    data = parse_sample("articles.txt")
    assert [clause["number"] for clause in data["clauses"]] == ["1", "2", "3"]
    assert "observers" in data["clauses"][2]["text"]
    assert data["closing"] == ["Done at Costa Ferro, 12 March 2020."]
    assert data["preamble"] == []
    assert data["operative_intro"].endswith("have agreed as follows:")
    assert data["participants"] == ["Bellamare", "Costa Ferro", "Vallonga"]


def test_bulleted_clauses():
    data = parse_sample("bulleted.txt")
    assert len(data["clauses"]) == 3
    assert all(clause["number"] is None for clause in data["clauses"])
    assert data["clauses"][0]["text"].startswith("make all new city buses electric")
    assert data["closing"] == ["Signed in Cedarton, 9 September 2021."]
    assert "no numbered clauses found" not in data["warnings"]


def test_table_borders_are_ignored():
    data = parse_sample("table_bordered.txt")
    assert data["title"] == "Hillside Declaration"
    assert [clause["number"] for clause in data["clauses"]] == ["1", "2"]
    assert data["meeting"]["start_date"] == "2019-04-02"
    assert not any("│" in clause["text"] or "|" in clause["text"] for clause in data["clauses"])


def test_hard_wrapped_text_with_parenthesised_numbers():
    data = parse_sample("wrapped_hard.txt")
    assert [clause["number"] for clause in data["clauses"]] == ["1", "2", "3"]
    assert data["clauses"][0]["text"].endswith("agreed by our water utilities;")
    assert [p["lead"] for p in data["preamble"]] == ["Acknowledging", "Taking note of"]
    assert data["meeting"]["ordinal"] == 6
    assert data["meeting"]["start_date"] == "2014-11-30"
    assert data["meeting"]["end_date"] == "2014-12-02"
    assert data["next_meeting"] == {"city": "Palm Harbour", "year": 2015, "ordinal": 7}


def test_vietnamese():
    data = parse_sample("vietnamese.txt")
    assert data["language"] == "vi"
    assert data["meeting"]["ordinal"] == 3
    assert data["meeting"]["start_date"] == "2013-11-18"
    assert data["participants"] == ["Hạ Long", "Huế", "Cần Thơ"]
    assert len(data["clauses"]) == 2


def test_thai_with_known_cities():
    data = parse_sample("thai.txt", known_cities=["เชียงราย", "ลำปาง", "น่าน"])
    assert data["language"] == "th"
    assert data["participants"] == ["เชียงราย", "ลำปาง", "น่าน"]
    assert len(data["clauses"]) == 2
    assert len(data["preamble"]) == 1


@pytest.mark.parametrize("path", sorted(TEXTS.glob("*.txt")), ids=lambda path: path.name)
def test_every_sample_parses_well_typed(path):
    assert_well_typed(parse_declaration(path.read_text(encoding="utf-8")))


# Small cases ------------------------------------------------------------------------------


def test_empty_text():
    parsed = parse_declaration("")
    assert_well_typed(parsed)
    assert parsed.clauses == []
    assert "no numbered clauses found" in parsed.warnings
    assert parsed.language is None


@pytest.mark.parametrize(
    "text",
    [
        " \n\t\n ",
        "\x00\x01\x02\x1b[31m\x7f",
        "1.",
        "- ",
        "(",
        "I.",
        "┌─┬─┐\n│ │ │\n└─┴─┘",
        "||||\n----\n====",
        "We hereby declare:",
        "BE IT RESOLVED",
        "第1条",
        "①②③",
        "\u2028\u2029\x85",
        "\ud7ff\ue000\U0010ffff",
    ],
)
def test_odd_inputs_never_raise(text):
    assert_well_typed(parse_declaration(text))


def test_non_string_input_is_tolerated():
    assert_well_typed(parse_declaration(b"1. to cooperate;"))  # type: ignore[arg-type]
    assert_well_typed(parse_declaration(None))  # type: ignore[arg-type]


def test_number_without_space_after_dot():
    parsed = parse_declaration("Hereby we declare:\n\n1.to cooperate;\n\n2.to share data.")
    assert [clause.number for clause in parsed.clauses] == ["1", "2"]
    assert parsed.clauses[0].text == "to cooperate;"


def test_numbered_list_without_marker_phrase():
    parsed = parse_declaration(
        "Joint Declaration\n\nRecalling our work;\n\n1. to meet;\n2. to act."
    )
    assert [clause.number for clause in parsed.clauses] == ["1", "2"]
    assert len(parsed.preamble) == 1
    assert any("no operative marker" in warning for warning in parsed.warnings)


def test_a_skipped_clause_number_is_reported():
    parsed = parse_declaration("We declare:\n\n1. to meet;\n\n2. to act;\n\n4. to report.")
    assert [clause.number for clause in parsed.clauses] == ["1", "2", "4"]
    assert any("skips from 2 to 4" in warning for warning in parsed.warnings)


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("held in Hanoi from November 18 to 19, 2013.", "2013-11-18", "2013-11-19"),
        ("held in Hanoi, 18–19 November 2013.", "2013-11-18", "2013-11-19"),
        ("held in Hanoi, 18-19 Nov. 2013.", "2013-11-18", "2013-11-19"),
        ("held in Hanoi from 2013-11-18 to 2013-11-19.", "2013-11-18", "2013-11-19"),
        ("held in Hanoi, November 30 - December 2, 2014.", "2014-11-30", "2014-12-02"),
        ("held in Hanoi from 18 November to 2 December 2014.", "2014-11-18", "2014-12-02"),
        ("held in Hanoi on 19 November 2013.", "2013-11-19", "2013-11-19"),
        ("held in Hanoi from December 30, 2013 to January 2, 2014.", "2013-12-30", "2014-01-02"),
        ("held in Hanoi, 2013年11月18日～19日.", "2013-11-18", "2013-11-19"),
    ],
)
def test_meeting_date_formats(sentence, start, end):
    parsed = parse_declaration(
        f"We, the representatives of A and B, met at the 12th Meeting, {sentence}"
    )
    assert parsed.meeting.start_date == start
    assert parsed.meeting.end_date == end
    assert parsed.meeting.city == "Hanoi"


def test_word_ordinal_meeting():
    parsed = parse_declaration("The Twelfth Plenary Meeting was held in Seoul on 3 May 2010.")
    assert parsed.meeting.ordinal == 12
    assert parsed.meeting.name == "Twelfth Plenary Meeting"
    assert parsed.meeting.city == "Seoul"


def test_unknown_participant_is_kept_with_a_warning():
    text = "We, the representatives of Bangkok, Atlantis and Seoul, participated in the meeting."
    parsed = parse_declaration(text, known_cities=["Bangkok", "Seoul"])
    assert parsed.participants == ["Bangkok", "Atlantis", "Seoul"]
    assert "participant not among known cities: Atlantis" in parsed.warnings


def test_participants_found_from_known_cities_without_a_list_phrase():
    parsed = parse_declaration("Seoul and Tokyo met in Tokyo.", known_cities=["Tokyo", "Seoul"])
    assert parsed.participants == ["Seoul", "Tokyo"]


# Performance ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        synthetic_declaration(1_000_000),
        " ".join(synthetic_declaration(1_000_000).split()),
        "1. " * 300_000,
        "(" * 1_000_000,
        "a" * 1_000_000,
        "; Recalling " * 80_000,
        "We hereby declare: " * 50_000,
        "“" * 500_000 + "”" * 500_000,
        "18 November " * 80_000,
        "representatives of " * 50_000,
        "Tokyo, " * 140_000,
        "|┌─" * 300_000,
        "\n" * 1_000_000,
        "- a. " * 200_000,
    ],
    ids=lambda text: f"{text[:12]!r}x{len(text)}",
)
def test_one_megabyte_inputs_parse_well_typed(text):
    # How fast is measured by benchmarks/declarations.py; here the parse must finish.
    parsed = parse_declaration(text, known_cities=["Alpha", "Beta", "Tokyo"])
    assert_well_typed(parsed)


def test_large_document_keeps_every_clause():
    text = synthetic_declaration(200_000)
    parsed = parse_declaration(text)
    assert len(parsed.clauses) == text.count("such as")
    assert all([item.label for item in clause.subitems] == ["a", "b"] for clause in parsed.clauses)
    assert parsed.clauses[0].text.startswith("to cooperate on “Project 1”")


# Properties -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_parses_well_typed(text):
    assert_well_typed(parse_declaration(text))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=2000), st.lists(st.text()))
def test_any_text_with_any_known_cities_parses_well_typed(text, cities):
    assert_well_typed(parse_declaration(text, known_cities=cities))


_FRAGMENTS = [
    "1.",
    "2)",
    "(3)",
    "IV.",
    "- a.",
    "(b)",
    "•",
    "Article 2",
    "We hereby declare:",
    "BE IT RESOLVED that",
    "Recalling",
    "Whereas",
    "On this occasion",
    "held in Hanoi",
    "18–19 November 2013",
    "the 12th Plenary Meeting",
    "representatives of Bangkok, Hanoi and Tokyo,",
    "to host the 13th Plenary Meeting in 2014",
    "“Pilot Program”",
    "2010 Tokyo Declaration",
    "宣言する。",
    "Wir erklären hiermit:",
    "│",
    "┌─",
    "\x00",
    "\r\n",
    "\n\n",
    ";",
    ":",
    "such as",
    "United Nations A/RES/74/212",
    "Distr.: General 22 January 2020",
    "74/212. International Day of Clean Air",
    "The General Assembly,",
    "Decides to designate",
    "Calls upon all States",
    "Adopts the following declaration:",
    "2/4",
    "21-13440",
    "__________________",
    "1  See A/CONF.189/12.",
    "We, the leaders of Japan, the Republic of Korea (ROK), and the United States, met in",
    "U.S.-ROK Leaders’ Joint Statement",
    "First, we resolve",
    "Second, we commit",
    "September 29, 2022",
    "Signed at Kuala Lumpur on October 26, 2025",
    "– will work",
    "1.5 degrees",
    "<!-- -->",
    "を想起し、",
    "제14차 총회",
    "第十五次全体会议",
    "ครั้งที่ 16",
    "Pertemuan Pleno ke-17",
    "13-м пленарном заседании",
    "Заявляем следующее:",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=20)),
        max_size=60,
    ),
    st.sampled_from(["", " ", "\n", "\n\n"]),
)
def test_documents_built_from_declaration_fragments_parse_well_typed(fragments, separator):
    assert_well_typed(parse_declaration(separator.join(fragments)))


_STYLES = {
    "dot": lambda n: f"{n}.",
    "paren": lambda n: f"({n})",
    "close-paren": lambda n: f"{n})",
    "roman": lambda n: f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][n - 1]}.",
    "letter": lambda n: f"{'abcdefgh'[n - 1]}.",
    "article": lambda n: f"Article {n}",
    "fullwidth": lambda n: f"{chr(0xFF10 + n)}．",
}
_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=60).map(
    lambda text: "to " + " ".join(text.split()) if text.split() else "to act"
)


@settings(max_examples=200, deadline=None)
@given(
    style=st.sampled_from(sorted(_STYLES)),
    clause_texts=st.lists(_words, min_size=1, max_size=8),
    preamble_count=st.integers(min_value=0, max_value=4),
    blank_lines=st.booleans(),
    closing=st.booleans(),
)
def test_generated_declarations_yield_their_clauses(
    style, clause_texts, preamble_count, blank_lines, closing
):
    separator = "\n\n" if blank_lines else "\n"
    lines = ["Generated Declaration", "We, the representatives of Alpha and Beta, met."]
    lines += [f"Recalling item {index};" for index in range(preamble_count)]
    lines.append("We hereby declare:")
    for number, text in enumerate(clause_texts, start=1):
        ending = "." if number == len(clause_texts) else ";"
        lines.append(f"{_STYLES[style](number)} {text}{ending}")
    if closing:
        lines.append("Finally, we thank our hosts.")
    parsed = parse_declaration(separator.join(lines))

    assert_well_typed(parsed)
    assert len(parsed.clauses) == len(clause_texts)
    assert [clause.text.rstrip(";.") for clause in parsed.clauses] == clause_texts
    assert len(parsed.preamble) == preamble_count
    assert parsed.closing == (["Finally, we thank our hosts."] if closing else [])
    assert parsed.participants == ["Alpha", "Beta"]


_VERBS = ["Decides", "Urges", "Calls upon", "Requests", "Invites", "Encourages", "Welcomes"]


@settings(max_examples=150, deadline=None)
@given(
    verbs=st.lists(st.sampled_from(_VERBS), min_size=1, max_size=10),
    numbered=st.booleans(),
    preamble_count=st.integers(min_value=1, max_value=4),
)
def test_generated_resolutions_yield_one_clause_per_operative_paragraph(
    verbs, numbered, preamble_count
):
    lines = ["Clean Air for Cities", "The General Assembly,"]
    lines += [
        f"Recalling its resolution {index}/1 on clean air," for index in range(preamble_count)
    ]
    for number, verb in enumerate(verbs, start=1):
        ending = "." if number == len(verbs) else ";"
        lines.append(f"{number}. " * numbered + f"{verb} cities to act on air quality{ending}")
    parsed = parse_declaration("\n\n".join(lines))

    assert_well_typed(parsed)
    assert len(parsed.clauses) == len(verbs)
    assert len(parsed.preamble) == preamble_count
    assert parsed.participants == ["General Assembly"]
