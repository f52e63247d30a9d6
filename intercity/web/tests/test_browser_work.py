"""In a real browser: a focal point's work, a meeting's participants, an invitation end to end."""

import re

import pytest
from django.core import mail

from intercity.accounts.models import User
from intercity.cities.models import City
from intercity.cities.services import city_update
from intercity.dataset.loader import anmc21_load
from intercity.meetings.models import Meeting
from intercity.meetings.services import meeting_set_cities
from intercity.testing.browser import log_in, screenshot
from intercity.testing.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def network():
    anmc21_load(actor=None)
    hanoi = City.objects.get(slug="hanoi")
    tokyo = City.objects.get(slug="tokyo")
    secretariat = UserFactory(
        username="secretariat", role=User.Role.SECRETARIAT, first_name="Mai", last_name="Tran"
    )
    focal = UserFactory(
        username="hanoi.focal", role=User.Role.FOCAL_POINT, city=hanoi, first_name="Lan"
    )
    city_update(actor=secretariat, city=hanoi, data={"description": "Capital of Vietnam."})
    meeting = Meeting.objects.filter(host_city=hanoi).first()
    return {"hanoi": hanoi, "tokyo": tokyo, "focal": focal, "meeting": meeting}


def test_a_focal_point_finds_their_work_from_the_header(live_server, chromium, network):
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    page = context.new_page()
    log_in(page, live_server.url, "hanoi.focal", PASSWORD)
    page.click("header >> text=My work")
    page.wait_for_url(live_server.url + "/my-work/")
    assert page.locator("#work-reports li").count() >= 1
    assert "Hanoi" in page.locator("#work-changes").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "my-work-focal-point-390.png")
    context.close()


def test_the_host_adds_a_city_and_the_public_history_says_it_in_words(live_server, page, network):
    meeting = network["meeting"]
    if meeting is None:
        pytest.skip("the dataset has no meeting hosted by Hanoi")
    log_in(page, live_server.url, "hanoi.focal", PASSWORD)
    page.goto(f"{live_server.url}/meetings/{meeting.slug}/")
    page.click("text=Participants and documents")
    page.fill("#id_person-name", "Ms Nguyen Thi Lan")
    page.fill("#id_person-position", "Director, Department of Foreign Affairs")
    page.click("#people button[type=submit]:has-text('Add person')")
    page.wait_for_load_state("networkidle")
    assert "Ms Nguyen Thi Lan" in page.locator("#people").inner_text()
    screenshot(page, "meeting-participants.png")

    newcomer = City.objects.exclude(pk__in=meeting.city_roles.values("city")).first()
    meeting_set_cities(
        actor=network["focal"],
        meeting=meeting,
        roles={
            **{r.city: r.role for r in meeting.city_roles.exclude(role="host")},
            newcomer: "observer",
        },
    )
    public = page.context.browser.new_context(locale="en-GB")
    reader = public.new_page()
    reader.goto(f"{live_server.url}/meetings/{meeting.slug}/")
    history = reader.locator("#history").inner_text()
    assert f"Hanoi focal point added {newcomer.name} as an observer" in history
    assert "Hanoi focal point added Ms Nguyen Thi Lan as a participant" in history
    assert "meetings." not in history and "[{" not in history
    reader.locator("#history").scroll_into_view_if_needed()
    screenshot(reader, "meeting-history-public.png")
    public.close()


def test_the_secretariat_invites_a_focal_point_who_sets_a_password(
    live_server, chromium, page, network
):
    log_in(page, live_server.url, "secretariat", PASSWORD)
    page.click("header >> text=My work")
    assert page.locator("#work-imports, #work-profiles, #work-moderation").count() == 3
    screenshot(page, "my-work-secretariat.png")
    page.goto(f"{live_server.url}/news/")
    page.click("text=Publish news")
    page.fill("#id_title", "\u200b\u200b")
    page.click("form.record-form button[type=submit]")
    assert page.locator(".field.has-error #id_title").count() == 1
    screenshot(page, "news-form-error.png")
    page.click("header >> text=Users")
    page.click("text=Invite a person")
    page.fill("#id_email", "aiko@tokyo.example")
    page.fill("#id_first_name", "Aiko")
    page.select_option("#id_role", "focal_point")
    page.select_option("#id_city", str(network["tokyo"].pk))
    page.click("form.record-form button[type=submit]")
    page.wait_for_url(live_server.url + "/accounts/users/")
    assert "aiko@tokyo.example" in page.locator("#invitations").inner_text()
    screenshot(page, "users-and-invitations.png")

    link = re.search(r"http\S+/accounts/invitations/\S+/", mail.outbox[-1].body).group(0)
    context = chromium.new_context(viewport=PHONE, locale="en-GB")
    invitee = context.new_page()
    invitee.goto(link)
    invitee.fill("#id_username", "aiko")
    invitee.fill("#id_password1", "sakura-lantern-2026-bridge")
    invitee.fill("#id_password2", "sakura-lantern-2026-bridge")
    screenshot(invitee, "invitation-accept-390.png")
    invitee.click("form.record-form button[type=submit]")
    invitee.wait_for_url(live_server.url + "/my-work/")
    assert "Tokyo" in invitee.locator("main").inner_text()
    assert invitee.goto(link).status == 410
    context.close()
