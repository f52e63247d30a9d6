"""In a real browser: the reader switches language on any page, forms answer in that language, and
every script is drawn with the fonts the site serves."""

import pytest
from django.utils import translation

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load
from intercity.testing.browser import SCREENSHOTS, log_in
from intercity.testing.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A sample of each language's own script, and the served face that must draw it.
SCRIPT_FONTS = {
    "ja": ("Noto Sans JP", "加盟都市"),
    "ko": ("Noto Sans KR", "회원 도시"),
    "zh-hant": ("Noto Sans TC", "會員城市"),
    "th": ("Noto Sans Thai", "เมืองสมาชิก"),
    "my": ("Noto Sans Myanmar", "အဖွဲ့ဝင်မြို့"),
    "hi": ("Noto Sans Devanagari", "सदस्य शहर"),
    "ru": ("Noto Sans", "Города-члены"),
    "mn": ("Noto Sans", "Гишүүн хот"),
    "vi": ("Noto Sans", "Thành phố thành viên"),
}
LANGUAGES = ["en", "ja", "ko", "vi", "th", "id", "ms", "ru", "zh-hant", "mn", "my", "hi", "fil"]


@pytest.fixture
def focal_point():
    anmc21_load(actor=None)
    hanoi = City.objects.get(slug="hanoi")
    return UserFactory(username="hanoi.focal", role=User.Role.FOCAL_POINT, city=hanoi)


def _switch(page, language):
    with page.expect_navigation():
        page.select_option("#language", language)
    page.wait_for_selector(f"html[lang='{language}']")


def _translated(language, message):
    with translation.override(language):
        return translation.gettext(message)


def test_the_switcher_changes_the_home_page_and_stays_for_the_session(live_server, page):
    page.goto(live_server.url + "/")
    english_heading = page.locator("nav").first.inner_text()
    _switch(page, "th")
    assert page.locator("nav").first.inner_text() != english_heading
    page.goto(live_server.url + "/meetings/")
    assert page.locator("html").get_attribute("lang") == "th", "remembered for the session"
    # A link shared in a language opens in it, whatever the reader's own choice.
    page.goto(live_server.url + "/meetings/?hl=ko")
    assert page.locator("html").get_attribute("lang") == "ko"


@pytest.mark.parametrize("language", ["my", "th"])
def test_a_form_with_a_mistake_answers_in_the_readers_language(
    live_server, page, focal_point, language
):
    log_in(page, live_server.url, "hanoi.focal", PASSWORD)
    page.goto(live_server.url + "/cities/hanoi/edit/")
    _switch(page, language)
    assert "/cities/hanoi/edit/" in page.url, "the switcher keeps the reader on the form"
    page.fill("#id_website", "not a web address")
    page.click("form.record-form button[type=submit]")
    page.wait_for_selector(".field.has-error p.error")
    assert page.locator("html").get_attribute("lang") == language
    error = page.locator(".field.has-error p.error").first.inner_text()
    expected = _translated(language, "Enter a valid URL.")
    assert expected != "Enter a valid URL.", f"no {language} translation for the message"
    assert expected in error
    assert City.objects.get(slug="hanoi").website == "", "nothing was saved"
    page.screenshot(path=str(SCREENSHOTS / "i18n" / f"form-error-{language}.png"), full_page=True)


def test_the_home_page_in_every_language_is_drawn_with_the_served_fonts(live_server, page):
    anmc21_load(actor=None)
    folder = SCREENSHOTS / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        page.goto(f"{live_server.url}/?hl={language}")
        page.evaluate("document.fonts.ready")
        assert page.locator("html").get_attribute("lang") == language
        if language in SCRIPT_FONTS:
            family, sample = SCRIPT_FONTS[language]
            loaded = page.evaluate(
                """async ([family, sample]) => {
                    await document.fonts.load(`16px "${family}"`, sample);
                    return [...document.fonts].some(
                        (face) => face.family.replaceAll('"', '') === family
                            && face.status === "loaded");
                }""",
                [family, sample],
            )
            assert loaded, f"{family} was not loaded from the site for {language}"
            placeholder_font = page.evaluate(
                "getComputedStyle(document.querySelector('.search input')).fontFamily"
            )
            assert family in placeholder_font, "form controls use the served fonts too"
        page.screenshot(path=str(folder / f"home-{language}.png"), full_page=False)


def test_the_map_zoom_buttons_are_named_in_the_readers_language(live_server, page):
    anmc21_load(actor=None)
    page.goto(live_server.url + "/?hl=ja")
    page.wait_for_selector(".leaflet-control-zoom-in")
    zoom_in = page.locator(".leaflet-control-zoom-in")
    zoom_out = page.locator(".leaflet-control-zoom-out")
    # Read aloud and shown as a tooltip: not Leaflet's English "Zoom in" on a Japanese page.
    assert zoom_in.get_attribute("title") == _translated("ja", "Zoom in") != "Zoom in"
    assert zoom_in.get_attribute("aria-label") == _translated("ja", "Zoom in")
    assert zoom_out.get_attribute("title") == _translated("ja", "Zoom out") != "Zoom out"


@pytest.mark.parametrize("page_language", ["ko", "zh-hant"])
def test_a_passage_in_another_script_keeps_its_font_on_a_korean_or_chinese_page(
    live_server, page, page_language
):
    # A Burmese or Thai title in a list inherits the page's fonts: they must still draw its script.
    page.goto(f"{live_server.url}/?hl={page_language}")
    for language, family in (
        ("my", "Noto Sans Myanmar"),
        ("th", "Noto Sans Thai"),
        ("hi", "Noto Sans Devanagari"),
    ):
        font = page.evaluate(
            """(language) => {
                const passage = document.createElement("a");
                passage.lang = language;
                document.querySelector("main").append(passage);
                return getComputedStyle(passage).fontFamily;
            }""",
            language,
        )
        assert family in font, f"{family} missing for {language} on a {page_language} page"
