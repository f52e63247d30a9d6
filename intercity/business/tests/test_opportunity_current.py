"""What makes an opportunity current: the queryset and the one row say the same of it, on the
day it closes and around it."""

import datetime

import pytest

from intercity.business.models import Opportunity
from intercity.testing.business_factories import OpportunityFactory

pytestmark = pytest.mark.django_db

# A day far from the real one, so the result does not depend on when the test runs.
TODAY = datetime.date(2041, 3, 15)
DAY = datetime.timedelta(days=1)


def test_the_queryset_and_the_row_agree_around_the_closing_date():
    cases = {
        "closing today": OpportunityFactory(expires_on=TODAY),
        "closed yesterday": OpportunityFactory(expires_on=TODAY - DAY),
        "closing tomorrow": OpportunityFactory(expires_on=TODAY + DAY),
        "no closing date": OpportunityFactory(expires_on=None),
        "closed status": OpportunityFactory(status=Opportunity.Status.CLOSED, expires_on=None),
        "closed status, closing later": OpportunityFactory(
            status=Opportunity.Status.CLOSED, expires_on=TODAY + DAY
        ),
    }
    current = set(Opportunity.objects.current(TODAY).values_list("pk", flat=True))
    by_query = {name: row.pk in current for name, row in cases.items()}
    by_row = {name: row.is_current_on(TODAY) for name, row in cases.items()}
    assert (
        by_query
        == by_row
        == {
            "closing today": True,
            "closed yesterday": False,
            "closing tomorrow": True,
            "no closing date": True,
            "closed status": False,
            "closed status, closing later": False,
        }
    )


def test_without_a_day_both_read_the_server_s_local_date():
    past = OpportunityFactory(expires_on=datetime.date(2001, 1, 1))
    future = OpportunityFactory(expires_on=datetime.date(2099, 1, 1))
    assert list(Opportunity.objects.current()) == [future]
    assert (past.is_current, future.is_current) == (False, True)


def test_an_organisation_s_opportunities_offer_the_same_method():
    row = OpportunityFactory(expires_on=TODAY)
    assert list(row.organisation.opportunities.current(TODAY)) == [row]
    assert list(row.organisation.opportunities.current(TODAY + DAY)) == []
