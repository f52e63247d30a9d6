"""In a real browser: choosing a meeting's host fills in its time zone, never over one typed."""

import pytest

from intercity.testing.browser import log_in
from intercity.testing.factories import PASSWORD
from intercity.testing.personas import make_cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_the_host_fills_in_its_time_zone(live_server, page):
    cast = make_cast()
    cast.other.time_zone = "Asia/Tokyo"
    cast.other.save(update_fields=["time_zone"])
    log_in(page, live_server.url, cast.secretariat.username, PASSWORD)
    page.goto(f"{live_server.url}/meetings/new/")
    assert page.input_value("#id_time_zone") == ""
    page.select_option("#id_host_city", str(cast.other.pk))
    assert page.input_value("#id_time_zone") == "Asia/Tokyo"
    page.select_option("#id_host_city", str(cast.home.pk))
    assert page.input_value("#id_time_zone") == cast.home.time_zone
    page.fill("#id_time_zone", "UTC")
    page.select_option("#id_host_city", str(cast.other.pk))
    assert page.input_value("#id_time_zone") == "UTC"


def test_a_lone_checkbox_sits_under_its_label_on_a_phone(live_server, chromium):
    cast = make_cast()
    context = chromium.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, cast.focal_point.username, PASSWORD)
    page.goto(f"{live_server.url}/meetings/new/")
    label = page.locator("label[for=id_is_public]").bounding_box()
    box = page.locator("#id_is_public").bounding_box()
    context.close()
    # A checkbox stretched across the field draws its box in the middle, far from its label.
    assert abs(box["x"] - label["x"]) < 8
    assert box["width"] < 40
