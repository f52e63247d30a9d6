"""An offer's form says at once that a field is wrong and that the quantity would fall below
what is already committed, and changes nothing."""

from decimal import Decimal

import pytest
from django.urls import reverse

from intercity.solidarity import services
from intercity.testing.solidarity_factories import active_incident, need, offer

SHRUNK = "More than this is already committed to needs; it cannot shrink so."


@pytest.fixture
def committed(net):
    """Tokyo's offer of 20 tents, 15 of them committed to Manila's need."""
    incident = active_incident(affected=[net.manila])
    tokyo = offer(net.tokyo, quantity=20, incident=incident)
    services.offer_accept(
        actor=None, need=need(incident, net.manila), offer=tokyo, quantity=Decimal(15)
    )
    return tokyo


def shrink_to_five(client, net, tokyo, **fields):
    """Post Tokyo's offer down to 5 tents with `fields`; the form's errors, once nothing
    about the offer has changed."""
    entries = tokyo.history.count()
    client.force_login(net.tokyo_focal)
    data = {
        "category": "shelter",
        "description": "Fewer tents",
        "quantity": "5",
        "unit": "tents",
        "visibility": "public",
        "status": "open",
        **fields,
    }
    page = client.post(reverse("solidarity:offer-edit", args=[tokyo.pk]), data)
    assert page.status_code == 400
    tokyo.refresh_from_db()
    assert (tokyo.quantity, tokyo.description) == (20, "Tents from the reserve")
    assert tokyo.history.count() == entries
    return page.context["form"].errors


def test_an_offer_shrunk_below_its_commitments_with_a_bad_status_shows_both(client, net, committed):
    errors = shrink_to_five(client, net, committed, status="nonsense")
    assert "status" in errors
    assert errors["quantity"] == [SHRUNK]


def test_an_offer_shrunk_below_its_commitments_with_availability_out_of_order_shows_both(
    client, net, committed
):
    errors = shrink_to_five(
        client, net, committed, available_from="2026-12-10", available_until="2026-12-01"
    )
    assert set(errors) == {"quantity", "available_until"}
    assert errors["available_until"] == ["Availability cannot end before it starts."]
    assert errors["quantity"] == [SHRUNK]
