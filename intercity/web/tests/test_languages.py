"""The site speaks the reader's language where a translation exists, English otherwise."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "Thành phố thành viên"), ("ja", "会員都市"), ("en", "Member cities")],
)
def test_the_home_page_follows_the_browsers_language(client, language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_a_language_the_platform_does_not_offer_falls_back_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert "Member cities" in response.content.decode()


@pytest.mark.django_db
def test_the_reader_can_switch_language(client):
    client.post("/i18n/setlang/", {"language": "ja", "next": "/"})
    assert "会議" in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_language_menu_names_each_language_in_its_own_words(client):
    body = client.get("/").content.decode()
    assert '<option value="mn" lang="mn">Монгол</option>' in body
    assert '<option value="my" lang="my">မြန်မာဘာသာ</option>' in body
    assert ">Mongolian</option>" not in body
