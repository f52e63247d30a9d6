"""Declarations written in the network's member languages, read with their own formulas."""

from pathlib import Path

import pytest

from intercity.declarations.parsing import parse_declaration

TEXTS = Path(__file__).resolve().parent / "texts"

# file, title, ordinal, city, dates, participants, preamble paragraphs, clause numbers
EXPECTED = [
    (
        "member_japanese.txt",
        "東京宣言",
        13,
        "東京",
        ("2014-11-18", "2014-11-19"),
        ["バンコク", "ハノイ", "ソウル", "東京"],
        2,
        ["1", "2", "3"],
    ),
    (
        "member_korean.txt",
        "서울 선언",
        14,
        "서울",
        ("2015-10-20", "2015-10-21"),
        ["방콕", "하노이", "도쿄", "서울"],
        2,
        ["1", "2"],
    ),
    (
        "member_chinese.txt",
        "台北宣言",
        15,
        "台北",
        ("2016-11-08", "2016-11-09"),
        ["曼谷", "河内", "首尔", "台北"],
        2,
        ["一", "二", "三"],
    ),
    (
        "member_thai.txt",
        "ปฏิญญากรุงเทพฯ",
        16,
        "กรุงเทพฯ",
        ("2017-11-14", "2017-11-15"),
        ["กรุงเทพฯ", "ฮานอย", "โซล", "โตเกียว"],
        2,
        ["1", "2"],
    ),
    (
        "member_indonesian.txt",
        "Deklarasi Jakarta",
        17,
        "Jakarta",
        ("2018-10-12", "2018-10-13"),
        ["Bangkok", "Hanoi", "Seoul", "Jakarta"],
        2,
        ["1", "2"],
    ),
    (
        "member_russian.txt",
        "Томская декларация",
        13,
        "Томске",
        ("2014-10-20", "2014-10-21"),
        ["Бангкок", "Ханой", "Сеул", "Томск"],
        2,
        ["1", "2"],
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "ordinal", "city", "dates", "participants", "preamble", "numbers"),
    EXPECTED,
    ids=[row[0] for row in EXPECTED],
)
def test_member_language_declaration_is_read_with_its_own_formulas(
    name, title, ordinal, city, dates, participants, preamble, numbers
):
    parsed = parse_declaration((TEXTS / name).read_text(encoding="utf-8"))
    assert parsed.title == title
    assert (parsed.meeting.ordinal, parsed.meeting.city) == (ordinal, city)
    assert (parsed.meeting.start_date, parsed.meeting.end_date) == dates
    assert parsed.participants == participants
    assert len(parsed.preamble) == preamble
    assert [clause.number for clause in parsed.clauses] == numbers
    assert "no operative part found" not in parsed.warnings


def test_a_thai_buddhist_era_year_becomes_the_gregorian_year():
    parsed = parse_declaration((TEXTS / "member_thai.txt").read_text(encoding="utf-8"))
    assert parsed.meeting.start_date.startswith("2017-")


def test_member_cities_take_the_platform_spelling_and_others_stay_as_written():
    text = "We, the mayors of Bangkok, Ha Noi and Vladivostok, met in Bangkok on 1 June 2015."
    parsed = parse_declaration(text, known_cities=["Bangkok", "Hà Nội", "Tomsk"])
    assert parsed.participants == ["Bangkok", "Hà Nội", "Vladivostok"]
    assert "participant not among known cities: Vladivostok" in parsed.warnings
