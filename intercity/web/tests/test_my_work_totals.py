"""A long section of "my work" shows its first twenty items and says truly how many more wait,
and meetings that are over but still planned ask whoever runs them for their outcome."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intercity.declarations.models import Declaration
from intercity.meetings.models import Meeting
from intercity.testing.declaration_factories import DeclarationFactory
from intercity.testing.factories import MeetingFactory

pytestmark = pytest.mark.django_db
URL = reverse("web:my-work")


def section(page: str, key: str) -> str:
    return page.split(f'id="work-{key}"')[1].split("</section>")[0]


def test_a_long_section_says_how_many_more_there_are_and_the_header_counts_them_all(
    client_for, cast
):
    for index in range(27):
        DeclarationFactory(title=f"Imported {index}", status=Declaration.Status.DRAFT)
    client = client_for(cast.secretariat)

    page = client.get(URL).content.decode()

    imports = section(page, "imports")
    assert imports.count("<li") == 20
    assert "and 7 more" in imports
    assert "27 things wait for you" in page


def test_counting_them_all_costs_no_query_more(client_for, cast):
    client = client_for(cast.secretariat)
    DeclarationFactory(status=Declaration.Status.DRAFT)
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for _index in range(30):
        DeclarationFactory(status=Declaration.Status.DRAFT)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)

    assert len(many) == len(few)


def test_meetings_over_but_still_planned_wait_for_whoever_runs_them(client_for, cast):
    day = datetime.date(2018, 6, 1)
    MeetingFactory(
        title="Past dialogue", host_city=cast.home, year=2018, start_date=day, end_date=day
    )
    MeetingFactory(
        title="Undated forum", host_city=cast.home, year=2015, start_date=None, end_date=None
    )
    MeetingFactory(
        title="Held seminar",
        host_city=cast.home,
        start_date=day,
        end_date=day,
        status=Meeting.Status.HELD,
    )
    MeetingFactory(title="Coming expo", host_city=cast.home)  # 2030
    MeetingFactory(
        title="Other city's past fair", host_city=cast.other, start_date=day, end_date=day
    )

    own = section(client_for(cast.focal_point).get(URL).content.decode(), "outcomes")
    assert "Past dialogue" in own and "Undated forum" in own
    assert "2015, no dates recorded, still marked planned" in own
    for absent in ("Held seminar", "Coming expo", "Other city&#x27;s past fair"):
        assert absent not in own
    assert own.index("Undated forum") < own.index("Past dialogue")  # the longest over first

    every = section(client_for(cast.secretariat).get(URL).content.decode(), "outcomes")
    assert "Other city&#x27;s past fair" in every and "Past dialogue" in every

    experts = client_for(cast.expert).get(URL).content.decode()
    assert 'id="work-outcomes"' not in experts
