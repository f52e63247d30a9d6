"""Cooperation opportunities: the list and its filters, one opportunity's page, editing,
closing and opening again, and the API's change of an opportunity."""

import datetime

import pytest
from django.urls import reverse

from intercity.business.models import MeetingRequest, Opportunity
from intercity.testing.business_factories import (
    EventFactory,
    MeetingRequestFactory,
    OpportunityFactory,
    ProfileFactory,
    RegistrationFactory,
)
from intercity.testing.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = reverse("business:opportunities")


def _listed(**kwargs) -> Opportunity:
    """An opportunity of a verified organisation."""
    opportunity = OpportunityFactory(**kwargs)
    ProfileFactory(organisation=opportunity.organisation, is_verified=True)
    return opportunity


def test_the_list_shows_current_opportunities_of_verified_organisations_only(client):
    shown = _listed(title="Solar panels for export")
    closed = _listed(title="Closed offer", status=Opportunity.Status.CLOSED)
    expired = _listed(title="Expired offer", expires_on=datetime.date(2001, 1, 1))
    unverified = OpportunityFactory(title="Unverified offer")
    ProfileFactory(organisation=unverified.organisation, is_verified=False)
    page = client.get(LIST).text
    assert shown.title in page and shown.get_absolute_url() in page
    for hidden in (closed, expired, unverified):
        assert hidden.title not in page


def test_the_list_filters_by_kind_direction_city_and_words(client, cast):
    wanted = _listed(
        title="District cooling design",
        description="Chilled water networks",
        kind=Opportunity.Kind.TECHNOLOGY,
        direction=Opportunity.Direction.OFFER,
        organisation=OrganisationFactory(city=cast.other),
    )
    _listed(title="Hotel packages", kind=Opportunity.Kind.TOURISM)
    _listed(
        title="We buy chillers",
        kind=Opportunity.Kind.TECHNOLOGY,
        direction=Opportunity.Direction.REQUEST,
        organisation=OrganisationFactory(city=cast.home),
    )
    for query in (
        {"kind": "technology", "direction": "offer"},
        {"city": cast.other.slug, "kind": "technology"},
        {"q": "chilled networks"},
    ):
        response = client.get(LIST, query)
        titles = [o.title for o in response.context["object_list"]]
        assert titles == [wanted.title], query


def test_an_unknown_filter_value_is_named_not_silently_ignored(client):
    _listed(title="Anything")
    response = client.get(LIST, {"kind": "spaceships"})
    assert response.status_code == 200
    assert response.context["filter_notices"]
    assert "spaceships" in response.text


def test_the_list_has_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(30):
        _listed()
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert len(response.context["object_list"]) == 25


def test_an_opportunity_page_shows_its_description_to_anyone(client):
    opportunity = _listed(title="Leak detection", description="Acoustic sensors\n\nand training")
    page = client.get(opportunity.get_absolute_url())
    assert page.status_code == 200
    assert "Acoustic sensors" in page.text and "and training" in page.text
    assert opportunity.organisation.name in page.text
    assert reverse("business:opportunity-edit", args=[opportunity.pk]) not in page.text


def test_a_closed_opportunity_is_404_to_strangers_but_shown_to_its_representative(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    opportunity = OpportunityFactory(
        organisation=cast.organisation_rep.organisation, status=Opportunity.Status.CLOSED
    )
    url = opportunity.get_absolute_url()
    assert client_for(None).get(url).status_code == 404
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    page = client_for(cast.organisation_rep).get(url)
    assert page.status_code == 200
    assert 'id="reopen-opportunity"' in page.text


def test_the_representative_edits_an_opportunity_and_the_change_is_in_its_history(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    opportunity = OpportunityFactory(
        organisation=cast.organisation_rep.organisation, title="Old title"
    )
    url = reverse("business:opportunity-edit", args=[opportunity.pk])
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    client = client_for(cast.organisation_rep)
    data = {
        "direction": "offer",
        "kind": "technology",
        "title": "New title",
        "description": "Now described",
        "status": "open",
        "expires_on": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response.url == opportunity.get_absolute_url()
    opportunity.refresh_from_db()
    assert (opportunity.title, opportunity.kind) == ("New title", "technology")
    assert "business.opportunity.updated" in opportunity.history.first().history_change_reason
    page = client.get(opportunity.get_absolute_url()).text
    assert 'id="history"' in page
    # A closing date in the past is refused with the field named, and nothing is saved.
    response = client.post(url, {**data, "title": "Dated", "expires_on": "2001-01-01"})
    assert response.status_code == 400
    assert "expires_on" in response.context["form"].errors
    opportunity.refresh_from_db()
    assert opportunity.title == "New title"


def test_closing_takes_it_out_of_the_list_and_reopening_a_past_one_is_refused(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    opportunity = OpportunityFactory(
        organisation=cast.organisation_rep.organisation, title="Short-lived"
    )
    close = reverse("business:opportunity-close", args=[opportunity.pk])
    assert client_for(cast.organisation_rep).get(close).status_code == 405
    assert client_for(cast.other_focal_point).post(close).status_code == 404
    client = client_for(cast.organisation_rep)
    assert client.post(close).status_code == 302
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.CLOSED
    assert "Short-lived" not in client_for(None).get(LIST).text
    # Opened again while its date has passed: refused, the reason shown, still closed.
    Opportunity.objects.filter(pk=opportunity.pk).update(expires_on=datetime.date(2001, 1, 1))
    response = client.post(close, {"reopen": "1"}, follow=True)
    assert "This date is past" in response.text
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.CLOSED
    Opportunity.objects.filter(pk=opportunity.pk).update(expires_on=None)
    client.post(close, {"reopen": "1"})
    opportunity.refresh_from_db()
    assert opportunity.status == Opportunity.Status.OPEN


def test_an_organisation_at_the_same_event_is_offered_a_meeting_request(cast, client_for):
    mine = cast.organisation_rep.organisation
    ProfileFactory(organisation=mine)
    opportunity = _listed(title="Water meters")
    event = EventFactory()
    mine_there = RegistrationFactory(event=event, organisation=mine)
    theirs = RegistrationFactory(event=event, organisation=opportunity.organisation)
    EventFactory()  # an event only one of them is at offers nothing
    page = client_for(cast.organisation_rep).get(opportunity.get_absolute_url()).text
    link = f"{event.get_absolute_url()}?meet={theirs.pk}#request-form"
    assert link in page
    # The event page's request form has that organisation chosen.
    form = client_for(cast.organisation_rep).get(event.get_absolute_url(), {"meet": theirs.pk})
    assert form.context["request_form"]["invitee"].value() == str(theirs.pk)
    # Once one has asked the other there, no link: the event's form would not offer them.
    MeetingRequestFactory(event=event, requester=theirs, invitee=mine_there)
    page = client_for(cast.organisation_rep).get(opportunity.get_absolute_url()).text
    assert 'id="meet"' not in page
    MeetingRequest.objects.all().delete()
    # Once requests have closed, no link.
    event.request_deadline = datetime.datetime(2001, 1, 1, tzinfo=datetime.UTC)
    event.save(update_fields=["request_deadline"])
    page = client_for(cast.organisation_rep).get(opportunity.get_absolute_url()).text
    assert 'id="meet"' not in page


def test_a_profile_lists_its_current_opportunities_and_its_editors_see_the_rest(cast, client_for):
    profile = ProfileFactory(organisation=cast.organisation_rep.organisation)
    current = OpportunityFactory(organisation=profile.organisation, title="Current one")
    OpportunityFactory(
        organisation=profile.organisation,
        title="Expired one",
        expires_on=datetime.date(2001, 1, 1),
    )
    url = profile.get_absolute_url()
    page = client_for(None).get(url).text
    assert current.get_absolute_url() in page and "Expired one" not in page
    own = client_for(cast.organisation_rep).get(url).text
    assert "Expired one" in own and "past its closing date" in own


def _api(pk):
    return f"/api/v1/business/opportunities/{pk}/"


def test_the_api_changes_and_closes_an_opportunity_for_its_representative(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    opportunity = OpportunityFactory(organisation=cast.organisation_rep.organisation)
    assert client_for(None).patch(_api(opportunity.pk), {}, "application/json").status_code == 401
    stranger = client_for(UserFactory(role="organisation_rep", organisation=OrganisationFactory()))
    response = stranger.patch(_api(opportunity.pk), {"title": "x"}, "application/json")
    assert response.status_code == 404
    client = client_for(cast.organisation_rep)
    response = client.patch(_api(opportunity.pk), {"expires_on": "2001-01-01"}, "application/json")
    assert response.status_code == 400 and "expires_on" in response.json()
    response = client.patch(_api(opportunity.pk), {"status": "closed"}, "application/json")
    assert response.status_code == 200 and response.json()["status"] == "closed"
    # Closed: gone for everyone else, still there for its representative.
    assert client_for(None).get(_api(opportunity.pk)).status_code == 404
    assert client.get(_api(opportunity.pk)).status_code == 200
