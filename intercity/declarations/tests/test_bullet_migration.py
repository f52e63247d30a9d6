"""Migration 0003 numbers the bullets of sub-items stored before it, among bullets only."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("declarations", "0002_symbol_and_meeting_as_printed")]
AFTER = [("declarations", "0003_subitem_bullet_place")]


@pytest.mark.django_db(transaction=True)
def test_stored_bullets_are_numbered_among_bullets():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    declaration = apps.get_model("declarations", "Declaration").objects.create(
        title="River Cities", slug="river-cities"
    )
    clauses = apps.get_model("declarations", "Clause")
    items = apps.get_model("declarations", "SubItem")
    mixed = clauses.objects.create(declaration=declaration, position=1, number="2")
    plain = clauses.objects.create(declaration=declaration, position=2, number="3")
    for position, label in enumerate(["a", "b", "", ""], start=1):
        items.objects.create(clause=mixed, position=position, label=label, text=f"item {position}")
    for position in (1, 2):
        items.objects.create(clause=plain, position=position, label="", text=f"point {position}")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    stored = apps.get_model("declarations", "SubItem").objects.order_by(
        "clause__position", "position"
    )

    assert [(item.label, item.bullet) for item in stored] == [
        ("a", None),
        ("b", None),
        ("", 1),
        ("", 2),
        ("", 1),
        ("", 2),
    ]
