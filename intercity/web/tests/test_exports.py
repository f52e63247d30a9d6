"""Public lists download as CSV with the same filters and visibility as the page."""

import csv
import io

import pytest

from intercity.testing.factories import CityFactory, MeetingFactory, ProgrammeFactory


def rows(response):
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.django_db
def test_the_meeting_list_downloads_as_csv_with_its_filters(client):
    host = CityFactory(name="Hanoi")
    MeetingFactory(title="Expert meeting on waste", host_city=host, kind="expert")
    MeetingFactory(title="Trade fair", host_city=host, kind="trade_fair")
    response = client.get("/meetings/?kind=expert&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = rows(response)
    assert table[0][0] == "title"
    assert [row[0] for row in table[1:]] == ["Expert meeting on waste"]


@pytest.mark.django_db
def test_a_meeting_not_yet_public_is_left_out_of_the_public_csv(client):
    MeetingFactory(title="Closed session", is_public=False)
    assert len(rows(client.get("/meetings/?format=csv"))) == 1


@pytest.mark.django_db
def test_cells_that_would_run_as_formulas_are_neutralised(client):
    ProgrammeFactory(name="=HYPERLINK(1)")
    table = rows(client.get("/programmes/?format=csv"))
    assert table[1][0] == "'=HYPERLINK(1)"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/cities/", "/agreements/", "/organisations/"])
def test_every_public_list_offers_a_csv(client, path):
    CityFactory()
    response = client.get(path + "?format=csv")
    assert response.status_code == 200
    assert rows(response)[0]
