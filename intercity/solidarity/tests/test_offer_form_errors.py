"""An offer's form says at once that a field is wrong and that the quantity would fall below
what is already committed, and changes nothing."""

from decimal import Decimal

from django.urls import reverse

from intercity.solidarity import services
from intercity.testing.solidarity_factories import active_incident, need, offer


def test_an_offer_shrunk_below_its_commitments_with_a_bad_status_shows_both(client, net):
    incident = active_incident(affected=[net.manila])
    tokyo = offer(net.tokyo, quantity=20, incident=incident)
    services.offer_accept(
        actor=None, need=need(incident, net.manila), offer=tokyo, quantity=Decimal(15)
    )
    entries = tokyo.history.count()
    client.force_login(net.tokyo_focal)
    page = client.post(
        reverse("solidarity:offer-edit", args=[tokyo.pk]),
        {
            "category": "shelter",
            "description": "Fewer tents",
            "quantity": "5",
            "unit": "tents",
            "visibility": "public",
            "status": "nonsense",
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert "status" in errors
    assert errors["quantity"] == [
        "More than this is already committed to needs; it cannot shrink so."
    ]
    tokyo.refresh_from_db()
    assert (tokyo.quantity, tokyo.description) == (20, "Tents from the reserve")
    assert tokyo.history.count() == entries


def test_an_offer_shrunk_below_its_commitments_with_availability_out_of_order_shows_both(
    client, net
):
    incident = active_incident(affected=[net.manila])
    tokyo = offer(net.tokyo, quantity=20, incident=incident)
    services.offer_accept(
        actor=None, need=need(incident, net.manila), offer=tokyo, quantity=Decimal(15)
    )
    entries = tokyo.history.count()
    client.force_login(net.tokyo_focal)
    page = client.post(
        reverse("solidarity:offer-edit", args=[tokyo.pk]),
        {
            "category": "shelter",
            "description": "Fewer tents",
            "quantity": "5",
            "unit": "tents",
            "available_from": "2026-12-10",
            "available_until": "2026-12-01",
            "visibility": "public",
            "status": "open",
        },
    )
    assert page.status_code == 400
    errors = page.context["form"].errors
    assert set(errors) == {"quantity", "available_until"}
    assert errors["available_until"] == ["Availability cannot end before it starts."]
    tokyo.refresh_from_db()
    assert (tokyo.quantity, tokyo.description) == (20, "Tents from the reserve")
    assert tokyo.history.count() == entries
