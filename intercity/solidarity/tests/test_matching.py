"""Matching offers to needs, as a pure algorithm and on the needs board."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercity.solidarity import matching
from intercity.solidarity.selectors import needs_board
from intercity.testing.solidarity_factories import active_incident, need, offer

NEED = matching.NeedFacts(
    id=1,
    incident_id=10,
    city_id=100,
    category="shelter",
    unit="tents",
    open_quantity=Decimal(100),
    needed_by=datetime.date(2026, 11, 10),
)


def _offer(offer_id, **changes):
    facts = {
        "id": offer_id,
        "incident_id": None,
        "need_id": None,
        "city_id": 200,
        "category": "shelter",
        "unit": "tents",
        "remaining_quantity": Decimal(50),
        "available_from": datetime.date(2026, 11, 5),
    }
    facts.update(changes)
    return matching.OfferFacts(**facts)


def test_only_offers_of_the_same_category_and_unit_from_another_city_are_suggested():
    offers = [
        _offer(1),
        _offer(2, category="food"),
        _offer(3, unit="litres"),
        _offer(4, city_id=100),
        _offer(5, remaining_quantity=Decimal(0)),
        _offer(6, incident_id=11),
        _offer(7, need_id=2),
    ]

    assert [s.offer_id for s in matching.suggest(NEED, offers)] == [1]


def test_bigger_timely_offers_made_for_the_need_come_first():
    offers = [
        _offer(1, remaining_quantity=Decimal(30)),
        _offer(2, remaining_quantity=Decimal(100)),
        _offer(3, remaining_quantity=Decimal(100), available_from=datetime.date(2026, 12, 20)),
        _offer(4, remaining_quantity=Decimal(100), need_id=1, incident_id=10),
    ]

    ranked = matching.suggest(NEED, offers)

    assert [s.offer_id for s in ranked] == [4, 2, 3, 1]
    assert ranked[0].reasons[-1] == "for_this_need"
    assert "late" in ranked[2].reasons and ranked[2].late_by_days == 40


def test_a_covered_need_gets_no_suggestion():
    done = matching.NeedFacts(**{**NEED.__dict__, "open_quantity": Decimal(0)})

    assert matching.suggest(done, [_offer(1)]) == []


@given(st.lists(st.integers(min_value=0, max_value=500), max_size=12))
def test_no_suggestion_covers_more_than_is_open_or_than_the_offer_has(quantities):
    offers = [_offer(i, remaining_quantity=Decimal(q)) for i, q in enumerate(quantities)]

    for suggestion in matching.suggest(NEED, offers, limit=20):
        offered = offers[suggestion.offer_id].remaining_quantity
        assert 0 < suggestion.covers <= min(offered, NEED.open_quantity)


@pytest.mark.django_db
def test_the_board_suggests_matching_offers_for_each_need(net):
    incident = active_incident(affected=[net.manila])
    tents = need(incident, net.manila, quantity=100)
    good = offer(net.tokyo, quantity=60, incident=incident)
    offer(net.seoul, quantity=60, category="food", unit="tents")

    board = needs_board(incident=incident, user=net.manila_focal)

    (row,) = board.rows
    assert row.need == tents
    assert [s.offer_id for s in row.suggestions] == [good.pk]
    assert row.state == "open" and row.open == 100
