"""Linking knowledge to agreements: a draft agreement is offered only to those who may read
it, nobody links a draft hidden from them, and their saves keep the links they cannot see."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.services import item_create, item_update
from intercity.testing.factories import AgreementFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def accords(cast):
    """A signed agreement everyone reads, and a draft between the home city and a third."""
    signed = AgreementFactory(title="Signed river accord", parties=[cast.home, cast.other])
    draft = AgreementFactory(
        title="Draft river accord", status="draft", signed_on=None, parties=[cast.home]
    )
    return signed, draft


def _edit_data(item, **overrides):
    data = {
        "title": item.title,
        "kind": item.kind,
        "language": item.language,
        "city": item.city_id,
        "visibility": item.visibility,
        "body": item.body,
    }
    return data | overrides


def _api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def test_a_draft_is_offered_only_to_those_who_may_read_it(cast, client_for, accords):
    signed, draft = accords
    item = KnowledgeItemFactory(city=cast.other)
    outsider = client_for(cast.other_focal_point).get(reverse("knowledge:edit", args=[item.slug]))
    assert f'value="{signed.pk}"' in outsider.text
    assert "Draft river accord" not in outsider.text
    blank = client_for(cast.other_focal_point).get(reverse("knowledge:create"))
    assert "Draft river accord" not in blank.text
    party = client_for(cast.focal_point).get(reverse("knowledge:create"))
    assert "Draft river accord" in party.text
    secretariat = client_for(cast.secretariat).get(reverse("knowledge:edit", args=[item.slug]))
    assert "Draft river accord" in secretariat.text


def test_an_expert_of_a_party_is_not_offered_the_draft(cast, client_for, accords):
    page = client_for(cast.expert).get(reverse("knowledge:create"))
    assert "Signed river accord" in page.text
    assert "Draft river accord" not in page.text


def test_a_save_by_someone_who_cannot_see_the_draft_keeps_its_link(cast, client_for, accords):
    signed, draft = accords
    item = KnowledgeItemFactory(city=cast.other)
    item.agreements.set([signed, draft])
    url = reverse("knowledge:edit", args=[item.slug])
    client = client_for(cast.other_focal_point)
    assert client.post(url, _edit_data(item, title="Retitled")).status_code == 302
    item.refresh_from_db()
    assert item.title == "Retitled"
    assert set(item.agreements.all()) == {draft}
    assert client.post(url, _edit_data(item, agreements=[signed.pk])).status_code == 302
    assert set(item.agreements.all()) == {signed, draft}


def test_the_secretariat_may_unlink_the_draft(cast, client_for, accords):
    signed, draft = accords
    item = KnowledgeItemFactory(city=cast.other)
    item.agreements.set([signed, draft])
    url = reverse("knowledge:edit", args=[item.slug])
    answer = client_for(cast.secretariat).post(url, _edit_data(item, agreements=[signed.pk]))
    assert answer.status_code == 302
    assert set(item.agreements.all()) == {signed}


def test_a_forged_link_to_a_hidden_draft_is_refused_and_nothing_is_written(
    cast, client_for, accords
):
    _signed, draft = accords
    item = KnowledgeItemFactory(city=cast.other, title="Flood walls")
    url = reverse("knowledge:edit", args=[item.slug])
    forged = _edit_data(item, title="Changed", agreements=[draft.pk])
    answer = client_for(cast.other_focal_point).post(url, forged)
    assert answer.status_code == 400
    item.refresh_from_db()
    assert item.title == "Flood walls"
    assert not item.agreements.exists()


def test_the_service_refuses_a_hidden_draft_on_its_field(cast, accords):
    signed, draft = accords
    item = KnowledgeItemFactory(city=cast.other)
    with pytest.raises(ValidationError) as refused:
        item_update(actor=cast.other_focal_point, item=item, data={}, agreements=[signed, draft])
    assert set(refused.value.message_dict) == {"agreements"}
    with pytest.raises(ValidationError):
        item_create(
            actor=cast.other_focal_point,
            data={"title": "T", "body": "B", "language": "en"},
            agreements=[draft],
        )
    assert not item.agreements.exists()
    assert KnowledgeItem.objects.count() == 1


def test_the_api_refuses_a_hidden_draft_on_the_field(cast, accords):
    signed, draft = accords
    payload = {"title": "Flood walls", "body": "Walls.", "language": "en", "kind": "practice"}
    client = _api(cast.other_focal_point)
    refused = client.post(
        "/api/v1/knowledge/", payload | {"agreements": [draft.slug]}, format="json"
    )
    assert refused.status_code == 400
    assert set(refused.json()) == {"agreements"}
    unknown = client.post("/api/v1/knowledge/", payload | {"agreements": ["nope"]}, format="json")
    assert unknown.status_code == 400
    assert set(unknown.json()) == {"agreements"}
    assert not KnowledgeItem.objects.exists()
    party = _api(cast.focal_point).post(
        "/api/v1/knowledge/", payload | {"agreements": [draft.slug]}, format="json"
    )
    assert party.status_code == 201
    assert KnowledgeItem.objects.get().agreements.get() == draft


def test_an_api_update_keeps_the_link_to_a_hidden_draft(cast, accords):
    signed, draft = accords
    item = KnowledgeItemFactory(city=cast.other)
    item.agreements.set([draft])
    answer = _api(cast.other_focal_point).patch(
        f"/api/v1/knowledge/{item.slug}/", {"agreements": [signed.slug]}, format="json"
    )
    assert answer.status_code == 200
    assert answer.json()["agreements"] == [signed.slug]
    assert set(item.agreements.all()) == {signed, draft}
