"""The public lists cost as many queries for many records as for a few."""

import datetime

import pytest
from django.urls import reverse

from intercity.testing.factories import (
    AgreementFactory,
    MeetingFactory,
    NewsItemFactory,
    OrganisationFactory,
    PledgeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def _meetings(n):
    for _ in range(n):
        MeetingFactory()


def _programmes(n):
    for _ in range(n):
        ProgrammeFactory()


def _agreements(n):
    for _ in range(n):
        AgreementFactory()
        PledgeFactory()


def _organisations(n):
    for _ in range(n):
        OrganisationFactory()


def _news(n):
    for i in range(n):
        NewsItemFactory(published_on=datetime.date(2029, 1, 1) + datetime.timedelta(days=i))


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        ("meetings:list", _meetings),
        ("programmes:list", _programmes),
        ("agreements:list", _agreements),
        ("organisations:list", _organisations),
        ("web:news", _news),
    ],
)
def test_a_list_costs_the_same_queries_for_many_records_as_for_two(
    client_for, cast, url_name, make, django_assert_max_num_queries
):
    client = client_for(cast.secretariat)
    make(2)
    with django_assert_max_num_queries(40) as small:
        assert client.get(reverse(url_name)).status_code == 200
    make(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse(url_name)).status_code == 200
