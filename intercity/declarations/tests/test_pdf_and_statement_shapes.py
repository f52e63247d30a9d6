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
