"""Records with two or more parties: one party cannot rewrite them, and its change of status is
a proposal that another party or the secretariat confirms."""

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from intercity.agreements.models import Agreement, Pledge, StatusProposal
from intercity.agreements.proposals import proposal_confirm, status_change
from intercity.testing.factories import AgreementFactory, CityFactory, PledgeFactory, UserFactory


def client(user) -> APIClient:
    api = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def third(cast):
    return CityFactory(name="Third City")


@pytest.fixture
def agreement(cast):
    agreement = AgreementFactory(
        title="Home–Other cooperation", status="draft", signed_on=None,
        parties=[cast.home, cast.other],
    )  # fmt: skip
    agreement.signatories.create(name="Mayor of Other", city=cast.other)
    return agreement


@pytest.fixture
def pledge(cast):
    return PledgeFactory(from_city=cast.home, to_city=cast.other, subject="Pumps")


def agreement_url(agreement, suffix="") -> str:
    return reverse("api-v1:agreement-detail", kwargs={"slug": agreement.slug}) + suffix


def pledge_url(pledge, suffix="") -> str:
    return reverse("api-v1:pledge-detail", kwargs={"pk": pledge.pk}) + suffix


# One party cannot rewrite what binds the others ------------------------------------------


def test_a_party_cannot_move_a_pledge_to_other_cities(cast, third, pledge):
    response = client(cast.focal_point).patch(
        pledge_url(pledge), {"from_city": cast.other.slug, "to_city": third.slug}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"from_city", "to_city"}
    pledge.refresh_from_db()
    assert (pledge.from_city, pledge.to_city) == (cast.home, cast.other)


def test_a_party_cannot_swap_another_party_out(cast, third, agreement):
    response = client(cast.focal_point).patch(
        agreement_url(agreement),
        {"parties": [{"city": cast.home.slug}, {"city": third.slug}]},
        format="json",
    )
    assert response.status_code == 400
    assert "parties" in response.json()
    assert set(agreement.party_roles.values_list("city", flat=True)) == {
        cast.home.pk,
        cast.other.pk,
    }


def test_a_party_cannot_add_a_signatory_for_another_city(cast, agreement):
    response = client(cast.focal_point).patch(
        agreement_url(agreement),
        {"signatories": [{"name": "Someone", "city": cast.other.slug}]},
        format="json",
    )
    assert response.status_code == 400
    assert "signatories" in response.json()
    assert list(agreement.signatories.values_list("name", flat=True)) == ["Mayor of Other"]


def test_a_party_cannot_change_another_partys_role(cast, agreement):
    response = client(cast.focal_point).patch(
        agreement_url(agreement),
        {"parties": [{"city": cast.home.slug}, {"city": cast.other.slug, "role": "assisted"}]},
        format="json",
    )
    assert response.status_code == 400
    assert agreement.party_roles.get(city=cast.other).role == "party"


def test_a_party_changes_its_own_role_and_adds_its_own_signatory(cast, agreement):
    response = client(cast.focal_point).patch(
        agreement_url(agreement),
        {
            "parties": [{"city": cast.home.slug, "role": "assisting"}, {"city": cast.other.slug}],
            "signatories": [{"name": "Mayor of Home", "city": cast.home.slug}],
        },
        format="json",
    )
    assert response.status_code == 200
    assert agreement.party_roles.get(city=cast.home).role == "assisting"
    assert agreement.party_roles.get(city=cast.other).role == "party"
    assert set(agreement.signatories.values_list("name", flat=True)) == {
        "Mayor of Home",
        "Mayor of Other",
    }


def test_the_secretariat_changes_the_parties(cast, third, agreement):
    response = client(cast.secretariat).patch(
        agreement_url(agreement),
        {"parties": [{"city": cast.home.slug}, {"city": third.slug}]},
        format="json",
    )
    assert response.status_code == 200
    assert set(agreement.party_roles.values_list("city", flat=True)) == {cast.home.pk, third.pk}


# A change of status by one party is a proposal ---------------------------------------------


def test_a_partys_change_of_status_waits_and_the_other_party_confirms_it(cast, pledge):
    response = client(cast.focal_point).post(
        pledge_url(pledge, "status/"), {"status": "fulfilled"}, format="json"
    )
    assert response.status_code == 202
    assert response.json()["status"] == "pledged"
    proposal_id = response.json()["proposal"]["id"]
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PLEDGED
    shown = client(None).get(pledge_url(pledge)).json()["pending_status_proposal"]
    assert shown["status_to"] == "fulfilled"

    confirm = reverse("api-v1:status-proposal-confirm", kwargs={"pk": proposal_id})
    assert client(cast.focal_point).post(confirm).status_code == 403
    response = client(cast.other_focal_point).post(confirm)

    assert response.status_code == 200
    assert response.json()["state"] == "confirmed"
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.FULFILLED


def test_a_status_in_a_partys_patch_becomes_a_proposal(cast, agreement):
    response = client(cast.other_focal_point).patch(
        agreement_url(agreement), {"status": "terminated"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response.json()["pending_status_proposal"]["status_to"] == "terminated"


def test_a_declined_proposal_leaves_the_status(cast, agreement):
    proposal = status_change(actor=cast.focal_point, record=agreement, status="terminated")
    decline = reverse("api-v1:status-proposal-decline", kwargs={"pk": proposal.pk})

    assert client(cast.other_focal_point).post(decline).status_code == 200
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT
    proposal.refresh_from_db()
    assert proposal.state == StatusProposal.State.DECLINED


def test_the_proposer_withdraws_but_cannot_confirm(cast, agreement):
    proposal = status_change(actor=cast.focal_point, record=agreement, status="terminated")
    confirm = reverse("api-v1:status-proposal-confirm", kwargs={"pk": proposal.pk})
    withdraw = reverse("api-v1:status-proposal-withdraw", kwargs={"pk": proposal.pk})

    assert client(cast.focal_point).post(confirm).status_code == 403
    assert client(cast.other_focal_point).post(withdraw).status_code == 403
    assert client(cast.focal_point).post(withdraw).status_code == 200
    proposal.refresh_from_db()
    assert proposal.state == StatusProposal.State.WITHDRAWN


def test_only_one_proposal_waits_at_a_time(cast, agreement):
    status_change(actor=cast.focal_point, record=agreement, status="terminated")
    response = client(cast.other_focal_point).post(
        agreement_url(agreement, "status/"), {"status": "expired"}, format="json"
    )
    assert response.status_code == 400
    assert "status" in response.json()


def test_the_secretariats_change_of_status_applies_at_once(cast, agreement):
    response = client(cast.secretariat).post(
        agreement_url(agreement, "status/"), {"status": "terminated"}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"status": "terminated", "proposal": None}
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.TERMINATED
    assert not StatusProposal.objects.exists()


def test_the_secretariat_can_confirm_a_partys_proposal(cast, pledge):
    proposal = status_change(actor=cast.focal_point, record=pledge, status="in_progress")
    proposal_confirm(actor=cast.secretariat, proposal=proposal)
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.IN_PROGRESS


@pytest.mark.parametrize(
    ("role", "expected"),
    [("expert", 404), ("reader", 404), ("organisation_rep", 404), ("anonymous", 401)],
)
def test_others_cannot_propose(cast, agreement, role, expected):
    user = None if role == "anonymous" else getattr(cast, role)
    response = client(user).post(
        agreement_url(agreement, "status/"), {"status": "terminated"}, format="json"
    )
    assert response.status_code == expected
    assert not StatusProposal.objects.exists()


def test_a_third_citys_focal_point_cannot_decide(cast, third, agreement):
    proposal = status_change(actor=cast.focal_point, record=agreement, status="terminated")
    outsider = UserFactory(username="thirdfocal", role="focal_point", city=third)
    confirm = reverse("api-v1:status-proposal-confirm", kwargs={"pk": proposal.pk})
    assert client(outsider).post(confirm).status_code == 403
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_an_unknown_status_is_a_field_error(cast, agreement):
    response = client(cast.focal_point).post(
        agreement_url(agreement, "status/"), {"status": "sunk"}, format="json"
    )
    assert response.status_code == 400
    assert "status" in response.json()


# Pages, history and email -------------------------------------------------------------------


def test_the_other_party_is_emailed_and_sees_it_on_my_work(
    cast, client_for, agreement, django_capture_on_commit_callbacks
):
    cast.other_focal_point.email = "other@example.org"
    cast.other_focal_point.save()
    with django_capture_on_commit_callbacks(execute=True):
        status_change(actor=cast.focal_point, record=agreement, status="terminated")

    assert [message.to for message in mail.outbox] == [["other@example.org"]]
    page = client_for(cast.other_focal_point).get(reverse("web:my-work")).content.decode()
    assert "Home–Other cooperation" in page
    assert "Home City proposes" in page


def test_the_page_confirms_and_the_history_says_who_proposed_and_confirmed(
    cast, client_for, agreement
):
    proposal = status_change(actor=cast.focal_point, record=agreement, status="terminated")
    detail = client_for(cast.other_focal_point).get(agreement.get_absolute_url())
    assert "Change of status awaiting confirmation" in detail.content.decode()

    url = reverse("agreements:proposal-decide", args=[proposal.pk, "confirm"])
    response = client_for(cast.other_focal_point).post(url)

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.TERMINATED
    page = client_for(cast.secretariat).get(agreement.get_absolute_url()).content.decode()
    assert "proposed a change of status" in page
    assert "confirmed the proposed change of status" in page


def test_the_proposer_cannot_confirm_through_the_page(cast, client_for, agreement):
    proposal = status_change(actor=cast.focal_point, record=agreement, status="terminated")
    url = reverse("agreements:proposal-decide", args=[proposal.pk, "confirm"])
    assert client_for(cast.focal_point).post(url).status_code == 404
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT


def test_a_party_editing_the_status_on_the_page_makes_a_proposal(cast, client_for, agreement):
    form = {
        "title": agreement.title,
        "status": "terminated",
        "parties": [cast.home.pk, cast.other.pk],
    }
    response = client_for(cast.focal_point).post(
        reverse("agreements:edit", args=[agreement.slug]), form
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.DRAFT
    assert StatusProposal.objects.get().status_to == "terminated"


def test_a_refused_edit_neither_proposes_nor_says_a_proposal_waits(cast, client_for, agreement):
    form = {
        "title": "x" * 400,  # too long: the form refuses it
        "status": "terminated",
        "parties": [cast.home.pk, cast.other.pk],
    }
    response = client_for(cast.focal_point).post(
        reverse("agreements:edit", args=[agreement.slug]), form, follow=True
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "The change of status waits for another party" not in page
    assert not StatusProposal.objects.exists()


def test_a_saved_edit_says_the_proposal_waits(cast, client_for, agreement):
    form = {
        "title": agreement.title,
        "status": "terminated",
        "parties": [cast.home.pk, cast.other.pk],
    }
    response = client_for(cast.focal_point).post(
        reverse("agreements:edit", args=[agreement.slug]), form, follow=True
    )

    assert "The change of status waits for another party" in response.content.decode()
    assert StatusProposal.objects.get().status_to == "terminated"


def test_a_refused_change_names_a_long_note_and_the_status_it_already_has(cast, agreement):
    before = Agreement.history.count()

    response = client(cast.focal_point).post(
        agreement_url(agreement, "status/"), {"status": "draft", "note": "x" * 2001}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"note", "status"}
    assert body["status"] == ["The record already has this status."]
    assert not StatusProposal.objects.exists()
    assert not StatusProposal.history.exists()
    assert Agreement.history.count() == before
