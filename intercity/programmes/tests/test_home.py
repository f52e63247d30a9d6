"""The home page counts every active programme, though its card lists only the first."""

import datetime

import pytest

from intercity.programmes.models import Programme
from intercity.testing.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_every_active_programme_not_only_those_it_lists(client):
    for _index in range(11):
        ProgrammeFactory()
    ProgrammeFactory(status=Programme.Status.CLOSED)
    ProgrammeFactory(end_date=datetime.date(2001, 1, 1))

    page = client.get("/").content.decode()

    assert "<strong>11</strong>active programmes and pilots" in page
    card = page.split("Programmes and pilots</h2>")[1].split("</section>")[0]
    assert card.count("<li") == 8
