"""A nested row missing a required field is a field error, on create and on a partial update."""

import pytest
from django.urls import reverse

from intercity.testing.factories import AgreementFactory, MeetingFactory


@pytest.fixture
def meeting(cast):
    return MeetingFactory(host_city=cast.home)


@pytest.fixture
def agreement(cast):
    return AgreementFactory(parties=[cast.home, cast.other])


@pytest.mark.parametrize(
    "rows",
    [
        [{"role": "delegate"}],
        [{}],
        [{"city": None, "role": "delegate"}],
        ["tokyo"],
        [[{"city": "x"}]],
    ],
)
def test_a_meeting_city_row_without_a_city_is_a_field_error(api_as, meeting, rows):
    url = reverse("api-v1:meeting-detail", kwargs={"slug": meeting.slug})
    response = api_as("secretariat").patch(url, {"cities": rows}, format="json")
    assert response.status_code == 400
    assert "cities" in response.json()


@pytest.mark.parametrize(
    ("field", "rows"),
    [
        ("parties", [{"role": "party"}, {"role": "assisted"}]),
        ("parties", [{}, {}]),
        ("signatories", [{"name": "Mayor"}]),
        ("signatories", [{"city": "home-city"}]),
    ],
)
def test_an_agreement_row_without_its_required_fields_is_a_field_error(
    api_as, agreement, field, rows
):
    url = reverse("api-v1:agreement-detail", kwargs={"slug": agreement.slug})
    response = api_as("secretariat").patch(url, {field: rows}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert agreement.party_roles.count() == 2


def test_the_field_error_names_the_missing_field_of_the_row(api_as, meeting):
    url = reverse("api-v1:meeting-detail", kwargs={"slug": meeting.slug})
    response = api_as("secretariat").patch(url, {"cities": [{"role": "delegate"}]}, format="json")
    assert response.json()["cities"] == {"0": {"city": ["This field is required."]}}
