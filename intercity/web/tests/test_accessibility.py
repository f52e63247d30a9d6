"""The pages people visit most keep the rules screen-reader and keyboard users depend on."""

import pytest
from django.test import Client

from intercity.business.models import Event
from intercity.declarations.services import declaration_import
from intercity.indicators.models import Indicator
from intercity.indicators.services import catalogue_load, observation_record
from intercity.testing import accessibility
from intercity.testing.business_factories import EventFactory, OpportunityFactory, ProfileFactory
from intercity.testing.declaration_factories import SHORT_DECLARATION
from intercity.testing.factories import (
    AgreementFactory,
    MeetingFactory,
    NewsItemFactory,
    ProgrammeFactory,
)
from intercity.testing.knowledge_factories import KnowledgeItemFactory
from intercity.testing.solidarity_factories import active_incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    catalogue_load(actor=None)
    indicator = Indicator.objects.get(code="recycling-rate")
    for year in (2019, 2020):
        observation_record(
            actor=None, city=cast.home, indicator=indicator, year=year, value=20.0, unit="%"
        )
    organisation = cast.organisation_rep.organisation
    ProfileFactory(organisation=organisation)
    meeting = MeetingFactory(host_city=cast.home, title="Expert meeting on flood maps")
    event: Event = EventFactory(meeting__host_city=cast.home)
    declaration = declaration_import(actor=cast.secretariat, text=SHORT_DECLARATION)
    return {
        "meeting": meeting,
        "programme": ProgrammeFactory(lead_city=cast.home),
        "declaration": declaration,
        "commitment": declaration.commitments.first(),
        "agreement": AgreementFactory(parties=[cast.home, cast.other]),
        "knowledge": KnowledgeItemFactory(city=cast.home, title="Flood maps for every ward"),
        "event": event,
        "opportunity": OpportunityFactory(organisation=organisation),
        "incident": active_incident(affected=[cast.home], reported_by_city=cast.home),
        "news": NewsItemFactory(title="Flood maps shared"),
    }


def public_pages(cast, world) -> list[str]:
    return [
        "/",
        "/cities/",
        f"/cities/{cast.home.slug}/",
        "/meetings/",
        f"/meetings/{world['meeting'].slug}/",
        "/programmes/",
        f"/programmes/{world['programme'].slug}/",
        "/declarations/",
        f"/declarations/{world['declaration'].slug}/",
        "/declarations/accountability/",
        f"/declarations/commitments/{world['commitment'].pk}/",
        "/agreements/",
        f"/agreements/{world['agreement'].slug}/",
        "/knowledge/",
        f"/knowledge/{world['knowledge'].slug}/",
        "/indicators/",
        "/indicators/dashboard/",
        "/indicators/recycling-rate/",
        f"/indicators/city/{cast.home.slug}/",
        "/business/",
        "/business/opportunities/",
        f"/business/opportunities/{world['opportunity'].pk}/",
        f"/business/events/{world['event'].pk}/",
        "/solidarity/",
        f"/solidarity/incidents/{world['incident'].slug}/",
        "/news/",
        "/search/?q=flood",
        "/accounts/login/",
    ]


def focal_point_pages(cast, world) -> list[str]:
    return [
        "/my-work/",
        "/meetings/new/",
        f"/meetings/{world['meeting'].slug}/edit/",
        "/programmes/new/",
        f"/programmes/{world['programme'].slug}/edit/",
        "/knowledge/new/",
        f"/knowledge/{world['knowledge'].slug}/edit/",
        "/solidarity/incidents/new/",
        f"/solidarity/incidents/{world['incident'].slug}/edit/",
    ]


def organisation_pages(world) -> list[str]:
    return [
        "/my-work/",
        "/business/opportunities/new/",
        f"/business/opportunities/{world['opportunity'].pk}/edit/",
    ]


def secretariat_pages(cast, world) -> list[str]:
    return [
        "/my-work/",
        f"/meetings/{world['meeting'].slug}/",
        f"/solidarity/incidents/{world['incident'].slug}/",
        f"/declarations/{world['declaration'].slug}/",
        "/declarations/accountability/",
        "/accounts/users/",
        f"/declarations/commitments/{world['commitment'].pk}/edit/",
        "/declarations/import/",
        "/indicators/import/",
        "/agreements/new/",
        f"/cities/{cast.home.slug}/edit/",
        *focal_point_pages(cast, world)[1:],
    ]


def faults(client: Client, urls: list[str], language: str = "en") -> list[str]:
    """Every fault on every page, each prefixed with its address; a page that fails to open
    is a fault too, so a broken fixture cannot pass as an accessible page."""
    found = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            found.append(f"{url}: answered {response.status_code}")
            continue
        for problem in accessibility.page_problems(response.content.decode(), language=language):
            found.append(f"{url}: {problem}")
    return found


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_public_pages_pass_for_an_anonymous_visitor(cast, world):
    found = faults(Client(), public_pages(cast, world))
    assert not found, "\n".join(found)


def test_the_public_pages_pass_for_a_signed_in_focal_point(cast, world):
    found = faults(signed_in(cast.focal_point), public_pages(cast, world)[:-1])
    assert not found, "\n".join(found)


def test_the_work_and_forms_of_a_focal_point_pass(cast, world):
    found = faults(signed_in(cast.focal_point), focal_point_pages(cast, world))
    assert not found, "\n".join(found)


def test_the_work_and_forms_of_an_organisation_pass(cast, world):
    found = faults(signed_in(cast.organisation_rep), organisation_pages(world))
    assert not found, "\n".join(found)


def test_the_work_and_forms_of_the_secretariat_pass(cast, world):
    found = faults(signed_in(cast.secretariat), secretariat_pages(cast, world))
    assert not found, "\n".join(found)


def test_a_form_sent_back_with_errors_still_passes(cast, world):
    client = signed_in(cast.focal_point)
    for url in ("/meetings/new/", "/knowledge/new/", "/solidarity/incidents/new/"):
        response = client.post(url, {"title": ""})
        assert response.status_code == 400, url  # the form, sent back with what to correct
        found = accessibility.page_problems(response.content.decode())
        assert not found, f"{url}: " + "\n".join(found)


def test_the_declaration_import_preview_passes(cast):
    client = signed_in(cast.secretariat)
    response = client.post("/declarations/import/", {"step": "preview", "text": SHORT_DECLARATION})
    assert response.status_code == 200
    found = accessibility.page_problems(response.content.decode())
    assert not found, "\n".join(found)


@pytest.mark.parametrize(("asked", "spoken"), [("ja", "ja"), ("th", "th"), ("ar", "en")])
def test_the_page_language_is_the_interface_language(cast, world, asked, spoken):
    urls = [f"{url}?hl={asked}" for url in ("/", "/meetings/", "/knowledge/")]
    found = faults(Client(), urls, language=spoken)
    assert not found, "\n".join(found)
    found = faults(signed_in(cast.focal_point), ["/meetings/new/?hl=" + asked], spoken)
    assert not found, "\n".join(found)


# The rules themselves: each catches what it is there for, so a passing page means something.


def test_an_input_without_a_label_is_a_fault():
    page = "<html lang=en><body><h1>T</h1><input name=q></body></html>"
    assert accessibility.page_problems(page) == [
        'form control has no accessible name: <input name="q">'
    ]


@pytest.mark.parametrize(
    "control",
    [
        '<label for="q">Search</label><input id="q">',
        "<label>Search <input></label>",
        '<input aria-label="Search">',
        '<span id="s">Search</span><input aria-labelledby="s">',
        '<input type="hidden" name="csrf">',
    ],
)
def test_a_named_input_passes(control):
    assert accessibility.page_problems(f"<html lang=en><h1>T</h1>{control}</html>") == []


@pytest.mark.parametrize(
    ("body", "fault"),
    [
        ('<p id="a"></p><p id="a"></p>', 'id "a" is used 2 times'),
        ('<p aria-describedby="gone">x</p>', 'aria-describedby="gone" names no element'),
        ('<label for="gone">x</label>', 'label for="gone" names no element'),
        ("<h2>Second</h2>", "page has 0 <h1> elements, not one"),
        ("<h1>A</h1><h2>B</h2><h4>C</h4>", "heading skips from h2 to h4"),
        ('<img src="x.png">', "<img> has no alt"),
        ('<a href="/x"></a>', "a has no accessible name"),
        ("<button></button>", "button has no accessible name"),
        ("<table><tr><td>1</td></tr></table>", "data table has no <th>"),
        ("<table><tr><th>A</th><td>1</td></tr></table>", "<th> has neither scope nor a <thead>"),
    ],
)
def test_each_rule_finds_its_fault(body, fault):
    heading = "" if "<h" in body else "<h1>T</h1>"
    problems = accessibility.page_problems(f"<html lang=en><body>{heading}{body}</body></html>")
    assert any(problem.startswith(fault) for problem in problems), problems


def test_a_link_named_by_its_image_passes():
    page = '<html lang=en><h1>T</h1><a href="/"><img src="l.png" alt="Home"></a></html>'
    assert accessibility.page_problems(page) == []


def test_a_page_in_the_wrong_language_is_a_fault():
    assert accessibility.page_problems("<html lang=en><h1>T</h1></html>", language="ja") == [
        '<html lang="en"> but the interface speaks "ja"'
    ]
    assert accessibility.page_problems("<html><h1>T</h1></html>") == ["<html> has no lang"]
