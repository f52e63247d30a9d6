"""A draft declaration is the secretariat's: its commitments are neither offered for linking
to anyone else, nor shown on a knowledge item, and saves by others keep their links."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from intercity.knowledge.services import item_update
from intercity.testing.declaration_factories import CommitmentFactory, DeclarationFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitments():
    adopted = CommitmentFactory(title="Cut bus emissions")
    draft = CommitmentFactory(
        title="Share flood maps",
        clause__declaration=DeclarationFactory(status="draft", title="Draft flood declaration"),
    )
    return adopted, draft


def test_a_draft_declarations_commitment_is_not_shown_on_the_item(client_for, cast, commitments):
    adopted, draft = commitments
    item = KnowledgeItemFactory(city=cast.home)
    item.commitments.set([adopted, draft])
    url = reverse("knowledge:detail", args=[item.slug])
    public = client_for(None).get(url).text
    assert adopted.get_absolute_url() in public
    assert draft.get_absolute_url() not in public
    assert draft.get_absolute_url() in client_for(cast.secretariat).get(url).text


def test_a_draft_declarations_commitment_is_offered_to_the_secretariat_only(
    client_for, cast, commitments
):
    adopted, draft = commitments
    item = KnowledgeItemFactory(city=cast.home)
    url = reverse("knowledge:edit", args=[item.slug])
    page = client_for(cast.focal_point).get(url).text
    assert "Cut bus emissions" in page
    assert "Share flood maps" not in page
    assert "Share flood maps" in client_for(cast.secretariat).get(url).text


def test_a_focal_points_save_keeps_the_hidden_link(client_for, cast, commitments):
    adopted, draft = commitments
    item = KnowledgeItemFactory(city=cast.home, title="Flood maps")
    item.commitments.set([draft])
    data = {"title": "Flood maps online", "kind": "practice", "language": "en",
            "city": cast.home.pk, "visibility": "public", "commitments": [adopted.pk]}  # fmt: skip
    answer = client_for(cast.focal_point).post(reverse("knowledge:edit", args=[item.slug]), data)
    assert answer.status_code == 302
    assert set(item.commitments.all()) == {adopted, draft}


def test_the_service_refuses_a_hidden_commitment_on_its_field(cast, commitments):
    _adopted, draft = commitments
    item = KnowledgeItemFactory(city=cast.home)
    with pytest.raises(ValidationError) as refused:
        item_update(actor=cast.focal_point, item=item, data={}, commitments=[draft])
    assert set(refused.value.message_dict) == {"commitments"}
    assert not item.commitments.exists()
    item_update(actor=cast.secretariat, item=item, data={}, commitments=[draft])
    assert list(item.commitments.all()) == [draft]
