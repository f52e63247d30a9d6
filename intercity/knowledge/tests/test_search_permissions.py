"""Search never shows, nor counts, what the user may not see."""

import pytest

from intercity.searchindex.engine import search
from intercity.testing.factories import MeetingFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(cast):
    return {
        visibility: KnowledgeItemFactory(
            city=cast.home, title=f"Flood drill {visibility}", visibility=visibility
        )
        for visibility in ("public", "network", "draft")
    }


def _titles(user, query="flood drill"):
    results = search(user=user, query=query, semantic=False)
    return {hit.document.title for hit in results.hits}, results


def test_the_public_sees_and_counts_only_public_items(items):
    titles, results = _titles(None)
    assert titles == {"Flood drill public"}
    assert results.total == 1
    assert results.type_counts == {"knowledge": 1}


def test_a_reader_without_a_city_is_treated_as_the_public(cast, items):
    titles, results = _titles(cast.reader)
    assert titles == {"Flood drill public"}
    assert results.total == 1


def test_network_members_see_network_items_but_not_other_cities_drafts(cast, items):
    titles, results = _titles(cast.other_focal_point)
    assert titles == {"Flood drill public", "Flood drill network"}
    assert results.total == 2


@pytest.mark.parametrize("persona", ["focal_point", "expert", "secretariat"])
def test_the_home_city_and_the_secretariat_see_drafts(cast, items, persona):
    titles, results = _titles(getattr(cast, persona))
    assert titles == {"Flood drill public", "Flood drill network", "Flood drill draft"}
    assert results.total == 3


def test_a_meeting_closed_to_the_public_is_neither_shown_nor_counted(cast):
    MeetingFactory(title="Closed flood drill briefing", is_public=False)
    MeetingFactory(title="Open flood drill seminar", is_public=True)
    public, results = _titles(None)
    assert public == {"Open flood drill seminar"}
    assert results.type_counts == {"meeting": 1}
    insider, _ = _titles(cast.expert)
    assert insider == {"Open flood drill seminar", "Closed flood drill briefing"}


def test_withdrawing_an_item_removes_it_from_public_search_at_once(cast, items):
    from intercity.knowledge.services import item_moderate

    item_moderate(actor=cast.secretariat, item=items["public"], visibility="draft")
    titles, results = _titles(None)
    assert titles == set()
    assert results.total == 0


def test_deleting_a_record_removes_it_from_the_index(cast, items):
    items["public"].delete()
    assert _titles(None)[1].total == 0


def test_filters_by_type_city_theme_and_language(cast, themes):
    from intercity.searchindex.engine import SearchFilters

    item = KnowledgeItemFactory(
        city=cast.home, title="Waste sorting", language="vi", themes=[themes["waste"]]
    )
    KnowledgeItemFactory(city=cast.other, title="Waste sorting elsewhere", language="ja")
    MeetingFactory(title="Waste sorting meeting", host_city=cast.home)

    def keys(**filters):
        results = search(
            user=None, query="waste sorting", filters=SearchFilters(**filters), semantic=False
        )
        return {(hit.type, hit.document.title) for hit in results.hits}

    assert len(keys()) == 3
    assert keys(types=("meeting",)) == {("meeting", "Waste sorting meeting")}
    assert keys(city=cast.home.slug) == {
        ("knowledge", "Waste sorting"),
        ("meeting", "Waste sorting meeting"),
    }
    assert keys(theme="waste") == {("knowledge", item.title)}
    assert keys(language="ja") == {("knowledge", "Waste sorting elsewhere")}
