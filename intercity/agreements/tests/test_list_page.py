"""The agreements page: its pledges of help come a page at a time, every one reachable."""

import datetime

import pytest
from django.urls import reverse

from intercity.testing.factories import CityFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def _pledges(n, start=0):
    giver, receiver = CityFactory(), CityFactory()
    for day in range(start, start + n):
        PledgeFactory(
            from_city=giver,
            to_city=receiver,
            subject=f"Pledge of day {day}",
            pledged_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
        )


def test_the_oldest_pledge_is_on_the_next_page_of_pledges(client):
    _pledges(21)
    first = client.get(reverse("agreements:list")).content.decode()
    second = client.get(reverse("agreements:list"), {"pledge_page": "2"}).content.decode()
    assert "Pledge of day 20" in first and "Pledge of day 0 " not in first
    assert "Pledge of day 0 " in second and "Pledge of day 20" not in second


def test_the_pledges_cost_no_more_queries_for_more_pledges(client, django_assert_max_num_queries):
    _pledges(2)
    with django_assert_max_num_queries(30) as small:
        assert client.get(reverse("agreements:list")).status_code == 200
    _pledges(30, start=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse("agreements:list")).status_code == 200
