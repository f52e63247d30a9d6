"""An import writes each kind of record together: its queries do not grow with the clauses,
and every record it creates still has one history entry, holding the cities it was given."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intercity.declarations.models import Clause, Commitment, Paragraph, SubItem
from intercity.declarations.services import declaration_import
from intercity.testing.factories import ThemeFactory


def declaration_text(clauses: int) -> str:
    """Clauses that name cities, and every third one with sub-items of its own."""
    body = []
    for n in range(1, clauses + 1):
        if n % 3:
            body.append(f"{n}. Home City and Other City will share flood data, matter {n};")
        else:
            body.append(
                f"{n}. to improve water quality, matter {n}, as follows:\n"
                f"a. install sensors in Other City;\nb. publish the readings every month;"
            )
    clauses_text = "\n\n".join(body)
    return (
        "Counted Declaration\n\nRecalling the 2018 Harbour Declaration;\n\n"
        f"We hereby declare:\n\n{clauses_text}\n\nDone in Home City.\n"
    )


def counted_import(cast, clauses: int):
    with CaptureQueriesContext(connection) as queries:
        declaration = declaration_import(actor=cast.secretariat, text=declaration_text(clauses))
    return declaration, len(queries)


def test_the_import_queries_do_not_grow_with_the_commitments(cast):
    ThemeFactory(slug="water", name="Water")
    # The first text to use a word adds it to the search vocabulary (one insert for all of
    # them, whatever their number); an earlier import leaves both counted ones none to add.
    declaration_import(actor=cast.secretariat, text=declaration_text(40))
    small, small_queries = counted_import(cast, 4)
    large, large_queries = counted_import(cast, 40)

    assert small.commitments.count() == 6
    assert large.commitments.count() == 66
    assert large.commitments.filter(cities=cast.other).count() == 66
    assert large_queries == small_queries


@pytest.fixture
def imported(cast):
    ThemeFactory(slug="water", name="Water")
    return declaration_import(actor=cast.secretariat, text=declaration_text(6))


@pytest.mark.parametrize(
    ("model", "action"),
    [
        (Paragraph, "declarations.paragraph.imported"),
        (Clause, "declarations.clause.imported"),
        (SubItem, "declarations.subitem.imported"),
        (Commitment, "declarations.commitment.created"),
    ],
)
def test_every_record_created_has_one_creation_entry(imported, cast, model, action):
    records = model.objects.all()
    assert records.exists()
    for record in records:
        entries = list(
            record.history.values_list("history_type", "history_change_reason", "history_user")
        )
        assert entries == [("+", action, cast.secretariat.pk)]


def test_a_commitments_entry_holds_the_cities_it_was_created_with(imported, cast):
    for commitment in imported.commitments.all():
        entry = commitment.history.get()
        held = set(entry.cities.values_list("city_id", flat=True))
        assert held == set(commitment.cities.values_list("pk", flat=True))
        assert held
    sensors = imported.commitments.get(subitem__label="a", clause__number="3")
    assert list(sensors.cities.all()) == [cast.other]
    water = imported.commitments.get(clause__number="3", subitem=None)
    assert [theme.slug for theme in water.themes.all()] == ["water"]
