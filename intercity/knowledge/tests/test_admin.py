"""The secretariat works on knowledge items in the admin, like every other record."""

import pytest

from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(cast, client_for):
    cast.secretariat.is_staff = cast.secretariat.is_superuser = True
    cast.secretariat.save(update_fields=["is_staff", "is_superuser"])
    return client_for(cast.secretariat)


def test_the_admin_lists_knowledge_items(staff_client, cast):
    KnowledgeItemFactory(city=cast.home, title="Smog alerts")
    response = staff_client.get("/admin/knowledge/knowledgeitem/")
    assert response.status_code == 200
    assert "Smog alerts" in response.content.decode()


def test_the_admin_opens_an_item_with_its_translations(staff_client, cast):
    item = KnowledgeItemFactory(city=cast.home)
    assert staff_client.get(f"/admin/knowledge/knowledgeitem/{item.pk}/change/").status_code == 200


def test_the_admin_is_closed_to_a_focal_point(cast, client_for):
    response = client_for(cast.focal_point).get("/admin/knowledge/knowledgeitem/")
    assert response.status_code == 302
