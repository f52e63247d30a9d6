"""Every page a visitor can reach, as each demo role, opens and passes the accessibility rules:
a crawl over the ANMC21 records and the demo data.

The crawl starts at the home page and follows links, one page per URL pattern, plus one later
page of a list (`?page=2`) and one list narrowed by a filter link (`?kind=plenary`). It also
starts at pages the role may open that its links on the demo data miss, looked up after the
demo is loaded: the search page with a Latin and a Chinese query (reached only through its
form), a declaration's version (listed only once there are two), the forms for an indicator
value and a target without a city chosen, and the participants and registrations pages of the
first demo meeting the role manages (a focal point's links reach only the first meeting's).
A start that answers 403 or 404 is a fault, so each is given only where the app's permissions
grant it.

Not opened: addresses that take only POST (a meeting's outcome, documents, participants and
registration settings; a business event's registration, meeting requests and scheduling) -
their forms sit on the pages crawled here, and `test_accessibility` checks a form sent back
with errors.
"""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from intercity.accounts.models import User
from intercity.declarations.models import DeclarationVersion
from intercity.indicators.permissions import can_create_observation, can_create_target
from intercity.meetings.models import Meeting
from intercity.meetings.permissions import can_edit_meeting, can_see_registrations
from intercity.testing.crawl import crawl

ROLES = ["anonymous", "secretariat", "hanoi.focal", "tokyo.focal", "seoul.expert", "org.rep"]

# A few pages each role reaches, so a crawl stuck at the home page, or one that lost its
# seeds, cannot pass.
REACHED = {
    "anonymous": ["/accounts/login/", "/solidarity/", "/meetings/", "/search/?q=water"],
    "secretariat": ["/my-work/", "/accounts/users/", "/accounts/sign-in-security/"],
    "hanoi.focal": ["/my-work/", "/accounts/profile/", "/indicators/values/new/"],
    "tokyo.focal": ["/my-work/", "/accounts/profile/", "/indicators/targets/new/"],
    "seoul.expert": ["/my-work/", "/accounts/profile/", "/knowledge/"],
    "org.rep": ["/my-work/", "/accounts/profile/", "/business/"],
}

SEARCHES = ["/search/?q=water", "/search/?q=%E6%B0%B4"]  # "水": a query in another script


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The ANMC21 records and the demo data, loaded once for the module the way
    `intercity load_anmc21 --demo` loads them, and rolled back after."""
    # Module fixtures run before the per-test fast hasher; the five logins need it too.
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), transaction.atomic():
        with fast:
            call_command("load_anmc21", demo=True, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def seeds(user) -> list[str]:
    """The pages no link on the demo data reaches that this user may open."""
    version = DeclarationVersion.objects.order_by("declaration__slug", "number").first()
    found = [
        *SEARCHES,
        reverse("declarations:version", args=[version.declaration.slug, version.number]),
    ]
    if can_create_observation(user):
        found.append(reverse("indicators:observation-create"))
    if can_create_target(user):
        found.append(reverse("indicators:target-create"))
    demo_meetings = Meeting.objects.filter(slug__startswith="demo-").order_by("slug")
    managed = next((m for m in demo_meetings if can_edit_meeting(user, m)), None)
    if managed is not None:
        found.append(reverse("meetings:participants", args=[managed.slug]))
        if can_see_registrations(user, managed):
            found.append(reverse("meetings:registrations", args=[managed.slug]))
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_may_open_opens_and_passes_the_rules(demo_site, db, role):
    client = Client(raise_request_exception=False)  # a crash is one fault among the others
    user = AnonymousUser()
    if role != "anonymous":
        user = User.objects.get(username=role)
        client.force_login(user)
    visited, faults = crawl(client, role, seeds(user))
    assert set(REACHED[role]) <= set(visited), visited  # the crawl went where the role goes
    assert not faults, f"{len(faults)} faults on {len(visited)} pages:\n" + "\n".join(faults)
