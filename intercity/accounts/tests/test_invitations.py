"""The secretariat invites a focal point by email; the link works once, until it expires."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from intercity.accounts.models import Invitation, User
from intercity.accounts.services import invitation_send

pytestmark = pytest.mark.django_db
NEW = reverse("accounts:invitation-create")
PASSWORD = "river-lantern-47-harbour"


def invite(client, cast, **overrides):
    data = {
        "email": "lan@hanoi.example",
        "first_name": "Lan",
        "last_name": "Nguyen",
        "role": "focal_point",
        "city": cast.home.pk,
        **overrides,
    }
    return client.post(NEW, data)


def link_in(message) -> str:
    return re.search(r"https?://\S+/accounts/invitations/\S+/", message.body).group(0)


def accept(client, link, username="lan", password=PASSWORD, again=None):
    data = {"username": username, "password1": password, "password2": again or password}
    return client.post(link, data)


def test_the_secretariat_invites_a_focal_point_by_email(
    client_for, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client_for(cast.secretariat), cast)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.role == "focal_point" and invitation.city == cast.home
    assert invitation.history.first().history_change_reason == "accounts.invitation.sent"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lan@hanoi.example"]
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash  # only a hash is stored


def test_the_invitee_sets_a_password_and_lands_on_their_work(
    client_for, cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(cast.secretariat), cast)
    link = link_in(mail.outbox[0])
    visitor = client_for(None)

    assert visitor.get(link).status_code == 200
    response = accept(visitor, link)

    assert response.status_code == 302 and response["Location"] == reverse("web:my-work")
    user = User.objects.get(username="lan")
    assert (user.role, user.city, user.email) == ("focal_point", cast.home, "lan@hanoi.example")
    assert user.check_password(PASSWORD)
    assert visitor.get(reverse("web:my-work")).status_code == 200  # logged in


def test_the_link_works_only_once(client_for, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(cast.secretariat), cast)
    link = link_in(mail.outbox[0])
    accept(client_for(None), link)

    assert client_for(None).get(link).status_code == 410
    assert accept(client_for(None), link, username="intruder").status_code == 410
    assert not User.objects.filter(username="intruder").exists()


def test_an_expired_link_creates_nothing(client_for, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(cast.secretariat), cast)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = accept(client_for(None), link_in(mail.outbox[0]))

    assert response.status_code == 410
    assert not User.objects.filter(username="lan").exists()


def test_an_unknown_token_answers_404(client_for):
    link = reverse("accounts:invitation-accept", args=["not-a-token"])
    assert client_for(None).get(link).status_code == 404


def test_a_new_invitation_to_the_same_address_spends_the_old_link(
    client_for, cast, django_capture_on_commit_callbacks
):
    client = client_for(cast.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, cast)
        invite(client, cast)
    first, second = link_in(mail.outbox[0]), link_in(mail.outbox[1])
    assert client_for(None).get(first).status_code == 410
    assert client_for(None).get(second).status_code == 200


@pytest.mark.parametrize(
    ("password", "again", "field"),
    [
        ("short", None, "password1"),
        ("123456789012", None, "password1"),
        (PASSWORD, "other-pass-99", "password2"),
    ],
)
def test_a_weak_or_mistyped_password_is_refused_and_the_link_stays_usable(
    client_for, cast, django_capture_on_commit_callbacks, password, again, field
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client_for(cast.secretariat), cast)
    link = link_in(mail.outbox[0])

    response = accept(client_for(None), link, password=password, again=again)

    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"city": ""}, "city"),
        ({"email": "not-an-address"}, "email"),
        ({"first_name": "\u200b"}, "first_name"),
        ({"last_name": "N\u202eguyen"}, "last_name"),
    ],
)
def test_an_invitation_with_bad_fields_shows_the_errors(client_for, cast, overrides, field):
    response = invite(client_for(cast.secretariat), cast, **overrides)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Invitation.objects.exists()


def test_an_address_with_an_account_is_not_invited_again(client_for, cast):
    cast.focal_point.email = "lan@hanoi.example"
    cast.focal_point.save()
    response = invite(client_for(cast.secretariat), cast)
    assert response.status_code == 400
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("who", ["focal_point", "other_focal_point", "reader"])
def test_only_the_secretariat_invites(client_for, cast, who):
    client = client_for(getattr(cast, who))
    assert client.get(NEW).status_code == 404
    assert invite(client, cast).status_code == 404
    assert not Invitation.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client_for, cast):
    response = invite(client_for(None), cast)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_invitation_page_refuses_other_methods(client_for, cast):
    assert client_for(cast.secretariat).put(NEW).status_code == 405
    invitation = invitation_send(
        actor=cast.secretariat,
        data={"email": "a@b.example", "role": "member"},
        accept_url=lambda token: token,
    )
    assert invitation.is_usable
