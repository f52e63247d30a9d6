"""The knowledge form's author and meeting choices: a contributor is offered only the
organisations they may author for and the meetings they may read; a forged choice is refused
on its field, and a save keeps the links the editor cannot see."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.knowledge.models import KnowledgeItem
from intercity.knowledge.services import item_create, item_update
from intercity.testing.factories import MeetingFactory, OrganisationFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def authors(cast):
    """An organisation of the home city and one of the other city."""
    return (
        OrganisationFactory(name="Home water board", city=cast.home),
        OrganisationFactory(name="Other transit agency", city=cast.other),
    )


@pytest.fixture
def meetings(cast):
    """A public meeting and one kept to the network."""
    return (
        MeetingFactory(title="Open plenary", host_city=cast.home, is_public=True),
        MeetingFactory(title="Closed workshop", host_city=cast.home, is_public=False),
    )


def _api(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _edit_data(item, **overrides):
    data = {
        "title": item.title,
        "kind": item.kind,
        "language": item.language,
        "city": item.city_id or "",
        "visibility": item.visibility,
        "body": item.body,
    }
    return data | overrides


def test_a_focal_point_is_offered_only_their_own_citys_organisations(cast, client_for, authors):
    page = client_for(cast.focal_point).get(reverse("knowledge:create"))
    assert "Home water board" in page.text
    assert "Other transit agency" not in page.text
    secretariat = client_for(cast.secretariat).get(reverse("knowledge:create"))
    assert "Home water board" in secretariat.text
    assert "Other transit agency" in secretariat.text


def test_an_item_keeps_its_author_organisation_on_edit(cast, client_for, authors):
    home_board, other_agency = authors
    item = KnowledgeItemFactory(city=cast.home, organisation=other_agency, title="Joint study")
    url = reverse("knowledge:edit", args=[item.slug])
    client = client_for(cast.focal_point)
    assert "Other transit agency" in client.get(url).text
    data = _edit_data(item, title="Joint study, revised", organisation=other_agency.pk)
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Joint study, revised"
    assert item.organisation == other_agency


def test_a_forged_author_organisation_is_refused_and_nothing_is_written(cast, client_for, authors):
    _home_board, other_agency = authors
    item = KnowledgeItemFactory(city=cast.home, title="Flood walls")
    url = reverse("knowledge:edit", args=[item.slug])
    forged = _edit_data(item, title="Changed", organisation=other_agency.pk)
    answer = client_for(cast.focal_point).post(url, forged)
    assert answer.status_code == 400
    item.refresh_from_db()
    assert item.title == "Flood walls"
    assert item.organisation is None


def test_the_service_refuses_another_citys_organisation_on_its_field(cast, authors):
    home_board, other_agency = authors
    with pytest.raises(ValidationError) as refused:
        item_create(
            actor=cast.focal_point,
            data={"title": "T", "body": "B", "language": "en", "organisation": other_agency},
        )
    assert set(refused.value.message_dict) == {"organisation"}
    assert not KnowledgeItem.objects.exists()
    made = item_create(
        actor=cast.focal_point,
        data={"title": "T", "body": "B", "language": "en", "organisation": home_board},
    )
    assert made.organisation == home_board


def test_a_non_public_meeting_is_offered_only_to_those_who_may_read_it(cast, client_for, meetings):
    item = KnowledgeItemFactory(city=None, author=cast.organisation_rep)
    url = reverse("knowledge:edit", args=[item.slug])
    outsider = client_for(cast.organisation_rep).get(url)
    assert "Open plenary" in outsider.text
    assert "Closed workshop" not in outsider.text
    insider = client_for(cast.focal_point).get(reverse("knowledge:create"))
    assert "Closed workshop" in insider.text


def test_a_save_by_someone_who_cannot_see_the_meeting_keeps_its_link(cast, meetings):
    open_meeting, closed = meetings
    item = KnowledgeItemFactory(city=None, author=cast.organisation_rep)
    item.meetings.set([closed])
    item_update(actor=cast.organisation_rep, item=item, data={}, meetings=[open_meeting])
    assert set(item.meetings.all()) == {open_meeting, closed}
    item_update(actor=cast.secretariat, item=item, data={}, meetings=[open_meeting])
    assert set(item.meetings.all()) == {open_meeting}


def test_the_service_refuses_a_hidden_meeting_on_its_field(cast, meetings):
    _open_meeting, closed = meetings
    item = KnowledgeItemFactory(city=None, author=cast.organisation_rep)
    with pytest.raises(ValidationError) as refused:
        item_update(actor=cast.organisation_rep, item=item, data={}, meetings=[closed])
    assert set(refused.value.message_dict) == {"meetings"}
    assert not item.meetings.exists()


def test_the_api_refuses_a_forged_author_or_meeting_on_the_field(cast, authors, meetings):
    _home_board, other_agency = authors
    _open_meeting, closed = meetings
    payload = {"title": "Flood walls", "body": "Walls.", "language": "en", "kind": "practice"}
    client = _api(cast.focal_point)
    refused = client.post(
        "/api/v1/knowledge/", payload | {"organisation": other_agency.slug}, format="json"
    )
    assert refused.status_code == 400
    assert set(refused.json()) == {"organisation"}
    assert not KnowledgeItem.objects.exists()
    item = KnowledgeItemFactory(city=None, author=cast.organisation_rep)
    hidden = _api(cast.organisation_rep).patch(
        f"/api/v1/knowledge/{item.slug}/", {"meetings": [closed.slug]}, format="json"
    )
    assert hidden.status_code == 400
    assert set(hidden.json()) == {"meetings"}
    assert not item.meetings.exists()
