from rest_framework.test import APIClient

from intercity.testing.knowledge_factories import KnowledgeItemFactory


def test_a_practice_names_the_indicator_its_outcome_moved_through_the_api(cast, catalogue):
    item = KnowledgeItemFactory(city=cast.home, author=cast.focal_point)
    client = APIClient()
    client.force_authenticate(cast.focal_point)
    response = client.patch(
        f"/api/v1/knowledge/{item.slug}/",
        {"outcome_indicator": "street-lighting-efficient-share"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["outcome_indicator"] == "street-lighting-efficient-share"
    item.refresh_from_db()
    assert item.outcome_indicator.code == "street-lighting-efficient-share"


def test_an_unknown_indicator_code_is_refused(cast, catalogue):
    item = KnowledgeItemFactory(city=cast.home, author=cast.focal_point)
    client = APIClient()
    client.force_authenticate(cast.focal_point)
    response = client.patch(
        f"/api/v1/knowledge/{item.slug}/", {"outcome_indicator": "nope"}, format="json"
    )
    assert response.status_code == 400 and "outcome_indicator" in response.json()
