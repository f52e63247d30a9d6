"""In a real browser: two organisations agree to meet, the organiser schedules, both see it."""

import pytest

from intercity.testing.browser import chromium, log_in, page, screenshot  # noqa: F401
from intercity.testing.business_factories import (
    EventFactory,
    ProfileFactory,
    RegistrationFactory,
    add_slots,
)
from intercity.testing.factories import PASSWORD, UserFactory
from intercity.testing.personas import make_cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_organisations_meet_and_each_sees_the_agenda(live_server, page):  # noqa: F811
    cast = make_cast()
    event = EventFactory(
        meeting__host_city=cast.home, meeting__title="Hanoi Business Meeting", tables=2
    )
    add_slots(event, 4)
    mine = cast.organisation_rep.organisation
    partner = ProfileFactory(organisation__name="Tokyo Eco Lighting", organisation__city=cast.other)
    partner_rep = UserFactory(
        username="partner", role="organisation_rep", organisation=partner.organisation
    )
    RegistrationFactory(event=event, organisation=partner.organisation)
    base = live_server.url
    event_url = f"{base}/business/events/{event.pk}/"

    log_in(page, base, cast.organisation_rep.username, PASSWORD)
    page.goto(event_url)
    page.click("#register")
    page.select_option("#id_invitee", label="Tokyo Eco Lighting")
    page.fill("#id_note", "LED street lighting for Hanoi")
    page.click("#request-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "Waiting for an answer" in page.content()

    page.context.clear_cookies()
    log_in(page, base, partner_rep.username, PASSWORD)
    page.goto(event_url)
    page.click("button[value=accept]")
    page.wait_for_load_state("networkidle")

    page.context.clear_cookies()
    log_in(page, base, cast.focal_point.username, PASSWORD)
    page.goto(event_url)
    page.click("#run-scheduler")
    page.wait_for_selector("text=Open the grid")
    page.click("text=Open the grid")
    page.wait_for_load_state("networkidle")
    assert "The independent validator finds every rule respected." in page.content()
    screenshot(page, "business-grid.png")

    for username in (cast.organisation_rep.username, partner_rep.username):
        page.context.clear_cookies()
        log_in(page, base, username, PASSWORD)
        page.goto(f"{event_url}agenda/")
        rows = page.locator("table.agenda tbody tr")
        assert rows.count() == 1
        if username == cast.organisation_rep.username:
            assert "Tokyo Eco Lighting" in rows.first.inner_text()
            screenshot(page, "business-agenda.png")
        else:
            assert mine.name in rows.first.inner_text()
