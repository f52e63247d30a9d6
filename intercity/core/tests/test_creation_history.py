"""A record created with its cities or themes has one history entry, not one more for each
set: the history says "created" once and holds the sets as they were made."""

import datetime

import pytest

from intercity.agreements.services import agreement_create
from intercity.core.services import news_publish
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
