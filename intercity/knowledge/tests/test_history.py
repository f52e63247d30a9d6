"""A knowledge item's history tells each change once, in the reader's language."""

import pytest

from intercity.core.audit import audit_trail
from intercity.knowledge import services
from intercity.knowledge.models import KnowledgeItem

pytestmark = pytest.mark.django_db


def _history(client, item, language="en") -> str:
    page = client.get(item.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return page.split('id="history"')[1].split("</section>")[0]


@pytest.fixture
def item(cast, themes):
    return services.item_create(
        actor=cast.focal_point,
        data={
            "title": "Smog alerts",
            "body": "We warn residents.",
            "language": "en",
            "visibility": "public",
        },
        themes=[themes["air-quality"]],
    )


def test_an_item_created_with_themes_has_one_history_line(cast, item):
    lines = audit_trail(item, viewer=cast.secretariat)

    assert [line.action for line in lines] == ["knowledge.item.created"]
    assert item.history.get().history_type == "+"


def test_the_themes_it_was_created_with_are_not_reported_as_added_later(cast, item):
    fresh = KnowledgeItem.objects.get(pk=item.pk)
    services.item_update(actor=cast.focal_point, item=fresh, data={"title": "Smog warnings"})

    newest = audit_trail(item, viewer=cast.secretariat)[0]

    assert [change.text for change in newest.changes] == [
        "title changed from “Smog alerts” to “Smog warnings”"
    ]


def test_a_change_of_themes_is_one_line_naming_the_theme(cast, client_for, item, themes):
    fresh = KnowledgeItem.objects.get(pk=item.pk)
    services.item_update(
        actor=cast.focal_point,
        item=fresh,
        data={},
        themes=[themes["air-quality"], themes["water"]],
    )

    history = _history(client_for(cast.secretariat), item)

    assert history.count("changed the themes") == 1
    assert history.count("added Clean water supply") == 1
    assert history.count("created the knowledge item") == 1
    assert "updated the knowledge item" not in history


def test_each_translation_is_its_own_line_naming_its_language(cast, client_for, item):
    for language, title in (("ja", "スモッグ警報"), ("vi", "Cảnh báo khói bụi")):
        services.translation_save(
            actor=cast.focal_point, item=item, language=language, data={"title": title}
        )
    services.translation_save(
        actor=cast.focal_point, item=item, language="vi", data={"title": "Cảnh báo"}
    )

    sentences = [line.sentence for line in audit_trail(item, viewer=None)]

    assert sentences == [
        "Home City focal point updated the Vietnamese translation of the knowledge item",
        "Home City focal point translated the knowledge item into Vietnamese",
        "Home City focal point translated the knowledge item into Japanese",
        "Home City focal point created the knowledge item",
    ]


def test_the_history_is_in_the_readers_language_city_name_included(cast, client_for, item):
    cast.home.names = {"ja": "ホーム市"}
    cast.home.save(update_fields=["names"])
    services.translation_save(
        actor=cast.focal_point, item=item, language="ja", data={"title": "スモッグ警報"}
    )

    history = _history(client_for(None), item, language="ja")

    assert "ホーム市 窓口担当者 が ナレッジ を日本語に翻訳しました" in history
    assert "Home City" not in history
    assert "translated" not in history
