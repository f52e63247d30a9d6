"""The knowledge list's city and theme facets speak the reader's language, like the rest of
the page."""

import pytest
from django.urls import reverse

from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


def test_the_facets_name_cities_and_themes_in_the_readers_language(cast, client, themes):
    cast.home.names = {"vi": "Thành phố Nhà"}
    cast.home.save(update_fields=["names"])
    KnowledgeItemFactory(city=cast.home, themes=[themes["air-quality"]])
    client.cookies["django_language"] = "vi"
    page = client.get(reverse("knowledge:list")).text
    facets = page[page.index('class="facets"') :] if 'class="facets"' in page else page
    assert "Chất lượng không khí và khói mù" in facets
    assert ">Air quality and smog<" not in page
    assert ">Thành phố Nhà<" in page
    assert ">Home City<" not in page
