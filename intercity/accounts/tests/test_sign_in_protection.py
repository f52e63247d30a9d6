"""Failed sign-ins lock an account and an address out, clearly; the secretariat can unlock."""

import pytest
from axes.models import AccessFailureLog, AccessLog
from django.test import Client
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from intercity.testing.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "a long enough password 42"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3


def _account(username="hanoi-focal"):
    user = UserFactory(username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, username, password, address="10.1.2.3"):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_an_account_is_locked_after_repeated_failures_even_with_the_right_password():
    _account()
    client = Client()
    for _ in range(2):
        assert _login(client, "hanoi-focal", "wrong").status_code == 200
    assert _login(client, "hanoi-focal", "wrong").status_code == 429
    response = _login(client, "hanoi-focal", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessFailureLog.objects.filter(username="hanoi-focal", locked_out=True).exists()


def test_the_lock_follows_the_account_across_addresses():
    _account()
    for number in range(3):
        _login(Client(), "hanoi-focal", "wrong", address=f"10.0.0.{number}")
    assert _login(Client(), "hanoi-focal", PASSWORD, address="10.9.9.9").status_code == 429


def test_one_address_guessing_many_accounts_is_locked_out():
    _account("someone-else")
    for number in range(3):
        _login(Client(), f"guess-{number}", "wrong", address="10.6.6.6")
    assert _login(Client(), "someone-else", PASSWORD, address="10.6.6.6").status_code == 429
    assert _login(Client(), "someone-else", PASSWORD, address="10.7.7.7").status_code == 302


def test_a_successful_sign_in_is_audited():
    _account()
    assert _login(Client(), "hanoi-focal", PASSWORD).status_code == 302
    assert AccessLog.objects.filter(username="hanoi-focal").exists()


def test_the_token_endpoint_locks_out_too_with_a_clear_message():
    _account()
    client = APIClient()
    for _ in range(2):
        response = client.post(
            "/api/v1/auth/token/", {"username": "hanoi-focal", "password": "wrong"}, format="json"
        )
        assert response.status_code == 400
    client.post("/api/v1/auth/token/", {"username": "hanoi-focal", "password": "x"}, format="json")
    response = client.post(
        "/api/v1/auth/token/", {"username": "hanoi-focal", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.json()["detail"]


def test_the_secretariat_unlocks_an_account(cast):
    _account()
    for _ in range(3):
        _login(Client(), "hanoi-focal", "wrong")
    secretariat = Client()
    secretariat.force_login(cast.secretariat)
    assert 'href="/accounts/sign-in-security/"' in secretariat.get("/accounts/users/").text
    page = secretariat.get("/accounts/sign-in-security/")
    assert page.status_code == 200
    assert "hanoi-focal" in page.content.decode()

    response = secretariat.post(
        "/accounts/sign-in-security/", {"username": "hanoi-focal", "ip_address": "10.1.2.3"}
    )

    assert response.status_code == 302
    assert _login(Client(), "hanoi-focal", PASSWORD).status_code == 302


@pytest.mark.parametrize("who", ["focal_point", "reader"])
def test_no_one_else_sees_or_unlocks_lockouts(cast, who):
    _account()
    for _ in range(3):
        _login(Client(), "hanoi-focal", "wrong")
    client = Client()
    client.force_login(getattr(cast, who))
    assert client.get("/accounts/sign-in-security/").status_code == 404
    assert (
        client.post("/accounts/sign-in-security/", {"username": "hanoi-focal"}).status_code == 404
    )
    assert _login(Client(), "hanoi-focal", PASSWORD).status_code == 429


def test_the_api_answers_429_past_the_rate_per_address(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "5/minute"})
    client = APIClient()
    answers = [client.get("/api/v1/cities/").status_code for _ in range(7)]
    assert answers[:5] == [200] * 5
    assert answers[5:] == [429, 429]
    # Another address has its own count.
    assert client.get("/api/v1/cities/", REMOTE_ADDR="10.4.4.4").status_code == 200


def test_the_api_answers_429_past_the_rate_per_account(cast, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "4/minute"})
    client = APIClient()
    client.force_authenticate(cast.focal_point)
    answers = [client.get("/api/v1/cities/").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]
    other = APIClient()
    other.force_authenticate(cast.other_focal_point)
    assert other.get("/api/v1/cities/").status_code == 200
