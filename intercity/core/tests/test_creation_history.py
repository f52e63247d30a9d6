"""A record created with its cities or themes has one history entry, not one more for each
set: the history says "created" once and holds the sets as they were made, whether the
records are created one at a time or together."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from intercity.agreements.services import agreement_create
from intercity.core.services import bulk_create_with_audit, news_publish
from intercity.declarations.models import Commitment
from intercity.declarations.services import commitment_create
from intercity.programmes.services import programme_create
from intercity.testing.declaration_factories import ClauseFactory
from intercity.testing.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _entries(record) -> list[str]:
    return list(record.history.values_list("history_type", flat=True))


def test_news_with_its_cities_is_one_entry(cast):
    item = news_publish(
        actor=cast.secretariat,
        data={
            "slug": "flood-relief",
            "title": "Flood relief",
            "published_on": datetime.date(2026, 11, 2),
        },
        cities=[cast.home, cast.other],
    )
    assert _entries(item) == ["+"]
    assert set(item.history.get().cities.values_list("city_id", flat=True)) == {
        cast.home.pk,
        cast.other.pk,
    }


def test_a_programme_with_its_cities_and_themes_is_one_entry(cast):
    programme = programme_create(
        actor=cast.secretariat,
        data={
            "slug": "clean-air",
            "name": "Clean air",
            "kind": "joint_project",
            "status": "active",
        },
        cities=[cast.home, cast.other],
        themes=[ThemeFactory()],
    )
    assert _entries(programme) == ["+"]
    assert programme.cities.count() == 2


def test_an_agreement_with_its_themes_is_one_entry(cast):
    agreement = agreement_create(
        actor=cast.secretariat,
        data={"slug": "river-accord", "title": "River accord", "status": "draft"},
        parties={cast.home: "party", cast.other: "party"},
        themes=[ThemeFactory(), ThemeFactory()],
    )
    assert _entries(agreement) == ["+"]
    assert agreement.themes.count() == 2


def test_a_commitment_with_its_cities_is_one_entry(cast):
    clause = ClauseFactory()
    commitment = commitment_create(
        actor=cast.secretariat,
        declaration=clause.declaration,
        clause=clause,
        data={"title": "Share flood data"},
        cities=[cast.home, cast.other],
    )
    assert _entries(commitment) == ["+"]
    assert commitment.cities.count() == 2


@pytest.mark.parametrize("returns_ids", [True, False], ids=["bulk", "one-by-one"])
def test_records_created_together_have_one_entry_each_holding_their_sets(
    cast, monkeypatch, returns_ids
):
    from django.db import connection

    features = type(connection.features)
    monkeypatch.setattr(features, "can_return_rows_from_bulk_insert", returns_ids)
    clause = ClauseFactory()
    rows = [
        {"declaration": clause.declaration, "clause": clause, "title": title, "position": n}
        for n, title in enumerate(["Share flood data", "Plant trees", "Train staff"], start=1)
    ]
    sets = [{"cities": [cast.home, cast.other]}, {"cities": [cast.other]}, {}]

    created = bulk_create_with_audit(
        Commitment,
        rows,
        actor=cast.secretariat,
        action="declarations.commitment.created",
        relations=sets,
    )

    assert [c.title for c in Commitment.objects.order_by("position")] == [
        "Share flood data",
        "Plant trees",
        "Train staff",
    ]
    for commitment, given in zip(created, sets, strict=True):
        assert _entries(commitment) == ["+"]
        entry = commitment.history.get()
        assert entry.history_change_reason == "declarations.commitment.created"
        assert entry.history_user == cast.secretariat
        wanted = {city.pk for city in given.get("cities", [])}
        assert set(entry.cities.values_list("city_id", flat=True)) == wanted
        assert set(commitment.cities.values_list("pk", flat=True)) == wanted


def test_one_invalid_record_among_many_stores_none_of_them(cast):
    clause = ClauseFactory()
    rows = [
        {"declaration": clause.declaration, "clause": clause, "title": title}
        for title in ["Share flood data", "x" * 201]
    ]
    with pytest.raises(ValidationError) as error:
        bulk_create_with_audit(
            Commitment, rows, actor=cast.secretariat, action="declarations.commitment.created"
        )
    assert "title" in error.value.message_dict
    assert not Commitment.objects.exists()
