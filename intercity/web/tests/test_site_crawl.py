"""Every page a visitor can reach, as each demo role, opens and passes the accessibility rules:
a crawl over the ANMC21 records and the demo data.

The crawl starts at the home page and follows links, one page per URL pattern, plus one list
narrowed by a filter link (`?kind=plenary`). It also
starts at pages the role may open that its links on the demo data miss, looked up after the
demo is loaded: the search page with a Latin and a Chinese query (reached only through its
form), a declaration's version (listed only once there are two), the forms for an indicator
value and a target without a city chosen, and the participants and registrations pages of the
first demo meeting the role manages (a focal point's links reach only the first meeting's).
A start that answers 403 or 404 is a fault, so each is given only where the app's permissions
grant it.

Every list a page shows is paged too, shown one row a page (`intercity.testing.crawl`): its
second page, a page past its end and a page that is not a number. The search index is built
after the demo is loaded, as the task queue would build it once the demo was committed, so
that the search page has results to page. The lists holding a single demo record, which the
crawl meets too short to page, are paged by a second test once a second record is added.

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
from intercity.cities.models import City
from intercity.declarations.models import DeclarationVersion
from intercity.indicators.permissions import can_create_observation, can_create_target
from intercity.meetings.models import Meeting
from intercity.meetings.permissions import can_edit_meeting, can_see_registrations
from intercity.searchindex import indexing
from intercity.solidarity.services.drills import drill_create
from intercity.testing.business_factories import BusinessMeetingFactory, EventFactory
from intercity.testing.crawl import crawl, list_name, page_lists_of
from intercity.testing.declaration_factories import DeclarationFactory
from intercity.testing.factories import AgreementFactory, PledgeFactory

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

# The lists each role pages, by URL name and page parameter, so a crawl that stopped meeting
# lists, or stopped paging them, cannot pass.
EVERYONE_PAGES = [
    "business:list?page",
    "business:opportunities?page",
    "cities:list?page",
    "declarations:accountability?page",
    "knowledge:list?page",
    "meetings:list?page",
    "organisations:list?page",
    "programmes:list?page",
    "solidarity:list?page",
    "web:news?page",
    "web:search?page",
]
EVENT_PAGES = ["business:event?page", "business:event?org_page"]
PAGED = {
    "anonymous": EVERYONE_PAGES,
    "secretariat": [*EVERYONE_PAGES, *EVENT_PAGES, "accounts:users?page"],
    "hanoi.focal": [*EVERYONE_PAGES, *EVENT_PAGES, "meetings:registrations?page"],
    "tokyo.focal": EVERYONE_PAGES,
    "seoul.expert": EVERYONE_PAGES,
    "org.rep": EVERYONE_PAGES,
}
# The lists that hold one demo record, paged once a second is added; with the lists above,
# every list the site pages through `intercity.core.pagination.paginate`.
ONE_RECORD_PAGES = [
    "agreements:list?page",
    "agreements:list?pledge_page",
    "business:events?page",
    "declarations:list?page",
    "solidarity:drills?page",
]


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The ANMC21 records and the demo data, loaded once for the module the way
    `intercity load_anmc21 --demo` loads them, and rolled back after."""
    # Module fixtures run before the per-test fast hasher; the five logins need it too.
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), transaction.atomic():
        with fast:
            call_command("load_anmc21", demo=True, stdout=io.StringIO())
        indexing.rebuild()
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


def signed_in(role: str) -> tuple[Client, object]:
    client = Client(raise_request_exception=False)  # a crash is one fault among the others
    user = AnonymousUser()
    if role != "anonymous":
        user = User.objects.get(username=role)
        client.force_login(user)
    return client, user


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_may_open_opens_and_passes_the_rules(
    demo_site, db, role, record_property
):
    client, user = signed_in(role)
    report = crawl(client, role, seeds(user))
    record_property("crawl", str(report))  # in the JUnit report CI keeps
    visited, faults = report.visited, report.faults
    assert set(REACHED[role]) <= set(visited), visited  # the crawl went where the role goes
    assert not faults, f"{report}:\n" + "\n".join(faults)
    paged = {list_name(address) for address in report.paged}
    assert set(PAGED[role]) <= paged, f"{report}: {sorted(paged)}"
    # A list narrowed by a filter is paged too, or the pager's keeping filters goes unchecked.
    assert any("&" in address for address in report.paged), report.paged


def add_second_records() -> None:
    """A second record for each list the demo fills with one."""
    hanoi, tokyo = City.objects.get(slug="hanoi"), City.objects.get(slug="tokyo")
    AgreementFactory(parties=[hanoi, tokyo])
    PledgeFactory(from_city=hanoi, to_city=tokyo)
    DeclarationFactory()
    EventFactory(meeting=BusinessMeetingFactory(host_city=hanoi))
    drill_create(
        actor=None,
        meeting={"title": "Flood drill", "host_city": hanoi, "year": 2030},
        data={"scenario_kind": "flood", "scenario": "The river breaks its banks."},
    )


@pytest.mark.parametrize("role", ["anonymous", "secretariat"])
def test_lists_of_one_demo_record_page_once_they_hold_two(demo_site, db, role):
    add_second_records()
    client, _ = signed_in(role)
    urls = [reverse(name.partition("?")[0]) for name in ONE_RECORD_PAGES]
    report = page_lists_of(client, role, list(dict.fromkeys(urls)))
    faults = report.faults
    assert not faults, f"{report}:\n" + "\n".join(faults)
    assert sorted(list_name(address) for address in report.paged) == ONE_RECORD_PAGES, report
