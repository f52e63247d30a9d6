"""The accountability page searched by words of a commitment or by its reference, and its
CSV and JSON exports holding exactly the commitments the page shows."""

import csv
import io
import json

import pytest
from django.urls import reverse

from intercity.declarations.models import Commitment, SubItem
from intercity.declarations.selectors import commitments_matching
from intercity.testing.declaration_factories import (
    ClauseFactory,
    CommitmentFactory,
    DeclarationFactory,
)
from intercity.testing.factories import CityFactory

pytestmark = pytest.mark.django_db

ACCOUNTABILITY = reverse("declarations:accountability")


def _references(response) -> list[str]:
    return [row.commitment.reference for row in response.context["rows"]]


def test_a_word_of_a_commitment_keeps_it_and_drops_the_others(client, declaration):
    by_title = client.get(ACCOUNTABILITY, {"q": "sensors"})
    by_two_words = client.get(ACCOUNTABILITY, {"q": "FLOOD experiences"})
    assert _references(by_title) == ["2a"]
    assert _references(by_two_words) == ["1"]
    assert "Install shared sensors" in by_title.content.decode()
    assert "flood management" not in by_title.content.decode()


def test_a_reference_finds_its_commitment_and_a_clause_number_its_sub_items(client, declaration):
    assert _references(client.get(ACCOUNTABILITY, {"q": "2b"})) == ["2b"]
    # "2" is also in the year of clause 3's text; clause 1 has neither.
    assert _references(client.get(ACCOUNTABILITY, {"q": "2"})) == ["2a", "2b", "3"]
    assert _references(client.get(ACCOUNTABILITY, {"q": "2 openly"})) == ["2b"]


def test_the_search_keeps_the_declaration_and_city_filters(client, cast, declaration):
    other = DeclarationFactory(title="Harbour Declaration")
    CommitmentFactory(clause=ClauseFactory(declaration=other), title="Clean the flood gates")
    response = client.get(
        ACCOUNTABILITY, {"q": "flood", "declaration": declaration.slug, "city": cast.home.slug}
    )
    assert _references(response) == ["1"]
    assert 'name="q" value="flood"' in response.content.decode()


def test_each_printed_reference_finds_its_commitment():
    declaration = DeclarationFactory()
    plain = ClauseFactory(declaration=declaration, number="4")
    unnumbered = ClauseFactory(declaration=declaration, number="", position=9)
    numbered = ClauseFactory(declaration=declaration, number="12")
    roman = ClauseFactory(declaration=declaration, number="II.1")
    lettered = ClauseFactory(declaration=declaration, number="IV")
    items = [
        (plain, None),
        (unnumbered, None),
        (numbered, SubItem.objects.create(clause=numbered, position=1, label="1", text="x")),
        (numbered, SubItem.objects.create(clause=numbered, position=2, label="b", text="x")),
        (roman, SubItem.objects.create(clause=roman, position=1, label="", bullet=3, text="x")),
        (lettered, SubItem.objects.create(clause=lettered, position=1, label="2", text="x")),
        (unnumbered, SubItem.objects.create(clause=unnumbered, position=1, label="", text="x")),
    ]
    for clause, subitem in items:
        CommitmentFactory(clause=clause, subitem=subitem, title="Work together")
    commitments = Commitment.objects.filter(declaration=declaration)
    references = {c.pk: c.reference for c in commitments}
    assert sorted(references.values()) == sorted(["4", "9", "12(1)", "12b", "II.1(•3)", "IV2", "9"])
    for pk, reference in references.items():
        found = {c.pk for c in commitments_matching(commitments, search=reference)}
        assert pk in found, reference
        assert all(references[other] == reference for other in found), reference


def test_an_empty_matrix_says_nothing_is_recorded_yet(client):
    text = client.get(ACCOUNTABILITY).content.decode()
    assert "No commitments recorded." in text
    assert "No commitment matches these filters." not in text


def test_a_search_finding_nothing_says_so_rather_than_nothing_recorded(client, declaration):
    text = client.get(ACCOUNTABILITY, {"q": "volcano"}).content.decode()
    assert "No commitment matches these filters." in text
    assert "No commitments recorded." not in text


def _commitments(count: int, cities: list) -> None:
    clause = ClauseFactory(declaration=DeclarationFactory())
    for n in range(count):
        CommitmentFactory(clause=clause, title=f"Share flood data {n}", cities=cities)
        CommitmentFactory(clause=clause, title=f"Plant trees {n}", cities=cities)


def test_a_searched_matrix_costs_no_more_queries_for_more_commitments(
    client, django_assert_max_num_queries
):
    cities = [CityFactory(), CityFactory()]
    _commitments(2, cities)
    with django_assert_max_num_queries(16) as small:
        assert len(client.get(ACCOUNTABILITY, {"q": "flood data"}).context["rows"]) == 2
    _commitments(20, [*cities, CityFactory()])
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(ACCOUNTABILITY, {"q": "flood data"})
    assert len(response.context["rows"]) == 22


def test_the_exports_hold_the_commitments_the_search_shows(client, cast, declaration):
    query = {"declaration": declaration.slug, "q": "publish"}
    response = client.get(reverse("declarations:accountability-csv"), query)
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = json.loads(client.get(reverse("declarations:accountability-json"), query).content)
    assert {row["clause"] for row in rows} == {"2b"}
    assert len(rows) == 2  # both member cities carry 2b
    assert {cell["clause"] for cell in cells["cells"]} == {"2b"}
    assert cells["q"] == "publish"


def test_the_download_links_carry_the_search(client, declaration):
    page = client.get(ACCOUNTABILITY, {"q": "flood"}).content.decode()
    assert "accountability.csv?q=flood" in page
    assert "accountability.json?q=flood" in page
    assert "q=flood&amp;city=" in page  # a city's column keeps the search
