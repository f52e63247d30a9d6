"""An agreement's status agrees with its dates: what is in force has started and not ended,
what has expired has ended, and nothing comes into force before it is signed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.agreements.models import Agreement
from intercity.agreements.services import agreement_update
from intercity.testing.factories import AgreementFactory

pytestmark = pytest.mark.django_db
LIST = reverse("api-v1:agreement-list")


def _api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _days(count: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=count)).isoformat()


def _new(cast, **fields) -> dict:
    return {
        "slug": "river-accord",
        "title": "River accord",
        "status": "in_force",
        "signed_on": _days(-400),
        "term_start": _days(-300),
        "parties": [{"city": cast.home.slug}, {"city": cast.other.slug}],
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"term_end": _days(-1)}, "status"),  # in force, but its term has run out
        ({"term_start": _days(30)}, "status"),  # in force before it starts
        ({"status": "signed", "term_end": _days(-1)}, "status"),
        ({"status": "expired", "term_end": _days(30)}, "term_end"),
        ({"status": "expired"}, "term_end"),  # expired with no end at all
        ({"signed_on": _days(-100)}, "term_start"),  # in force before it was signed
        ({"status": "signed", "signed_on": _days(10), "term_start": None}, "signed_on"),
    ],
)
def test_the_api_refuses_a_status_that_contradicts_the_dates(cast, fields, field):
    response = _api(cast.secretariat).post(LIST, _new(cast, **fields), format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Agreement.objects.exists()


def test_consistent_statuses_and_dates_are_accepted(cast):
    secretariat = _api(cast.secretariat)
    assert secretariat.post(LIST, _new(cast, term_end=_days(0)), format="json").status_code == 201
    expired = _new(cast, slug="old-accord", status="expired", term_end=_days(-1))
    assert secretariat.post(LIST, expired, format="json").status_code == 201
    draft = _new(cast, slug="next-accord", status="draft", signed_on=_days(20), term_start=None)
    assert secretariat.post(LIST, draft, format="json").status_code == 201


def test_the_form_names_the_field_and_keeps_what_was_typed(client_for, cast):
    answer = client_for(cast.secretariat).post(
        reverse("agreements:create"),
        {
            "title": "Expired too soon",
            "status": "expired",
            "signed_on": _days(-400),
            "term_start": _days(-300),
            "term_end": _days(300),
            "parties": [cast.home.pk, cast.other.pk],
        },
    )
    assert answer.status_code == 400
    assert "An expired agreement&#x27;s term must have ended" in answer.text
    assert "Expired too soon" in answer.text
    assert not Agreement.objects.exists()


def test_a_change_of_status_must_agree_with_the_dates(cast):
    agreement = AgreementFactory(
        status="in_force",
        signed_on=datetime.date(2020, 1, 1),
        term_start=datetime.date(2020, 2, 1),
        term_end=datetime.date(2099, 1, 1),
        parties=[cast.home, cast.other],
    )
    url = reverse("api-v1:agreement-detail", kwargs={"slug": agreement.slug}) + "status/"
    response = _api(cast.secretariat).post(url, {"status": "expired"}, format="json")
    assert response.status_code == 400
    assert "status" in response.json()
    agreement.refresh_from_db()
    assert agreement.status == "in_force"


def test_an_agreement_whose_term_ran_out_can_still_be_edited_and_marked_expired(cast):
    agreement = AgreementFactory(
        status="in_force",
        signed_on=datetime.date(2020, 1, 1),
        term_start=datetime.date(2020, 2, 1),
        term_end=datetime.date(2021, 1, 31),
        parties=[cast.home, cast.other],
    )
    agreement_update(actor=cast.secretariat, agreement=agreement, data={"description": "Water."})
    agreement_update(actor=cast.secretariat, agreement=agreement, data={"status": "expired"})
    agreement.refresh_from_db()
    assert (agreement.description, agreement.status) == ("Water.", "expired")
