"""In a real browser: the home map shows the 13 members; a focal point edits their city."""

import pytest

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.dataset.loader import anmc21_load
from intercity.testing.browser import log_in, outline_longest_step, screenshot
from intercity.testing.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    anmc21_load(actor=None)
    hanoi = City.objects.get(slug="hanoi")
    tokyo = City.objects.get(slug="tokyo")
    return {
        "hanoi_focal": UserFactory(username="hanoi.focal", role=User.Role.FOCAL_POINT, city=hanoi),
        "tokyo_focal": UserFactory(username="tokyo.focal", role=User.Role.FOCAL_POINT, city=tokyo),
    }


def test_the_home_page_maps_the_thirteen_member_cities(live_server, page, network):
    page.goto(live_server.url + "/")
    page.wait_for_selector("#network-map[data-outlines-drawn='true']", timeout=15000)
    assert page.locator("#network-map").get_attribute("data-city-count") == "13"
    # Countries stored cut at the 180th meridian (Fiji, Russia) are drawn whole, not with an
    # edge across the whole map.
    outlines, longest_step = outline_longest_step(page, "#network-map")
    assert outlines > 100 and longest_step < 90
    assert page.locator("path.city-marker").count() == 13
    page.locator("path.city-marker").first.hover()
    assert page.locator(".leaflet-tooltip").count() == 1
    screenshot(page, "home.png")


def settles(page, height_expression: str, at_least: float = 1000, seconds: float = 5) -> bool:
    """Whether the measured height reaches `at_least` within a few seconds (the page's CSP
    forbids Playwright's wait_for_function, so this polls through evaluate)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(height_expression) >= at_least:
            return True
        page.wait_for_timeout(100)
    return False


def test_the_home_map_fills_its_card_beside_a_taller_column(live_server, page, network):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    page.wait_for_selector("#network-map[data-outlines-drawn='true']", timeout=15000)
    # A network with many incidents, meetings and projects makes the column beside the map tall.
    page.evaluate("document.querySelector('.dashboard > div').style.minHeight = '1400px'")
    assert settles(page, "document.getElementById('network-map').getBoundingClientRect().height")
    gap = page.evaluate(
        """() => {
          const card = document.querySelector('.map-card').getBoundingClientRect();
          const list = document.querySelector('.map-fallback').getBoundingClientRect();
          return card.bottom - list.bottom;
        }"""
    )
    assert gap < 60  # the city list sits at the card's foot, no blank area under it
    # Leaflet redrew at the new size: the outlines' layer spans the taller box.
    assert settles(
        page,
        "document.querySelector('#network-map .leaflet-overlay-pane svg').getBoundingClientRect()"
        ".height",
    )


def test_a_focal_point_edits_their_city_and_the_page_shows_it(live_server, page, network):
    log_in(page, live_server.url, "hanoi.focal", PASSWORD)
    page.goto(live_server.url + "/cities/hanoi/")
    page.click("text=Edit this city")
    assert page.locator("#id_membership_status").count() == 0  # not the focal point's to change
    page.fill("#id_description", "Capital of Vietnam; host of the 12th Plenary Meeting.")
    page.click("form.record-form button[type=submit]")
    page.wait_for_url(live_server.url + "/cities/hanoi/")
    assert "host of the 12th Plenary Meeting" in page.content()
    history = page.locator("#history").inner_text()
    assert "Hanoi focal point" in history and "updated the city" in history
    assert "cities.city" not in history
    screenshot(page, "city-hanoi.png")


def test_the_public_and_other_cities_cannot_edit_a_city(live_server, page, network):
    page.goto(live_server.url + "/cities/hanoi/")
    assert page.locator("text=Edit this city").count() == 0
    response = page.goto(live_server.url + "/cities/hanoi/edit/")
    assert "/accounts/login/" in page.url and response.ok
    log_in(page, live_server.url, "tokyo.focal", PASSWORD)
    response = page.goto(live_server.url + "/cities/hanoi/edit/")
    assert response.status == 404
    assert City.objects.get(slug="hanoi").description == ""
