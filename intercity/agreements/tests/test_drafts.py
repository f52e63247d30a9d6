"""A draft agreement is still being negotiated: only the secretariat and the parties' focal
points read it, on every page, in the API and in search; everyone else finds nothing."""

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.searchindex.engine import search
from intercity.testing.declaration_factories import CommitmentFactory
from intercity.testing.factories import AgreementFactory, CityFactory

pytestmark = pytest.mark.django_db
TITLE = "Riverside water accord"
STRANGERS = ["expert", "reader", "organisation_rep", "outsider", None]


@pytest.fixture
def draft(cast):
    return AgreementFactory(
        title=TITLE, slug="water-accord", status="draft", signed_on=None,
        parties=[cast.home, CityFactory(name="Third City")],
    )  # fmt: skip


def _user(cast, who):
    # "outsider": the focal point of a member city that is not a party.
    return None if who is None else getattr(cast, "other_focal_point" if who == "outsider" else who)


def _api(user) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.mark.parametrize("who", STRANGERS)
def test_a_draft_is_hidden_from_everyone_who_cannot_edit_it(client_for, cast, draft, who):
    user = _user(cast, who)
    page = client_for(user)
    assert page.get(draft.get_absolute_url()).status_code == 404
    assert TITLE not in page.get(reverse("agreements:list")).text
    assert TITLE not in page.get(reverse("cities:detail", args=[cast.home.slug])).text
    api = _api(user)
    assert api.get(reverse("api-v1:agreement-detail", args=[draft.slug])).status_code == 404
    listed = api.get(reverse("api-v1:agreement-list")).json()["results"]
    assert draft.slug not in [row["slug"] for row in listed]
    assert not search(user=user, query="Riverside water accord", semantic=False).hits


@pytest.mark.parametrize("who", ["secretariat", "focal_point"])
def test_those_who_may_edit_a_draft_see_it_everywhere(client_for, cast, draft, who):
    user = getattr(cast, who)
    page = client_for(user)
    assert page.get(draft.get_absolute_url()).status_code == 200
    assert TITLE in page.get(reverse("agreements:list")).text
    assert TITLE in page.get(reverse("cities:detail", args=[cast.home.slug])).text
    assert _api(user).get(reverse("api-v1:agreement-detail", args=[draft.slug])).status_code == 200
    assert search(user=user, query="Riverside water accord", semantic=False).hits


def test_a_signed_agreement_is_public(client_for, cast, draft):
    draft.status = "signed"
    draft.signed_on = draft.created_at.date()
    draft.save()
    assert client_for(None).get(draft.get_absolute_url()).status_code == 200
    assert search(user=None, query="Riverside water accord", semantic=False).hits


def test_a_commitment_carried_by_a_draft_does_not_name_it_to_strangers(client_for, cast, draft):
    commitment = CommitmentFactory(cities=[cast.home])
    commitment.agreements.add(draft)
    declaration = commitment.declaration.get_absolute_url()
    assert TITLE not in client_for(None).get(commitment.get_absolute_url()).text
    assert TITLE not in client_for(None).get(declaration).text
    assert TITLE in client_for(cast.focal_point).get(commitment.get_absolute_url()).text
