"""The delivery cycle: committed → dispatched → received, with partial quantities."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from intercity.solidarity import services
from intercity.solidarity.models import Assistance
from intercity.solidarity.selectors import needs_board
from intercity.testing.solidarity_factories import active_incident, need, offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=80, incident=incident)
    assistance = services.offer_accept(actor=net.manila_focal, need=tents, offer=tokyo)
    return incident, tents, tokyo, assistance


def _row(incident, user):
    return needs_board(incident=incident, user=user).rows[0]


def test_accepting_commits_what_the_offer_has_up_to_what_is_needed(net, accepted):
    incident, tents, tokyo, assistance = accepted

    assert assistance.quantity == 80 and assistance.status == "committed"
    row = _row(incident, net.manila_focal)
    assert (row.covered, row.pending, row.open, row.state) == (0, 80, 20, "open")


def test_partial_dispatches_and_receipts_add_up_to_covered(net, accepted):
    incident, tents, tokyo, assistance = accepted

    first = services.delivery_dispatch(actor=net.tokyo_focal, assistance=assistance, quantity=50)
    assistance.refresh_from_db()
    assert assistance.status == "dispatched" and assistance.dispatched_quantity == 50
    services.delivery_receive(actor=net.manila_focal, delivery=first)
    second = services.delivery_dispatch(actor=net.tokyo_focal, assistance=assistance, quantity=30)
    assistance.refresh_from_db()
    assert assistance.status == "dispatched"
    row = _row(incident, net.manila_focal)
    assert (row.covered, row.pending, row.open) == (50, 30, 20)

    services.delivery_receive(actor=net.manila_focal, delivery=second)

    assistance.refresh_from_db()
    assert assistance.status == "received" and assistance.received_quantity == 80
    row = _row(incident, net.manila_focal)
    assert (row.covered, row.pending, row.open) == (80, 0, 20)


def test_more_than_was_offered_is_refused_and_nothing_changes(net, accepted):
    incident, tents, tokyo, assistance = accepted
    services.delivery_dispatch(actor=net.tokyo_focal, assistance=assistance, quantity=70)

    with pytest.raises(ValidationError, match="more than was offered"):
        services.delivery_dispatch(actor=net.tokyo_focal, assistance=assistance, quantity=11)

    assistance.refresh_from_db()
    assert assistance.dispatched_quantity == 70
    assert assistance.deliveries.count() == 1


def test_committing_beyond_the_need_or_the_offer_is_refused(net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    tokyo = offer(net.tokyo, quantity=80, incident=incident)
    seoul = offer(net.seoul, quantity=80, incident=incident)
    services.offer_accept(actor=net.manila_focal, need=tents, offer=tokyo)

    with pytest.raises(ValidationError, match="Only 20 can be committed"):
        services.offer_accept(actor=net.manila_focal, need=tents, offer=seoul, quantity=Decimal(30))
    services.offer_accept(actor=net.manila_focal, need=tents, offer=seoul)

    assert sorted(Assistance.objects.values_list("quantity", flat=True)) == [20, 80]
    row = _row(incident, net.manila_focal)
    assert (row.open, row.state) == (0, "pending")


def test_a_need_fully_received_shows_as_covered(net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=40)
    tokyo = offer(net.tokyo, quantity=40, incident=incident)
    assistance = services.offer_accept(actor=net.manila_focal, need=tents, offer=tokyo)
    delivery = services.delivery_dispatch(actor=net.tokyo_focal, assistance=assistance, quantity=40)
    services.delivery_receive(actor=net.manila_focal, delivery=delivery)

    board = needs_board(incident=incident, user=None)

    assert board.rows[0].state == "covered"
    assert board.totals == [{"unit": "tent", "needed": 40, "covered": 40, "pending": 0, "open": 0}]


def test_every_step_leaves_an_audit_entry(net, accepted):
    incident, tents, tokyo, assistance = accepted
    delivery = services.delivery_dispatch(actor=net.tokyo_focal, assistance=assistance, quantity=5)
    services.delivery_receive(actor=net.manila_focal, delivery=delivery)

    reasons = list(
        assistance.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert reasons == [
        "solidarity.offer.accepted",
        "solidarity.assistance.dispatched",
        "solidarity.assistance.received",
    ]
    assert delivery.history.last().history_user == net.tokyo_focal
