"""On an edit form, what the service says about the fields the user got right is shown
beside a refused field only when it holds without the stored value of the refused field: the
service would otherwise judge the stored value, not what the user typed."""

import datetime

import pytest
from django.urls import reverse

from intercity.programmes.models import Programme
from intercity.testing.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

END_BEFORE_START = "The end date cannot be before the start date."


@pytest.fixture
def programme(cast):
    return ProgrammeFactory(
        lead_city=cast.home,
        start_date=datetime.date(2031, 6, 1),
        end_date=datetime.date(2031, 12, 31),
    )


def edit(client, programme, **changes):
    data = {
        "name": programme.name,
        "kind": programme.kind,
        "status": programme.status,
        "lead_city": programme.lead_city.pk,
        "start_date": "2031-06-01",
        "end_date": "2031-12-31",
        **changes,
    }
    return client.post(reverse("programmes:edit", args=[programme.slug]), data)


def test_an_end_is_not_compared_with_the_stored_start_the_user_is_changing(
    cast, client_for, programme
):
    # The user means 28 February and mistypes it; the stored start is 1 June.
    page = edit(
        client_for(cast.secretariat), programme, start_date="2031-02-30", end_date="2031-05-01"
    )
    assert page.status_code == 400
    assert list(page.context["form"].errors) == ["start_date"]
    programme.refresh_from_db()
    assert programme.end_date == datetime.date(2031, 12, 31)


def test_an_end_before_the_typed_start_is_still_shown_beside_another_wrong_field(
    cast, client_for, programme
):
    page = edit(
        client_for(cast.secretariat),
        programme,
        kind="nonsense",
        start_date="2031-09-01",
        end_date="2031-08-01",
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "kind" in errors
    assert errors["end_date"] == [END_BEFORE_START]


def test_an_end_before_the_typed_start_is_still_shown_beside_a_name_too_long(
    cast, client_for, programme
):
    page = edit(
        client_for(cast.secretariat),
        programme,
        name="x" * 300,
        start_date="2031-09-01",
        end_date="2031-08-01",
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "name" in errors
    assert errors["end_date"] == [END_BEFORE_START]
    assert Programme.objects.get().name == programme.name
