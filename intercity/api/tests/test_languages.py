"""The API answers in the language the person chose, as the pages do: its own error messages
(Django REST framework's) included, in languages that framework ships no translation for."""

import pytest
from django.conf import settings
from django.urls import reverse

CITIES = reverse("api-v1:city-list")

# What each message reads in the languages checked: Mongolian and Hindi, which Django REST
# framework does not translate, and Vietnamese, which it translates only in part.
INVALID_PAGE = {
    "mn": "Хуудас буруу байна.",
    "hi": "अमान्य पृष्ठ।",
    "vi": "Trang không hợp lệ.",
}
REQUIRED = {
    "mn": "Энэ талбарыг заавал бөглөнө.",
    "hi": "यह फ़ील्ड आवश्यक है।",
    "vi": "Trường này là bắt buộc.",
}
NOT_AUTHENTICATED = {
    "mn": "Нэвтрэх мэдээлэл ирүүлээгүй байна.",
    "hi": "प्रमाणीकरण विवरण नहीं दिए गए।",
    "vi": "Thông tin xác thực chưa được cung cấp.",
}
LANGUAGES = sorted(INVALID_PAGE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_invalid_page_is_named_in_the_accept_language(client, db, language):
    response = client.get(CITIES, {"page": 99}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 404
    assert response.json() == {"detail": INVALID_PAGE[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_invalid_page_is_named_in_the_language_the_site_remembers(client, db, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = client.get(CITIES, {"page": 99}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.json() == {"detail": INVALID_PAGE[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_required_field_is_named_in_the_accept_language(api_as, cast, language):
    response = api_as("secretariat").post(CITIES, {}, format="json", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 400
    assert response.json()["name"] == [REQUIRED[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_required_field_is_named_in_the_language_of_a_link(api_as, cast, language):
    response = api_as("secretariat").post(
        f"{CITIES}?hl={language}", {}, format="json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.json()["name"] == [REQUIRED[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_sign_in_is_named_in_the_accept_language(client, db, language):
    response = client.post(CITIES, {}, HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 401
    assert response.json() == {"detail": NOT_AUTHENTICATED[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_sign_in_is_named_in_the_language_of_a_link(client, db, language):
    response = client.post(f"{CITIES}?hl={language}", {}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.json() == {"detail": NOT_AUTHENTICATED[language]}


def test_a_token_client_is_answered_in_the_language_of_its_profile(api_as, cast):
    cast.secretariat.language = "mn"
    cast.secretariat.save(update_fields=["language"])

    response = api_as("secretariat").post(CITIES, {}, format="json")

    assert response.json()["name"] == [REQUIRED["mn"]]


def test_a_link_language_still_comes_before_a_token_client_profile(api_as, cast):
    cast.secretariat.language = "mn"
    cast.secretariat.save(update_fields=["language"])

    response = api_as("secretariat").post(f"{CITIES}?hl=vi", {}, format="json")

    assert response.json()["name"] == [REQUIRED["vi"]]


def test_the_browsable_api_speaks_the_chosen_language(client, db):
    response = client.get(CITIES, {"hl": "mn"}, HTTP_ACCEPT="text/html")
    page = response.content.decode()

    assert response.status_code == 200
    assert ">Нэвтрэх</a>" in page
    assert "Log in" not in page
    assert 'aria-label="үндсэн агуулга"' in page  # the framework's own "main content"


# The browsable API's own names and labels ---------------------------------------------------


@pytest.mark.parametrize(
    ("language", "cities", "city"), [("mn", "Хотууд", "Хот"), ("ru", "Города", "Город")]
)
def test_the_browsable_api_names_its_pages_after_the_records_in_the_chosen_language(
    client, db, language, cities, city
):
    from intercity.testing.factories import CityFactory

    hanoi = CityFactory(name="Hanoi")
    listing = client.get(CITIES, {"hl": language}, HTTP_ACCEPT="text/html").content.decode()
    detail = client.get(
        reverse("api-v1:city-detail", args=[hanoi.slug]), HTTP_ACCEPT="text/html"
    ).content.decode()

    assert f"<h1>{cities}</h1>" in listing and "City List" not in listing
    assert f"<h1>{city}</h1>" in detail and "City Instance" not in detail
    assert f">{cities}</a>" in detail  # the breadcrumb back to the list
    assert "Api Root" not in listing


def test_the_browsable_api_root_says_what_it_lists_in_the_chosen_language(client, db):
    page = client.get(reverse("api-v1:api-root"), {"hl": "ja"}, HTTP_ACCEPT="text/html")
    page = page.content.decode()

    assert "DefaultRouter" not in page
    assert "<h1>API のトップ</h1>" in page
    assert "API が扱う記録の種類と、それぞれのアドレスです。" in page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("mn", ["Медиа төрөл:", "Агуулга:", ">HTML маягт<", ">Түүхий өгөгдөл<"]),
        ("ja", ["メディアタイプ:", "内容:", ">HTML フォーム<", ">生データ<"]),
    ],
)
def test_the_browsable_api_labels_its_forms_in_the_chosen_language(api_as, cast, language, words):
    page = (
        api_as("secretariat")
        .get(CITIES, {"hl": language}, HTTP_ACCEPT="text/html")
        .content.decode()
    )

    for english in ("Media type:", "Content:", ">HTML form<", ">Raw data<", "Make a GET request"):
        assert english not in page
    for translated in words:
        assert translated in page


def test_the_browsable_api_asks_before_deleting_in_the_chosen_language(api_as, cast):
    from intercity.testing.factories import CityFactory

    url = reverse("api-v1:city-detail", args=[CityFactory(name="Hanoi").slug])
    page = api_as("secretariat").get(url, {"hl": "ru"}, HTTP_ACCEPT="text/html").content.decode()

    assert "Are you sure" not in page and ">Cancel<" not in page
    assert "Вы действительно хотите удалить: Город?" in page
