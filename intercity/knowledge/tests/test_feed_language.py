"""The knowledge feed names an item's themes in the reader's language, like its kind."""

import pytest
from django.urls import reverse

from intercity.testing.factories import ThemeFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


def test_feed_categories_are_in_the_readers_language(client):
    theme = ThemeFactory(name="Clean water", names={"ru": "Чистая вода"})
    KnowledgeItemFactory(themes=[theme])

    feed = client.get(reverse("knowledge:feed"), {"hl": "ru"}).content.decode()

    assert 'term="Чистая вода"' in feed
    assert 'term="Clean water"' not in feed
