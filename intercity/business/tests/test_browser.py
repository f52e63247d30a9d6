"""In a real browser: two organisations agree to meet, the organiser schedules, both see it."""

import pytest

from intercity.business.models import MeetingRequest
from intercity.testing.browser import log_in, screenshot
from intercity.testing.business_factories import (
    EventFactory,
    ProfileFactory,
    RegistrationFactory,
    add_slots,
)
from intercity.testing.factories import PASSWORD, OrganisationFactory, UserFactory
from intercity.testing.personas import make_cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_organisations_meet_and_each_sees_the_agenda(live_server, page):
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
    page.click("table.grid-table td a")  # a placed meeting opens its own move form
    page.wait_for_load_state("networkidle")
    assert "Move one meeting: " in page.locator("h1").inner_text()
    assert page.locator("select[name=slot] option:checked").count() == 1
    page.go_back()
    page.click("text=Publish and email agendas")  # participants see the published schedule
    page.wait_for_load_state("networkidle")

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


def test_the_organiser_opens_matchmaking_and_a_rep_marks_slots(live_server, page):
    from intercity.testing.business_factories import BusinessMeetingFactory

    cast = make_cast()
    meeting = BusinessMeetingFactory(host_city=cast.home, title="Hanoi Trade and Investment Days")
    base = live_server.url

    log_in(page, base, cast.focal_point.username, PASSWORD)
    page.goto(f"{base}/business/events/")
    page.click("text=Open matchmaking")
    page.fill("#id_tables", "6")
    page.fill("#id_registration_deadline", "2030-04-20T12:00")
    page.fill("#id_request_deadline", "2030-05-01T12:00")
    page.fill("#id_day_count", "2")
    page.fill("#id_morning_count", "4")
    page.fill("#id_afternoon_count", "4")
    screenshot(page, "business-event-setup.png")
    # Submitted with Enter from the last field: after a full-page screenshot Chromium can
    # swallow the first click on the button.
    with page.expect_navigation():
        page.press("#id_afternoon_count", "Enter")
    page.wait_for_load_state("networkidle")
    event = meeting.business_event
    assert event.slots.count() == 16

    page.context.clear_cookies()
    log_in(page, base, cast.organisation_rep.username, PASSWORD)
    page.goto(f"{base}/business/events/{event.pk}/")
    page.click("text=Register and mark the slots you cannot attend")
    boxes = page.locator("#availability-grid input[type=checkbox]")
    boxes.nth(0).check()
    boxes.nth(9).check()
    screenshot(page, "business-event-availability.png")
    page.click("#save-availability")
    page.wait_for_load_state("networkidle")
    registration = event.registrations.get(organisation=cast.organisation_rep.organisation)
    assert registration.unavailable.count() == 2


def test_the_organiser_narrows_the_requests_in_place(live_server, page):
    cast = make_cast()
    event = EventFactory(meeting__host_city=cast.home, meeting__title="Hanoi Trade Fair")
    add_slots(event, 4)
    host = RegistrationFactory(event=event, organisation__name="Hanoi Solar Works")
    for i, name in enumerate(("Seoul Grid Analytics", "Tokyo Water Board", "Taipei LED Lab")):
        guest = RegistrationFactory(event=event, organisation__name=name)
        MeetingRequest.objects.create(
            event=event, requester=host, invitee=guest, status="pending" if i else "accepted"
        )
    log_in(page, live_server.url, cast.focal_point.username, PASSWORD)
    page.goto(f"{live_server.url}/business/events/{event.pk}/")
    requests = page.locator("ul.requests li")
    assert requests.count() == 3
    page.fill("#request-filters input[name=q]", "tokyo")
    page.press("#request-filters input[name=q]", "Enter")
    page.wait_for_url("**q=tokyo**")
    assert requests.count() == 1
    assert "Tokyo Water Board" in requests.first.inner_text()
    # The status badges are swapped with the list, so they keep the words just typed.
    assert (
        page.locator("#request-counts a").first.get_attribute("href") == "?q=tokyo&status=pending"
    )
    page.fill("#request-filters input[name=q]", "")
    page.select_option("#request-filters select[name=status]", "pending")
    page.wait_for_url("**status=pending**")
    assert requests.count() == 2
    # Each filtering replaces the address's query instead of adding to it.
    assert page.url.endswith(f"/business/events/{event.pk}/?q=&status=pending")
    screenshot(page, "business-requests-filter.png")


def test_the_organiser_imports_meetings_agreed_elsewhere(live_server, page, tmp_path):
    cast = make_cast()
    event = EventFactory(meeting__host_city=cast.home, meeting__title="Hanoi Trade Fair")
    add_slots(event, 4)
    for name in ("Hanoi Solar Works", "Seoul Grid Analytics", "Tokyo Water Board"):
        OrganisationFactory(name=name)
    table = tmp_path / "meetings.csv"
    table.write_text(
        "requester,invitee,session\n"
        "Hanoi Solar Works,Seoul Grid Analytics,morning\n"
        "Tokyo Water Board,Hanoi Solar Works,\n"
        "Seoul Grid Analytics,Hanoi Solar Works,\n",
        encoding="utf-8",
    )
    log_in(page, live_server.url, cast.focal_point.username, PASSWORD)
    page.goto(f"{live_server.url}/business/events/{event.pk}/")
    page.click("#import-requests")
    page.set_input_files("#import-form input[type=file]", str(table))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#import-report")
    report = page.locator("#import-report").inner_text()
    assert "2 meetings added" in report and "3 organisations registered" in report
    assert "Line 4" in report  # the same pair again, skipped and said so
    screenshot(page, "business-requests-import.png")
    page.click("text=Back to the event")
    assert page.locator("ul.requests li").count() == 2


def test_on_a_phone_the_meeting_request_form_shows_whole_choices(live_server, chromium):
    cast = make_cast()
    event = EventFactory(meeting__host_city=cast.home, meeting__title="Hanoi Business Meeting")
    add_slots(event, 2)
    RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    partner = OrganisationFactory(name="Tokyo Eco Lighting", city=cast.other)
    RegistrationFactory(event=event, organisation=partner)
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    context.add_cookies([{"name": "django_language", "value": "vi", "url": live_server.url}])
    page = context.new_page()
    log_in(page, live_server.url, cast.organisation_rep.username, PASSWORD)
    page.goto(f"{live_server.url}/business/events/{event.pk}/")
    controls = page.evaluate(
        """() => [...document.querySelectorAll('#request-form select, #request-form textarea')]
             .map(c => ({name: c.name, width: c.getBoundingClientRect().width,
                         form: c.form.getBoundingClientRect().width}))"""
    )
    screenshot(page, "meeting-request-phone.png")
    context.close()
    # Each control spans the form, so "Buổi nào cũng được" (any session) is never cut off.
    assert {c["name"] for c in controls} == {"invitee", "note", "session"}
    assert all(c["width"] >= c["form"] - 2 for c in controls), controls
