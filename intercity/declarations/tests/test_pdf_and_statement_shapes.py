"""Shapes real declarations come in that the parser must read the way a careful reader does."""

import datetime

from intercity.declarations.parsing import parse_declaration
from intercity.declarations.parsing.dates import find_yearless_date_ranges

STATEMENT = """Joint Statement on the Partnership between Ruritania and Freedonia

August 2, 2031

The Vice President welcomed Prime Minister Anna Sforza to Lakeside, D.C., on
August 2nd to celebrate the partnership between the two countries. The two
sides acknowledged how far their relations have come.

Promoting Inclusive Growth through Innovation, Sustainable Development, and
Digital Transformation

The two leaders reaffirm the importance of innovation-driven growth and agree
to deepen trade between their economies.

The leaders pledge to continue strengthening an open trading system.

Fostering Peace and Stability

Both leaders underscore their support for freedom of navigation.
"""


def test_a_day_printed_without_its_year_takes_the_year_of_the_document():
    facts = parse_declaration(STATEMENT).to_dict()
    assert facts["adopted_on"] == "2031-08-02"
    assert facts["meeting"]["city"] == "Lakeside"
    assert (facts["meeting"]["start_date"], facts["meeting"]["end_date"]) == (
        "2031-08-02",
        "2031-08-02",
    )


def test_a_wrapped_heading_opening_with_a_participle_is_a_heading_not_a_clause():
    facts = parse_declaration(STATEMENT).to_dict()
    texts = [clause["text"] for clause in facts["clauses"]]
    assert not any(text.startswith(("Promoting", "Fostering")) for text in texts)
    assert any(text.startswith("The two leaders reaffirm") for text in texts)
    assert any(text.startswith("Both leaders underscore") for text in texts)
    assert facts["preamble"] == []


def test_a_yearless_day_after_the_document_date_belongs_to_the_year_before():
    reference = datetime.date(2031, 1, 3)
    (found,) = find_yearless_date_ranges("the leaders met on December 30 in Lakeside", reference)
    assert found.start == datetime.date(2030, 12, 30)
    (both,) = find_yearless_date_ranges("they met on 18-19 November", datetime.date(2031, 12, 1))
    assert (both.start, both.end) == (datetime.date(2031, 11, 18), datetime.date(2031, 11, 19))


RESOLUTION = """Resolution adopted by the General Assembly on 1 March 2031

Eighty-fifth session

The General Assembly,

Recalling decision 14/30 on cooperation with other conventions, adopted at the
fourteenth meeting of the Conference of the Parties, in which the parties
welcomed the initiative of the Government of Ruritania to promote a coherent
approach,

Welcoming the efforts under the Convention to Combat
Desertification
in
those
Countries
Experiencing
Serious
Drought
and/or
Desertification, Particularly in Ruritania, to support the development of viable
projects on land rehabilitation,

Noting the importance of the Declaration of the Conference on the Human
Environment (Lakeside Declaration) and of the Ruritania Declaration on Water,

1. Decides to proclaim the decade of restoration;

2. Invites Member States to support the decade.
"""


def test_a_preamble_naming_another_body_s_meeting_does_not_make_it_the_meeting():
    facts = parse_declaration(RESOLUTION).to_dict()
    assert facts["meeting"]["ordinal"] == 85
    assert facts["meeting"]["name"] == "Eighty-fifth session"


def test_words_a_pdf_copy_put_one_a_line_stay_in_their_paragraph():
    facts = parse_declaration(RESOLUTION).to_dict()
    assert len(facts["preamble"]) == 3
    assert len(facts["clauses"]) == 2


def test_a_short_name_in_brackets_is_the_same_declaration_not_another():
    references = parse_declaration(RESOLUTION).to_dict()["references"]
    titles = [reference["title"] for reference in references if "Declaration" in reference["title"]]
    assert titles == [
        "Declaration of the Conference on the Human Environment (Lakeside Declaration)",
        "Ruritania Declaration on Water",
    ]


SUMMIT_STATEMENT = """Leaders’ Joint Statement

20 May 2031, Lakeside

Today, we — Prime Minister Anna Sforza of Ruritania, Prime Minister Carl Berg of
Freedonia, and President Joseph R. Lang, Jr. of the United States — met for the
third in-person Leaders’ Summit, hosted by Prime Minister Sforza.

Together, we reaffirm our commitment to an open region.

We will work together on clean energy. Our security Alliance is stronger
than ever; the President reaffirmed the commitment to the defense of Freedonia
under
Article V of the Treaty of Mutual Cooperation, using its full range of
capabilities.

We will meet again next year.
"""


def test_a_dateline_gives_place_and_day_of_a_meeting_held_today():
    facts = parse_declaration(SUMMIT_STATEMENT).to_dict()
    meeting = facts["meeting"]
    assert (meeting["city"], meeting["start_date"], meeting["end_date"]) == (
        "Lakeside",
        "2031-05-20",
        "2031-05-20",
    )
    assert meeting["ordinal"] == 3


def test_leaders_listed_between_dashes_give_their_states_whatever_their_initials():
    facts = parse_declaration(SUMMIT_STATEMENT).to_dict()
    assert facts["participants"] == ["Ruritania", "Freedonia", "United States"]


def test_an_article_cited_at_the_start_of_a_wrapped_line_does_not_start_a_clause():
    facts = parse_declaration(SUMMIT_STATEMENT).to_dict()
    texts = [clause["text"] for clause in facts["clauses"]]
    assert len(texts) == 3
    assert "Article V of the Treaty" in texts[1]


def test_a_country_welcomed_to_is_not_the_meeting_city():
    text = """Joint Statement from Ruritania and India

Prime Minister Sforza welcomed President Lang to India today for a state visit.

The leaders agree to deepen trade.

The leaders agree to cooperate on clean energy.

The leaders agree to meet again.
"""
    assert parse_declaration(text).to_dict()["meeting"]["city"] is None


def test_a_long_title_naming_its_parties_is_neither_clause_nor_opening():
    title = (
        "Joint Statement by President Anna Sforza of the Republic of Ruritania and President "
        "Carl Berg of the Republic of Freedonia on Guidelines for Cooperation on the Northern "
        "Shore of the Great Lake and Beyond"
    )
    text = (
        title
        + """

President Anna Sforza of the Republic of Ruritania and President Carl Berg of the Republic of
Freedonia met on July 11, 2031 to review their cooperation.

The two presidents endorse the guidelines.

The presidents reaffirm their commitments.
"""
    )
    facts = parse_declaration(text).to_dict()
    assert facts["participants"] == ["Republic of Ruritania", "Republic of Freedonia"]
    assert len(facts["clauses"]) == 2
    assert facts["meeting"]["start_date"] == "2031-07-11"


def test_the_meeting_told_in_the_second_numbered_paragraph_is_found():
    text = """Lakeside Leaders’ Declaration

1. We, the Leaders of the Group, are committed to recovery.

2. We met in Lakeside on 15-16 November 2031, at a time of great challenges.

3. We will act together on food security.
"""
    meeting = parse_declaration(text).to_dict()["meeting"]
    assert (meeting["city"], meeting["start_date"], meeting["end_date"]) == (
        "Lakeside",
        "2031-11-15",
        "2031-11-16",
    )
