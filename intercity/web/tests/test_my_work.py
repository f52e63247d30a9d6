"""The "my work" page lists what waits for each role, and only that role's city's work."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from intercity.business.models import Opportunity
from intercity.cities.services import city_update
from intercity.declarations.progress import commitment_report
from intercity.knowledge.services import item_update
from intercity.testing.business_factories import MeetingRequestFactory, ProfileFactory
from intercity.testing.declaration_factories import CommitmentFactory, DeclarationFactory
from intercity.testing.factories import MeetingFactory, OrganisationFactory
from intercity.testing.knowledge_factories import KnowledgeItemFactory

pytestmark = pytest.mark.django_db
URL = reverse("web:my-work")


def page_of(client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def work(cast):
    today = timezone.localdate()
    own = CommitmentFactory(title="Share flood maps", cities=[cast.home])
    done = CommitmentFactory(
        title="Hold a drill",
        cities=[cast.home],
        clause__declaration__adopted_on=today - datetime.timedelta(days=30),
    )
    commitment_report(
        actor=cast.focal_point,
        commitment=done,
        city=cast.home,
        status="achieved",
        narrative="Work on it reported.",
    )
    CommitmentFactory(title="Clean the river", cities=[cast.other])
    # Tomorrow by the clock of the test: still to come in the city's own zone at any hour.
    tomorrow = today + datetime.timedelta(days=1)
    MeetingFactory(
        title="Energy dialogue", host_city=cast.home, start_date=tomorrow, year=tomorrow.year
    )
    MeetingFactory(
        title="Other city's seminar",
        host_city=cast.other,
        start_date=today + datetime.timedelta(days=3),
        year=today.year,
    )
    ProfileFactory(
        organisation=OrganisationFactory(city=cast.home, name="Hanoi LED Co"), is_verified=False
    )
    ProfileFactory(
        organisation=OrganisationFactory(city=cast.other, name="Osaka Pumps"), is_verified=False
    )
    city_update(actor=cast.secretariat, city=cast.home, data={"description": "Capital."})
    return own


def test_the_header_links_signed_in_users_to_their_work(client_for, cast):
    assert f'href="{URL}"' in client_for(cast.reader).get("/").content.decode()
    assert f'href="{URL}"' not in client_for(None).get("/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(client_for):
    response = client_for(None).get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_rejects_post(client_for, cast):
    assert client_for(cast.focal_point).post(URL).status_code == 405


def test_a_focal_point_sees_their_citys_reports_meetings_profiles_and_changes(
    client_for, cast, work
):
    page = page_of(client_for(cast.focal_point))

    assert "Share flood maps" in page and "Due: not reported yet" in page
    assert "Hold a drill" not in page  # achieved: nothing to do
    assert "Clean the river" not in page  # another city's commitment
    assert "Energy dialogue" in page and "your city hosts" in page
    assert "Other city&#x27;s seminar" not in page
    assert "Hanoi LED Co" in page and "Osaka Pumps" not in page
    assert "The secretariat" in page and "updated the city" in page
    assert reverse("declarations:report", args=[work.pk, cast.home.slug]) in page


def test_another_citys_focal_point_sees_none_of_it(client_for, cast, work):
    page = page_of(client_for(cast.other_focal_point))

    assert "Clean the river" in page
    assert "Share flood maps" not in page
    assert "Hanoi LED Co" not in page and "Osaka Pumps" in page
    assert "Other city&#x27;s seminar" in page and "Energy dialogue" not in page


def test_a_focal_points_own_changes_are_not_listed_as_changed_by_others(client_for, cast):
    city_update(actor=cast.focal_point, city=cast.home, data={"description": "Ours."})
    page = page_of(client_for(cast.focal_point))
    assert "Nobody outside your city changed its records" in page


def test_the_secretariat_sees_imports_profiles_and_items_to_moderate(client_for, cast, work):
    DeclarationFactory(title="Tomsk Declaration", status="draft")
    item = KnowledgeItemFactory(city=cast.home, title="Flood maps in Hanoi")
    item_update(actor=cast.focal_point, item=item, data={"summary": "Updated maps."})

    page = page_of(client_for(cast.secretariat))

    assert "Tomsk Declaration" in page
    assert "Hanoi LED Co" in page and "Osaka Pumps" in page
    assert "Flood maps in Hanoi" in page
    assert reverse("knowledge:moderate", args=[item.slug]) in page


def test_an_organisation_sees_meeting_requests_waiting_for_its_answer(client_for, cast):
    request = MeetingRequestFactory(status="pending")
    request.invitee.organisation = cast.organisation_rep.organisation
    request.invitee.save()

    page = page_of(client_for(cast.organisation_rep))

    assert f"{request.requester.organisation} asks to meet you" in page


def test_a_registered_reader_gets_a_plain_empty_state(client_for, cast):
    page = page_of(client_for(cast.reader))
    assert "Nothing waits for you" in page


def test_empty_sections_say_so(client_for, cast):
    page = page_of(client_for(cast.secretariat))
    assert "No imported declaration waits for review." in page
    assert "No organisation profile is waiting for verification." in page


def test_sections_with_work_come_before_the_empty_ones_which_are_compact(client_for, cast, work):
    page = page_of(client_for(cast.focal_point))
    # The role's order puts help to confirm (none here) before the coming meetings (one).
    assert page.index('id="work-meetings"') < page.index('id="work-assistance"')
    assistance = page.split('id="work-assistance"', 1)[0].rsplit("<section", 1)[1]
    meetings = page.split('id="work-meetings"', 1)[0].rsplit("<section", 1)[1]
    assert "clear" in assistance and "clear" not in meetings


def test_the_page_costs_the_same_queries_whatever_the_amount_of_work(
    client_for, cast, work, django_assert_max_num_queries
):
    for index in range(15):
        CommitmentFactory(title=f"Extra {index}", cities=[cast.home])
        city_update(actor=cast.secretariat, city=cast.home, data={"description": f"v{index}"})
    client = client_for(cast.focal_point)
    with django_assert_max_num_queries(30):
        page_of(client)


def test_the_home_page_tells_a_signed_in_focal_point_what_waits(client_for, cast, work):
    page = client_for(cast.focal_point).get("/").content.decode()
    assert 'id="home-my-work"' in page and "Progress reports due" in page
    assert 'id="home-my-work"' not in client_for(None).get("/").content.decode()


def test_help_dispatched_to_the_city_waits_for_its_confirmation(client_for, cast):
    from intercity.solidarity import services as solidarity
    from intercity.testing import solidarity_factories as help_factories

    incident = help_factories.active_incident(affected=[cast.home], name="Flood in Home City")
    need = help_factories.need(incident, cast.home)
    offer = help_factories.offer(cast.other)
    assistance = solidarity.offer_accept(actor=None, need=need, offer=offer)
    solidarity.delivery_dispatch(actor=None, assistance=assistance, quantity=10)

    page = page_of(client_for(cast.focal_point))
    assert "Flood in Home City · dispatched, not yet confirmed as received" in page
    other = page_of(client_for(cast.other_focal_point))
    assert "not yet confirmed as received" not in other


def test_an_expert_finds_their_unpublished_drafts_to_finish(client_for, cast):
    from intercity.knowledge.services import item_create

    def draft(actor, title, visibility="draft"):
        data = {"title": title, "kind": "practice", "language": "en", "visibility": visibility}
        return item_create(actor=actor, data=data)

    mine = draft(cast.expert, "Bike lanes on Nguyen Trai")
    draft(cast.expert, "Published bike map", visibility="public")
    draft(cast.focal_point, "The focal point's own draft")

    page = page_of(client_for(cast.expert))

    assert "Your unpublished drafts" in page
    assert "Bike lanes on Nguyen Trai" in page
    assert reverse("knowledge:edit", args=[mine.slug]) in page
    assert "Published bike map" not in page
    assert "The focal point&#x27;s own draft" not in page


def test_an_expert_without_drafts_is_told_so(client_for, cast):
    page = page_of(client_for(cast.expert))
    assert "You have no unpublished draft." in page


def test_an_expert_sees_the_running_programmes_they_joined(client_for, cast):
    from intercity.programmes.models import Programme
    from intercity.programmes.services import programme_join
    from intercity.testing.factories import ProgrammeFactory

    joined = ProgrammeFactory(name="Waste treatment")
    programme_join(actor=cast.expert, programme=joined)
    closed = ProgrammeFactory(name="Old drill series")
    programme_join(actor=cast.expert, programme=closed)
    Programme.objects.filter(pk=closed.pk).update(status=Programme.Status.CLOSED)
    ProgrammeFactory(name="Not joined")

    page = page_of(client_for(cast.expert))

    assert "Programmes you take part in" in page
    assert "Waste treatment" in page and joined.get_absolute_url() in page
    assert "Old drill series" not in page and "Not joined" not in page


# An organisation's representative: its business events and open opportunities -----------


def _registered(organisation, title, **meeting):
    from intercity.testing.business_factories import EventFactory, RegistrationFactory

    event = EventFactory(meeting__title=title, **{f"meeting__{k}": v for k, v in meeting.items()})
    return RegistrationFactory(event=event, organisation=organisation).event


def _publish(cast, event, organisation):
    """A schedule solved and published through the services, as the demo's trade fair has."""
    from intercity.business.models import MeetingRequest, ScheduleRun
    from intercity.business.services import schedule_publish, schedule_run_execute
    from intercity.testing.business_factories import RegistrationFactory, add_slots

    add_slots(event, 2)
    ours = event.registrations.get(organisation=organisation)
    other = RegistrationFactory(event=event)
    MeetingRequest.objects.create(event=event, requester=ours, invitee=other, status="accepted")
    run = schedule_run_execute(run_id=ScheduleRun.objects.create(event=event, time_limit=5).pk)
    schedule_publish(actor=cast.secretariat, run=run)


@pytest.fixture
def trade(cast):
    """The representative's organisation in a published fair and one still to be scheduled,
    a fair that is over, and opportunities of its own and of others."""
    from intercity.testing.business_factories import OpportunityFactory

    organisation = cast.organisation_rep.organisation
    today = timezone.localdate()
    # Tomorrow by the clock of the test: not over in the host city's zone at any hour.
    tomorrow = today + datetime.timedelta(days=1)
    fair = _registered(organisation, "Hanoi trade fair", start_date=tomorrow, end_date=tomorrow)
    _publish(cast, fair, organisation)
    later = today + datetime.timedelta(days=40)
    _registered(organisation, "Seoul business meetings", start_date=later, end_date=later)
    past = today - datetime.timedelta(days=10)
    _registered(organisation, "Last year's fair", start_date=past, end_date=past)
    _registered(OrganisationFactory(), "A fair without us", start_date=later, end_date=later)
    ProfileFactory(organisation=organisation)
    closing = today + datetime.timedelta(days=5)
    OpportunityFactory(organisation=organisation, title="We buy chillers", expires_on=closing)
    OpportunityFactory(organisation=organisation, title="Leak sensors", direction="request")
    OpportunityFactory(organisation=organisation, title="Closed offer", status="closed")
    OpportunityFactory(
        organisation=organisation,
        title="Expired offer",
        expires_on=today - datetime.timedelta(days=1),
    )
    OpportunityFactory(title="Someone else's offer")
    return fair


def test_a_representative_sees_the_coming_business_events_and_their_agenda(client_for, cast, trade):
    page = page_of(client_for(cast.organisation_rep))

    events = page.split('id="work-business-events"')[1].split("</section>")[0]
    assert "Your business events" in events
    assert "Hanoi trade fair" in events and "your agenda is published" in events
    assert f'href="{reverse("business:agenda", args=[trade.pk])}"' in events
    assert "Seoul business meetings" in events and "schedule not yet published" in events
    assert "Last year&#x27;s fair" not in events
    assert "A fair without us" not in events


def test_a_representative_sees_the_opportunities_still_open(client_for, cast, trade):
    page = page_of(client_for(cast.organisation_rep))

    section = page.split('id="work-opportunities"')[1].split("</section>")[0]
    assert "Your organisation&#x27;s open opportunities" in section
    closing = timezone.localdate() + datetime.timedelta(days=5)
    assert "We buy chillers" in section
    assert f"Offer · Energy-saving labelled products · open until {date_format(closing)}" in (
        section
    )
    assert "Leak sensors" in section and "Request · " in section and "no closing date" in section
    assert section.index("We buy chillers") < section.index("Leak sensors")  # closing first
    chillers = Opportunity.objects.get(title="We buy chillers")
    assert f'href="{chillers.get_absolute_url()}"' in section
    for gone in ("Closed offer", "Expired offer", "Someone else&#x27;s offer"):
        assert gone not in section


def test_a_representative_with_no_events_or_opportunities_is_told_so(client_for, cast):
    page = page_of(client_for(cast.organisation_rep))

    assert "No meeting request waits for your answer." in page
    assert "Your organisation is registered in no business event still to come." in page
    assert "Your organisation has no open opportunity." in page


def test_the_representatives_page_costs_the_same_queries_whatever_its_business(
    client_for, cast, trade
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from intercity.testing.business_factories import OpportunityFactory

    client = client_for(cast.organisation_rep)
    page_of(client)
    with CaptureQueriesContext(connection) as few:
        page_of(client)
    organisation = cast.organisation_rep.organisation
    later = timezone.localdate() + datetime.timedelta(days=60)
    for index in range(25):
        event = _registered(organisation, f"Fair {index}", start_date=later, end_date=later)
        MeetingRequestFactory(event=event, status="pending", invitee=event.registrations.get())
        OpportunityFactory(organisation=organisation, title=f"Offer {index}")
    with CaptureQueriesContext(connection) as many:
        page = page_of(client)
    events = page.split('id="work-business-events"')[1].split("</section>")[0]
    assert events.count("<li") == 20 and '<p class="more">' in events
    assert len(many) == len(few)


# What the header counts: only what asks the reader to act ----------------------------------


def test_the_header_counts_what_asks_for_action_not_what_only_informs(client_for, cast, work):
    # Waiting: the report of "Share flood maps" and the profile of Hanoi LED Co. Only to
    # know: the coming "Water forum" and the city changed by the secretariat.
    later = timezone.localdate() + datetime.timedelta(days=30)
    MeetingFactory(title="Water forum", host_city=cast.home, start_date=later, year=later.year)
    page = page_of(client_for(cast.focal_point))

    assert "Water forum" in page and "updated the city" in page
    assert "2 things wait for you" in page


def test_a_representative_with_only_events_and_opportunities_is_told_nothing_waits(
    client_for, cast, trade
):
    client = client_for(cast.organisation_rep)
    page = page_of(client)

    assert "Seoul business meetings" in page and "We buy chillers" in page
    assert "wait for you" not in page and "waits for you" in page
    lead = page.split('class="lead"')[1].split("</p>")[0]
    assert "Nothing waits for you." in lead

    home = client.get("/").content.decode().split('id="home-my-work"')[1].split("</section>")[0]
    waiting, informing = home.split("To keep in view")
    assert "Nothing waits for you." in waiting and "Your business events" not in waiting
    assert "Your business events" in informing
    assert "Your organisation&#x27;s open opportunities" in informing


def test_a_request_to_answer_is_the_one_thing_that_waits_for_a_representative(
    client_for, cast, trade
):
    ours = trade.registrations.get(organisation=cast.organisation_rep.organisation)
    MeetingRequestFactory(status="pending", invitee=ours)
    client = client_for(cast.organisation_rep)

    assert "1 thing waits for you" in page_of(client)
    home = client.get("/").content.decode().split('id="home-my-work"')[1].split("</section>")[0]
    waiting, informing = home.split("To keep in view")
    assert "Meeting requests waiting for your answer" in waiting
    assert "Your business events" in informing


def test_the_changes_by_others_say_how_many_more_there_are(client_for, cast):
    for index in range(24):
        city_update(actor=cast.secretariat, city=cast.home, data={"description": f"v{index}"})

    page = page_of(client_for(cast.focal_point))
    section = page.split('id="work-changes"')[1].split("</section>")[0]

    assert section.count("<li") == 20 and "and 4 more" in section
    assert '<span class="badge">24</span>' in section


def test_a_representative_is_told_how_many_more_business_events_there_are(client_for, cast):
    organisation = cast.organisation_rep.organisation
    later = timezone.localdate() + datetime.timedelta(days=60)
    for index in range(26):
        _registered(organisation, f"Fair {index}", start_date=later, end_date=later)

    page = page_of(client_for(cast.organisation_rep))
    events = page.split('id="work-business-events"')[1].split("</section>")[0]

    assert events.count("<li") == 20 and "and 6 more" in events


def test_a_section_asked_for_whole_lists_every_item(client_for, cast):
    for index in range(23):
        ProfileFactory(
            organisation=OrganisationFactory(city=cast.home, name=f"Supplier {index}"),
            is_verified=False,
        )
    client = client_for(cast.focal_point)
    section = page_of(client).split('id="work-profiles"')[1].split("</section>")[0]
    assert 'href="?all=profiles#work-profiles"' in section and "and 3 more" in section

    whole = client.get(URL, {"all": "profiles"}).content.decode()
    whole = whole.split('id="work-profiles"')[1].split("</section>")[0]

    assert whole.count("<li") == 23
    assert 'class="more"' not in whole
