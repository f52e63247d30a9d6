"""Business API: the directory, opportunities, events, requests and scheduler runs."""

import pytest

from intercity.business.models import MeetingRequest, Opportunity
from intercity.testing.business_factories import (
    EventFactory,
    ProfileFactory,
    RegistrationFactory,
    add_slots,
)

pytestmark = pytest.mark.django_db


def test_the_directory_api_lists_only_verified_profiles(client):
    shown = ProfileFactory()
    ProfileFactory(is_verified=False)
    data = client.get("/api/v1/business/profiles/").json()
    slugs = [row["slug"] for row in data["results"]]
    assert slugs == [shown.organisation.slug]


def test_anonymous_cannot_create_an_opportunity(client):
    response = client.post("/api/v1/business/opportunities/", {"title": "x"})
    assert response.status_code == 401
    assert not Opportunity.objects.exists()


def test_a_representative_publishes_an_opportunity_for_their_organisation(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    response = client_for(cast.organisation_rep).post(
        "/api/v1/business/opportunities/",
        {"direction": "offer", "kind": "energy_saving", "title": "LED lamps"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["organisation"] == cast.organisation_rep.organisation.slug
    listed = client_for(None).get("/api/v1/business/opportunities/").json()["results"]
    assert [row["title"] for row in listed] == ["LED lamps"]


def test_a_user_without_an_organisation_gets_404(cast, client_for):
    response = client_for(cast.reader).post(
        "/api/v1/business/opportunities/",
        {"direction": "offer", "kind": "tourism", "title": "Tours"},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Opportunity.objects.exists()


# -- events, requests and scheduler runs ---------------------------------------------------


def _fair(cast):
    """An event of the home city with four slots and three accepted meetings among four."""
    event = EventFactory(meeting__host_city=cast.home, tables=2)
    add_slots(event, 4)
    names = ("Hanoi Solar Works", "Seoul Grid Analytics", "Tokyo Water Board", "Taipei LED Lab")
    regs = [RegistrationFactory(event=event, organisation__name=name) for name in names]
    for x, y, status in ((0, 1, "accepted"), (1, 2, "accepted"), (2, 3, "accepted")):
        MeetingRequest.objects.create(
            event=event, requester=regs[x], invitee=regs[y], status=status
        )
    MeetingRequest.objects.create(event=event, requester=regs[3], invitee=regs[0], status="pending")
    return event, regs


def test_events_are_listed_with_their_slots(cast, client):
    event, _regs = _fair(cast)
    data = client.get("/api/v1/business/events/").json()
    assert [row["id"] for row in data["results"]] == [event.pk]
    detail = client.get(f"/api/v1/business/events/{event.pk}/").json()
    assert detail["tables"] == 2
    assert detail["host_city"] == cast.home.slug
    assert [slot["session"] for slot in detail["slots"]] == ["morning"] * 2 + ["afternoon"] * 2


def test_only_the_organiser_reads_the_requests_filtered(cast, client, client_for):
    event, regs = _fair(cast)
    url = f"/api/v1/business/events/{event.pk}/requests/"
    assert client.get(url).status_code == 401
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    organiser = client_for(cast.focal_point)
    everything = organiser.get(url).json()
    assert everything["count"] == 4
    pending = organiser.get(url, {"status": "pending"}).json()["results"]
    assert [(r["requester"]["name"], r["invitee"]["name"]) for r in pending] == [
        ("Taipei LED Lab", "Hanoi Solar Works")
    ]
    hanoi = organiser.get(url, {"q": "hanoi"}).json()["results"]
    assert {r["requester"]["registration"] for r in hanoi} == {regs[0].pk, regs[3].pk}
    wrong = organiser.get(url, {"status": "lost"})
    assert wrong.status_code == 400
    assert "status" in wrong.json()


def test_the_organiser_runs_the_scheduler_and_reads_the_schedule(
    cast, client, client_for, django_capture_on_commit_callbacks
):
    event, _regs = _fair(cast)
    url = f"/api/v1/business/events/{event.pk}/runs/"
    assert client.post(url, {}, content_type="application/json").status_code == 401
    stranger = client_for(cast.other_focal_point)
    assert stranger.post(url, {}, content_type="application/json").status_code == 404
    organiser = client_for(cast.focal_point)
    too_long = organiser.post(url, {"time_limit": 100000}, content_type="application/json")
    assert too_long.status_code == 400
    assert "time_limit" in too_long.json()
    assert not event.runs.exists()

    with django_capture_on_commit_callbacks(execute=True):
        started = organiser.post(url, {"time_limit": 5}, content_type="application/json")
    assert started.status_code == 201
    assert started.json()["status"] == "queued"
    assert started.json()["assignments"] is None  # no schedule until the run has finished
    run_url = f"/api/v1/business/runs/{started.json()['id']}/"
    assert stranger.get(run_url).status_code == 404
    run = organiser.get(run_url).json()
    assert (run["status"], run["stage"], run["breaks"], run["gap"]) == ("optimal", "done", 0, 0)
    accepted = set(event.requests.filter(status="accepted").values_list("pk", flat=True))
    assert {row["request"] for row in run["assignments"]} == accepted
    # Nobody has two meetings in one slot.
    seen = set()
    for row in run["assignments"]:
        request = MeetingRequest.objects.get(pk=row["request"])
        for party in (request.requester_id, request.invitee_id):
            assert (party, row["slot"]) not in seen
            seen.add((party, row["slot"]))


def test_an_event_without_slots_cannot_be_scheduled_through_the_api(cast, client_for):
    event = EventFactory(meeting__host_city=cast.home)
    response = client_for(cast.focal_point).post(
        f"/api/v1/business/events/{event.pk}/runs/", {}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "Add time slots" in str(response.json())
    assert not event.runs.exists()


def test_a_run_that_cannot_fit_explains_itself_by_name_in_the_readers_language(
    cast, client_for, django_capture_on_commit_callbacks
):
    event = EventFactory(meeting__host_city=cast.home, tables=1)
    add_slots(event, 2)  # one morning and one afternoon slot, one table: two places
    names = ("Hanoi Solar Works", "Seoul Grid Analytics", "Tokyo Water Board", "Taipei LED Lab")
    regs = [RegistrationFactory(event=event, organisation__name=name) for name in names]
    for x, y in ((0, 1), (0, 2), (0, 3)):
        MeetingRequest.objects.create(
            event=event, requester=regs[x], invitee=regs[y], status="accepted"
        )
    organiser = client_for(cast.focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        started = organiser.post(
            f"/api/v1/business/events/{event.pk}/runs/",
            {"time_limit": 5},
            content_type="application/json",
        )
    run_url = f"/api/v1/business/runs/{started.json()['id']}/"
    run = organiser.get(run_url).json()
    assert run["status"] == "infeasible"
    assert "event_overfull" in [reason["code"] for reason in run["reasons"]]
    assert (
        "The event has more meetings than places (meetings: 3; places: 2 slots × 1 tables = 2)."
        in run["explanation"]
    )
    # The over-full participant is named, not given by its key.
    assert (
        "Hanoi Solar Works has more meetings than available slots in the allowed sessions "
        "(meetings: 3, slots: 2)."
    ) in run["explanation"]
    in_russian = organiser.get(run_url, HTTP_ACCEPT_LANGUAGE="ru").json()["explanation"]
    assert any(line.startswith("На мероприятии встреч больше, чем мест") for line in in_russian)


def test_a_refused_opportunity_names_a_long_title_and_a_past_closing_date(cast, client_for):
    ProfileFactory(organisation=cast.organisation_rep.organisation)
    response = client_for(cast.organisation_rep).post(
        "/api/v1/business/opportunities/",
        {"direction": "offer", "kind": "tourism", "title": "x" * 300, "expires_on": "2020-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    body = response.json()
    assert "title" in body
    assert body["expires_on"] == [
        "This date is past: the opportunity would not be shown to anyone."
    ]
    assert not Opportunity.objects.exists()
