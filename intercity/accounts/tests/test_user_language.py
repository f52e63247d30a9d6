"""A person's chosen language is saved on their profile and applies when they sign in again."""

import pytest
from django.test import Client
from django.urls import reverse

from intercity.accounts.models import User

pytestmark = pytest.mark.django_db


def test_switcher_saves_the_language_on_the_profile_and_it_applies_on_a_new_sign_in():
    user = User.objects.create_user("reader", password="x")
    client = Client()
    client.force_login(user)

    response = client.post(reverse("set_language"), {"language": "ja", "next": "/"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "ja"
    fresh = Client(headers={"accept-language": "ko"})
    fresh.force_login(user)
    assert '<html lang="ja">' in fresh.get("/").content.decode()


def test_a_visitor_gets_the_browser_language_and_the_switcher_still_works():
    client = Client(headers={"accept-language": "vi"})
    assert '<html lang="vi">' in client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "th", "next": "/"})
    assert '<html lang="th">' in client.get("/").content.decode()


def test_an_unknown_language_is_not_saved():
    user = User.objects.create_user("reader", password="x")
    client = Client()
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.language == ""


@pytest.mark.parametrize(
    ("asked", "served"),
    [("zh_Hant", "zh-hant"), ("zh-TW", "zh-hant"), ("JA", "ja"), ("fil_PH", "fil"), ("vi", "vi")],
)
def test_a_link_names_its_language_as_people_write_it(asked, served):
    client = Client(headers={"accept-language": "en"})
    page = client.get("/", {"hl": asked}).content.decode()
    assert f'<html lang="{served}">' in page
    # The choice is remembered under the site's own code, for the next page without `hl`.
    assert f'<html lang="{served}">' in client.get("/").content.decode()


def test_a_link_to_a_language_the_site_does_not_speak_keeps_the_reader_s_own():
    client = Client(headers={"accept-language": "ko"})
    assert '<html lang="ko">' in client.get("/", {"hl": "pt_BR"}).content.decode()
