"""In a real browser: the host opens registration, an expert registers, the host approves,
and the expert reads on the meeting page that they are approved, and by whom."""

import datetime

import pytest

from intercity.testing.browser import log_in
from intercity.testing.factories import PASSWORD, MeetingFactory
from intercity.testing.personas import make_cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_expert_registers_and_the_host_focal_point_approves(live_server, page, chromium):
    cast = make_cast()
    meeting = MeetingFactory(host_city=cast.other, title="Water expert meeting", is_public=True)
    today = meeting.local_today()
    meeting.start_date = meeting.end_date = today + datetime.timedelta(days=30)
    meeting.year = meeting.start_date.year
    meeting.save()
    meeting_url = f"{live_server.url}{meeting.get_absolute_url()}"

    # The host city's focal point opens registration from the meeting page.
    log_in(page, live_server.url, cast.other_focal_point.username, PASSWORD)
    page.goto(meeting_url)
    page.click("#registration >> text=Registrations")
    page.fill("#id_opens_on", today.isoformat())
    page.fill("#id_closes_on", (today + datetime.timedelta(days=20)).isoformat())
    page.click("#settings button[type=submit]:has-text('Open registration')")
    assert "Registration dates were saved." in page.inner_text("body")

    # An expert of another city registers.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    expert = context.new_page()
    log_in(expert, live_server.url, cast.expert.username, PASSWORD)
    expert.goto(meeting_url)
    expert.click("#registration >> a:has-text('Register')")
    expert.select_option("#id_register-role", "head")
    expert.fill("#id_register-note", "Arriving the evening before.")
    expert.click("form.record-form button[type=submit]:has-text('Register')")
    assert "Registered – pending approval." in expert.inner_text("#registration")

    # The focal point approves it on the registrations page.
    page.goto(f"{meeting_url}registrations/")
    row = page.locator("tr", has_text=cast.expert.get_full_name())
    row.locator("button:has-text('Approve')").click()
    assert "is approved and listed as a participant" in page.inner_text("body")

    # The expert sees the approval, and in the registration's history who gave it.
    expert.goto(meeting_url)
    card = expert.locator("#registration")
    assert card.locator(".notice .badge").inner_text() == "Approved"
    assert "you are a participant of this meeting" in card.inner_text()
    expert.click("#registration-history summary")
    history = expert.inner_text("#registration-history")
    assert "Other City focal point" in history
    assert "approved the registration" in history
    context.close()
