"""A quantity of 0 or less is refused saying it must be greater than 0, in the reader's
language, through the API and on the pages, and nothing is written."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from intercity.core.local_numbers import GreaterThanValidator
from intercity.solidarity.models import Assistance, Delivery, Need
from intercity.testing.solidarity_factories import active_incident, need, offer

pytestmark = pytest.mark.django_db

NEEDS = "/api/v1/solidarity/needs/"
DELIVERIES = "/api/v1/solidarity/deliveries/"
SAID = {"en": "Ensure this value is greater than 0.", "vi": "Giá trị này phải lớn hơn 0."}


def _need_fields(incident, quantity: str) -> dict:
    return {
        "incident": incident.pk,
        "city": "metro-manila",
        "category": "food",
        "description": "Rice",
        "quantity": quantity,
        "unit": "t",
        "urgency": "high",
        "visibility": "public",
    }


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("quantity", ["0", "-5"])
def test_the_api_refuses_a_need_of_zero_or_less_on_the_field(client, net, language, quantity):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.manila_focal)

    response = client.post(
        f"{NEEDS}?hl={language}",
        _need_fields(incident, quantity),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {"quantity": [SAID[language]]}
    assert not Need.objects.exists()


def test_the_api_refuses_a_delivery_of_zero(client, net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=100, incident=incident)
    client.force_login(net.manila_focal)
    accepted = client.post(
        "/api/v1/solidarity/assistance/",
        {"need": tents.pk, "offer": tokyo.pk, "quantity": "60"},
        content_type="application/json",
    ).json()
    client.force_login(net.tokyo_focal)

    response = client.post(
        DELIVERIES, {"assistance": accepted["id"], "quantity": "0"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"quantity": [SAID["en"]]}
    assert not Delivery.objects.exists()


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("quantity", ["0", "-5"])
def test_the_need_form_refuses_zero_or_less_on_the_field(client, net, language, quantity):
    incident = active_incident(affected=[net.manila])
    client.force_login(net.manila_focal)

    response = client.post(
        reverse("solidarity:need-post", kwargs={"slug": incident.slug}) + f"?hl={language}",
        {**_need_fields(incident, quantity), "city": net.manila.pk},
        HTTP_ACCEPT_LANGUAGE=language,
    )

    assert response.status_code == 400
    assert response.context["form"].errors["quantity"] == [SAID[language]]
    assert not Need.objects.exists()


@pytest.mark.parametrize("quantity", ["0", "-5"])
def test_accepting_an_offer_for_zero_or_less_is_refused_rather_than_taking_it_all(
    client, net, quantity
):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=80, incident=incident)
    client.force_login(net.manila_focal)

    board = client.post(
        reverse("solidarity:accept", args=[tents.pk, tokyo.pk]), {"quantity": quantity}, follow=True
    )

    assert SAID["en"] in board.text
    assert not Assistance.objects.exists()


def test_dispatching_a_negative_quantity_says_why(client, net):
    from intercity.solidarity import services

    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    accepted = services.offer_accept(
        actor=net.manila_focal, need=tents, offer=offer(net.tokyo, quantity=80, incident=incident)
    )
    client.force_login(net.tokyo_focal)

    board = client.post(
        reverse("solidarity:dispatch", args=[accepted.pk]), {"quantity": "-5"}, follow=True
    )

    assert SAID["en"] in board.text
    assert not Delivery.objects.exists()


@pytest.mark.parametrize(("language", "shown"), [("vi", "1,5"), ("en", "1.5")])
def test_a_limit_other_than_zero_is_written_the_readers_way(language, shown):
    with translation.override(language), pytest.raises(ValidationError) as refused:
        GreaterThanValidator(Decimal("1.5"))(Decimal("1.5"))
    assert shown in refused.value.messages[0]
    assert refused.value.code == "min_value"
    GreaterThanValidator(Decimal("1.5"))(Decimal("1.51"))
