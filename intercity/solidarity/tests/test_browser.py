"""In a real browser: Manila posts a need, Tokyo offers, Manila accepts, Tokyo dispatches,
Manila receives, and the board shows the need covered."""

import pytest

from intercity.solidarity import services
from intercity.testing.browser import log_in, outline_longest_step, screenshot
from intercity.testing.factories import PASSWORD
from intercity.testing.solidarity_factories import (
    active_incident,
    cap_message,
    city,
    focal_point,
    need,
    offer,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _switch(page, base, username):
    page.context.clear_cookies()
    log_in(page, base, username, PASSWORD)


def test_a_need_is_offered_accepted_dispatched_received_and_covered(live_server, page):
    manila, tokyo = city("metro-manila"), city("tokyo")
    city("seoul")
    manila_focal = focal_point(manila, "manila.focal")
    tokyo_focal = focal_point(tokyo, "tokyo.focal")
    incident = active_incident(affected=[manila], name="Flood in Metro Manila")
    services.message_send(
        actor=tokyo_focal,
        data={
            "incident": incident,
            "to_city": manila,
            "language": "ja",
            "body": "マニラの皆さんと共にあります。",
        },
    )
    base = live_server.url
    board = f"{base}/solidarity/incidents/{incident.slug}/board/"

    _switch(page, base, manila_focal.username)
    page.goto(board)
    page.select_option("#id_category", "water_sanitation")
    page.fill("#id_description", "Drinking water for evacuation centres")
    page.fill("#id_quantity", "5000")
    page.select_option("#id_unit_0", "litre")
    page.fill("#id_location", "Marikina evacuation centre")
    page.click("#post-need button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".need .badge[data-state=open]").count() == 1

    _switch(page, base, tokyo_focal.username)
    page.goto(board)
    page.click("a.offer-help")
    page.fill("#id_description", "Bottled water from Tokyo's reserve")
    page.fill("#id_quantity", "5000")
    page.click("#offer-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Thank you" in page.content()

    _switch(page, base, manila_focal.username)
    page.goto(board)
    page.click(".accept-form button.accept")
    page.wait_for_load_state("networkidle")
    assert page.locator(".need .badge[data-state=pending]").count() == 1

    _switch(page, base, tokyo_focal.username)
    page.goto(board)
    page.fill(".dispatch-form input[name=note]", "Flight JL741")
    page.click(".dispatch-form button.dispatch")
    page.wait_for_load_state("networkidle")
    assert "Marked as dispatched." in page.content()

    _switch(page, base, manila_focal.username)
    page.goto(board)
    page.click("button.receive")
    page.wait_for_load_state("networkidle")
    assert page.locator(".need .badge[data-state=covered]").count() == 1
    assert page.locator(".board-totals td.covered").inner_text() == "5,000"
    screenshot(page, "solidarity-needs-board.png")

    page.goto(f"{base}/solidarity/incidents/{incident.slug}/")
    page.wait_for_selector("#incident-map[data-outlines-drawn=true]")
    timeline = page.locator("ol.timeline").inner_text()
    for step in (
        "needs 5,000 litres",
        "offers 5,000 litres",
        "accepted 5,000",
        "dispatched 5,000",
        "received",
    ):
        assert step in timeline
    screenshot(page, "solidarity-incident.png")


def test_the_secretariat_imports_a_cap_alert_and_sees_it_on_the_map(live_server, page, tmp_path):
    from intercity.accounts.models import User
    from intercity.testing.factories import UserFactory

    manila = city("metro-manila")
    city("tokyo")
    city("hanoi")
    city("seoul")
    secretariat = UserFactory(username="sec", role=User.Role.SECRETARIAT)
    alert = tmp_path / "alert.xml"
    alert.write_bytes(cap_message())
    base = live_server.url

    _switch(page, base, secretariat.username)
    page.goto(f"{base}/solidarity/")
    page.set_input_files("#id_file", str(alert))
    page.click("form[action$='import-cap/'] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "incident created" in page.content()
    page.check(f"#confirm-form input[type=checkbox][value='{manila.pk}']")
    page.click("#confirm-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Incident and affected cities confirmed." in page.content()
    page.goto(f"{base}/solidarity/")
    page.wait_for_selector("#incident-map[data-outlines-drawn=true]")
    assert page.locator("#incident-map").get_attribute("data-area-count") == "1"
    outlines, longest_step = outline_longest_step(page, "#incident-map")
    assert outlines > 100 and longest_step < 90
    screenshot(page, "solidarity-incidents.png")


def test_a_drill_review_publishes_its_lessons(live_server, page):
    import datetime

    tokyo, seoul = city("tokyo"), city("seoul")
    tokyo_focal = focal_point(tokyo, "tokyo.focal")
    drill = services.drill_create(
        actor=tokyo_focal,
        meeting={
            "title": "Joint earthquake drill",
            "host_city": tokyo,
            "year": 2027,
            "start_date": datetime.date(2027, 9, 1),
        },
        cities={seoul: "delegate"},
        data={
            "scenario_kind": "earthquake",
            "scenario": "A strong earthquake under the bay.",
            "objectives": ["Exchange a situation report within one hour"],
        },
    )
    base = live_server.url

    _switch(page, base, tokyo_focal.username)
    page.goto(f"{base}{drill.get_absolute_url()}")
    page.fill("#id_what_worked", "Reports arrived within the hour.")
    page.fill("#id_to_improve", "Equipment units did not match the needs.")
    page.fill("#id_lessons", "Agree on units for relief items before a disaster.")
    page.click("button[name=publish]")
    page.wait_for_load_state("networkidle")
    page.fill("#id_description", "Publish a shared list of units")
    page.select_option("#id_owner_city", label="Seoul")
    page.fill("#id_due_on", "2027-12-01")
    page.click("form[action$='actions/'] button[type=submit]")
    page.wait_for_load_state("networkidle")

    assert "Lessons from Joint earthquake drill" in page.content()
    assert "Publish a shared list of units" in page.inner_text("table")
    screenshot(page, "solidarity-drill.png")


def test_on_a_phone_the_quantities_of_a_need_keep_each_number_whole(live_server, chromium):
    manila, tokyo = city("metro-manila"), city("tokyo")
    incident = active_incident(affected=[manila])
    tents = need(incident, manila, quantity=500)
    services.offer_accept(
        actor=None, need=tents, offer=offer(tokyo, quantity=300, incident=incident)
    )
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.add_cookies([{"name": "django_language", "value": "vi", "url": live_server.url}])
    page = context.new_page()
    page.goto(f"{live_server.url}/solidarity/incidents/{incident.slug}/board/")
    heights = page.evaluate(
        """() => [...document.querySelectorAll('dl.quantities dd')].map(dd => {
             const line = parseFloat(getComputedStyle(dd).lineHeight);
             return dd.getBoundingClientRect().height / line;
           })"""
    )
    screenshot(page, "needs-board-phone.png")
    context.close()
    # 0 covered, 300 pending, 200 open: each figure on one line, never "3 / 0 / 0".
    assert len(heights) == 3
    assert all(lines < 1.5 for lines in heights), heights
