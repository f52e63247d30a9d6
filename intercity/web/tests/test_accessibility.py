"""The pages people visit most keep the rules screen-reader and keyboard users depend on."""

import datetime

import pytest
from django.test import Client

from intercity.business.models import Event, MeetingRequest, ScheduleRun
from intercity.business.services import schedule_publish, schedule_run_execute
from intercity.declarations.services import declaration_import
from intercity.indicators.models import Indicator
from intercity.indicators.services import catalogue_load, observation_record
from intercity.meetings.services import attendee_add
from intercity.meetings.services_registration import (
    meeting_registration_open,
    registration_create,
)
from intercity.solidarity import services as solidarity
from intercity.testing import accessibility
from intercity.testing.business_factories import (
    EventFactory,
    OpportunityFactory,
    ProfileFactory,
    RegistrationFactory,
    add_slots,
)
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


@pytest.fixture
def schedule(cast, world):
    """The world's business event with slots, six accepted meetings and a published schedule,
    so the grid has a row for each slot and the agendas have meetings."""
    event = world["event"]
    add_slots(event, 3)
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    others = [RegistrationFactory(event=event) for _ in range(3)]
    for first, second in [(mine, other) for other in others] + [
        (others[0], others[1]),
        (others[1], others[2]),
        (others[0], others[2]),
    ]:
        MeetingRequest.objects.create(
            event=event, requester=first, invitee=second, status="accepted"
        )
    run = schedule_run_execute(run_id=ScheduleRun.objects.create(event=event, time_limit=5).pk)
    schedule_publish(actor=cast.focal_point, run=run)
    assert run.assignments.count() == 6  # every meeting placed: each agenda has three
    return {"event": event, "mine": mine, "run": run}


@pytest.fixture
def drill(cast):
    """A drill of the home city with its review and two actions, one of them done."""
    drill = solidarity.drill_create(
        actor=None,
        meeting={
            "title": "Joint flood drill",
            "host_city": cast.home,
            "year": 2030,
            "start_date": datetime.date(2030, 9, 1),
        },
        cities={cast.other: "delegate"},
        data={
            "scenario_kind": "flood",
            "scenario": "The river overtops its banks at dawn.",
            "objectives": ["Share situation reports within one hour"],
        },
    )
    review = solidarity.review_save(
        actor=None,
        drill=drill,
        data={"what_worked": "Reports came in time.", "to_improve": "Radio channels overlapped."},
    )
    for description, done in (("Agree radio channels", True), ("Print ward maps", False)):
        action = solidarity.action_add(
            actor=None,
            review=review,
            data={
                "description": description,
                "owner_city": cast.other,
                "due_on": datetime.date(2030, 12, 1),
            },
        )
        solidarity.action_set_done(actor=None, action=action, done=done)
    return drill


@pytest.fixture
def participants(cast, world):
    """The world's meeting with people recorded and registration open with one registration."""
    meeting = world["meeting"]
    attendee_add(
        actor=None,
        meeting=meeting,
        data={"name": "Nguyen Van An", "position": "Engineer", "city": cast.home},
    )
    meeting_registration_open(
        actor=None,
        meeting=meeting,
        opens_on=meeting.local_today() - datetime.timedelta(days=1),
        closes_on=meeting.start_date - datetime.timedelta(days=1),
    )
    registration_create(actor=None, meeting=meeting, person=cast.expert, data={"role": "delegate"})
    return meeting


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
        page = response.content.decode()
        for problem in accessibility.page_problems(page, language=language):
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


def named_faults(client: Client, urls: list[str]) -> str:
    return "\n".join(faults(client, urls))


def sent_back_faults(response) -> str:
    assert response.status_code == 400, response.request["PATH_INFO"]
    return "\n".join(accessibility.page_problems(response.content.decode()))


def test_the_schedule_grid_and_agendas_pass_for_the_organiser(cast, schedule):
    event = schedule["event"]
    assert event.slots.count() == 3 and schedule["run"].assignments.exists()
    urls = [
        f"/business/events/{event.pk}/",
        f"/business/events/{event.pk}/grid/",
        f"/business/events/{event.pk}/agenda/?registration={schedule['mine'].pk}",
        f"/business/assignments/{schedule['run'].assignments.first().pk}/move/",
    ]
    assert not (found := named_faults(signed_in(cast.focal_point), urls)), found


def test_a_participants_agenda_passes(cast, schedule):
    event = schedule["event"]
    urls = [
        f"/business/events/{event.pk}/",
        f"/business/events/{event.pk}/agenda/",
        f"/business/events/{event.pk}/availability/",
    ]
    assert not (found := named_faults(signed_in(cast.organisation_rep), urls)), found


def test_the_drill_pages_pass(cast, drill):
    urls = ["/solidarity/drills/", f"/solidarity/drills/{drill.meeting.slug}/"]
    assert "Joint flood drill" in Client().get(urls[0]).text  # the list has its table
    assert not (found := named_faults(Client(), urls)), found
    # The host city's focal point sees the forms of the review and the actions; the owner
    # city's focal point the buttons that mark its actions done.
    urls = [*urls, "/solidarity/drills/new/"]
    assert not (found := named_faults(signed_in(cast.focal_point), urls)), found
    assert not (found := named_faults(signed_in(cast.other_focal_point), urls[:2])), found


def row_controls(page: str, xpath: str) -> list[tuple[str, str]]:
    """Each control's name as read aloud and its text as seen, hidden additions left out."""
    document = accessibility.parse(page)
    found = []
    for control in document.xpath(xpath):
        heard = " ".join(control.text_content().split())
        for hidden in control.xpath(".//*[contains(@class, 'visually-hidden')]"):
            hidden.drop_tree()
        found.append((heard, " ".join(control.text_content().split())))
    return found


def test_each_row_button_says_which_row_it_acts_on(cast, world, drill):
    page = signed_in(cast.other_focal_point).get(f"/solidarity/drills/{drill.meeting.slug}/").text
    assert sorted(row_controls(page, "//table//button")) == [
        ("mark done Print ward maps", "mark done"),
        ("reopen Agree radio channels", "reopen"),
    ]
    page = signed_in(cast.secretariat).get(f"/indicators/city/{cast.home.slug}/").text
    edits = row_controls(page, "//table//a[contains(@href, '/edit/')]")
    assert sorted(edits) == [
        ("Edit Recycling rate 2019", "Edit"),
        ("Edit Recycling rate 2020", "Edit"),
    ]


def test_the_drill_form_sent_back_with_errors_still_passes(cast):
    response = signed_in(cast.focal_point).post("/solidarity/drills/new/", {"title": ""})
    assert not (found := sent_back_faults(response)), found


def test_the_participants_and_registrations_of_a_meeting_pass(cast, participants):
    urls = [
        f"/meetings/{participants.slug}/participants/",
        f"/meetings/{participants.slug}/registrations/",
    ]
    tables = [signed_in(cast.focal_point).get(url).text for url in urls]
    assert "Nguyen Van An" in tables[0] and cast.expert.get_full_name() in tables[1]
    assert not (found := named_faults(signed_in(cast.focal_point), urls)), found
    assert not (found := named_faults(signed_in(cast.secretariat), urls)), found


def test_the_participants_forms_sent_back_with_errors_still_pass(cast, participants):
    client = signed_in(cast.focal_point)
    base = f"/meetings/{participants.slug}/participants/"
    for url in (f"{base}people/new/", f"{base}cities/"):
        response = client.post(url, {"person-name": "", "represented": "0"})
        assert not (found := sent_back_faults(response)), f"{url}: {found}"


@pytest.mark.parametrize(("asked", "spoken"), [("ja", "ja"), ("th", "th"), ("ar", "en")])
def test_the_page_language_is_the_interface_language(cast, world, asked, spoken):
    urls = [f"{url}?hl={asked}" for url in ("/", "/meetings/", "/knowledge/")]
    found = faults(Client(), urls, language=spoken)
    assert not found, "\n".join(found)
    found = faults(signed_in(cast.focal_point), ["/meetings/new/?hl=" + asked], spoken)
    assert not found, "\n".join(found)


# The rules themselves: each catches what it is there for, so a passing page means something.


def test_an_input_without_a_label_is_a_fault():
    page = "<html lang=en><body><main><h1>T</h1><input name=q></main></body></html>"
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
    assert (
        accessibility.page_problems(f"<html lang=en><main><h1>T</h1>{control}</main></html>") == []
    )


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
        (
            "<table><thead><tr><th>A</th><th></th></tr></thead><tr><td>1</td><td>2</td>",
            "<th> has no",
        ),
        ("<table><thead><tr><th>A</th></tr></thead><tr><td>1</td><td>2</td>", "cell has no column"),
        (
            "<table><thead><tr><th>Slot</th><th>Table 1</th></tr></thead><tbody>"
            "<tr><th scope=row>9:00</th><td>A – B</td></tr><tr><td>10:00</td><td>C – D</td></tr>",
            "row has no header cell",
        ),
        ("<p>Outside</p>", "page has 0 <main> landmarks"),
        (
            '<nav aria-label="Pages"></nav><nav aria-label=" Pages"></nav>',
            '2 navigation landmarks are named "Pages"',
        ),
        (
            '<form role="search"><input aria-label="q"></form>'
            '<search><input aria-label="w"></search>',
            '2 search landmarks are named ""',
        ),
    ],
)
def test_each_rule_finds_its_fault(body, fault):
    heading = "" if "<h" in body else "<h1>T</h1>"
    main = "" if "Outside" in body else "<main>"
    page = f"<html lang=en><body>{main}{heading}{body}</body></html>"
    problems = accessibility.page_problems(page)
    assert any(problem.startswith(fault) for problem in problems), problems


def test_a_link_named_by_its_image_passes():
    page = (
        '<html lang=en><main><h1>T</h1><a href="/"><img src="l.png" alt="Home"></a></main></html>'
    )
    assert accessibility.page_problems(page) == []


def test_a_page_in_the_wrong_language_is_a_fault():
    assert accessibility.page_problems(
        "<html lang=en><main><h1>T</h1></main></html>", language="ja"
    ) == ['<html lang="en"> but the interface speaks "ja"']
    assert accessibility.page_problems("<html><main><h1>T</h1></main></html>") == [
        "<html> has no lang"
    ]


GRID = (
    "<table{name}><thead><tr><th scope=col>Slot</th><th scope=col colspan=2>Tables</th></tr>"
    "</thead><tbody><tr><th scope=row>9:00</th><td>A – B</td><td></td></tr>"
    "<tr><th scope=row>10:00</th><td></td><td>C – D</td></tr></tbody></table>"
)


@pytest.mark.parametrize(
    "name",
    [
        "><caption>Schedule</caption",
        ' aria-label="Schedule"',
        ' aria-labelledby="h"',
    ],
)
def test_a_named_grid_with_row_and_column_headers_passes(name):
    page = f'<html lang=en><main><h1 id="h">Grid</h1>{GRID.format(name=name)}</main></html>'
    assert accessibility.page_problems(page) == []


def test_an_unnamed_table_is_a_fault():
    for name in ("", "><caption></caption", ' aria-labelledby="gone"'):
        page = f"<html lang=en><main><h1>Grid</h1>{GRID.format(name=name)}</main></html>"
        problems = accessibility.page_problems(page)
        assert any(p.startswith("data table has neither a <caption> nor") for p in problems), name
