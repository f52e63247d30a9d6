"""Declarations of the families real texts come in, written here: agreements and summits."""

from pathlib import Path

from intercity.declarations.parsing import parse_declaration

TEXTS = Path(__file__).resolve().parent / "texts"
MEMBERS = ["Hanoi", "Tokyo", "Bangkok", "Jakarta", "Metro Manila", "Yangon"]


def parse(name: str):
    return parse_declaration((TEXTS / name).read_text(encoding="utf-8"), known_cities=MEMBERS)


def test_an_agreement_gives_its_articles_parties_and_signature():
    parsed = parse("agreement_articles.txt")
    assert [clause.number for clause in parsed.clauses] == ["1", "2", "3"]
    # "the City of Hanoi" and "the Tokyo Metropolitan Government" are member cities.
    assert parsed.participants == ["Hanoi", "Tokyo"]
    assert parsed.operative_intro == "Have agreed as follows:"
    assert parsed.adopted_on == "2013-11-19"
    assert parsed.closing[0].startswith("Signed at Hanoi")
    assert parsed.closing[1:] == ["For the City of Hanoi", "For the Tokyo Metropolitan Government"]


def test_a_mayors_summit_declaration_keeps_its_meeting_and_its_date_of_adoption_apart():
    parsed = parse("summit_mayors.txt")
    assert (parsed.meeting.ordinal, parsed.meeting.city) == (2, "Bangkok")
    assert (parsed.meeting.start_date, parsed.meeting.end_date) == ("2016-03-03", "2016-03-04")
    assert parsed.adopted_on == "2016-03-04"
    assert parsed.participants == ["Bangkok", "Jakarta", "Metro Manila", "Yangon"]
    assert [paragraph.lead for paragraph in parsed.preamble] == ["Concerned", "Welcoming"]
    assert [clause.number for clause in parsed.clauses] == ["a", "b", "c"]
    assert parsed.closing == ["Done at Bangkok on 4 March 2016."]
