"""Filling business profiles in from a table: who may, what is updated or skipped, all or
nothing, the page and the API."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from intercity.business.models import Profile
from intercity.business.profile_importing import CREATED, UPDATED, profiles_import
from intercity.meetings.models import Meeting
from intercity.testing.business_factories import (
    EventFactory,
    ProfileFactory,
    RegistrationFactory,
)
from intercity.testing.factories import CityFactory, MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

URL = "/business/profile-import/"
API = "/api/v1/business/profiles/import/"
WATER = "Water supply; sewerage, waste management and remediation activities"


def _csv(*lines):
    return ("\n".join(lines) + "\n").encode()


def _upload(content):
    return SimpleUploadedFile("profiles.csv", content, content_type="text/csv")


@pytest.fixture
def firms(cast):
    return {
        "solar": OrganisationFactory(name="Hanoi Solar Works", city=cast.home),
        "water": OrganisationFactory(name="Water Board", city=cast.home),
        "tokyo": OrganisationFactory(name="Water Board", city=cast.other),
    }


def test_the_secretariat_fills_in_profiles_with_an_audit_entry_each(cast, firms):
    content = _csv(
        "organisation,city,sector,size,languages,offers,seeks",
        f"hanoi solar works,,D,medium,EN; vi,Solar panels,Investors in {cast.other.name}",
        f"Water Board,{cast.other.slug},e,Large (250 or more),ja,Pipes,",
        # A sector by its name, case aside (the name has a comma, so it is quoted).
        f'{firms["water"].pk},,"{WATER.upper()}",,,,Pumps',
    )
    report = profiles_import(actor=cast.secretariat, content=content)
    assert report.ok and report.written, report.errors
    profiles = {p.organisation: p for p in Profile.objects.select_related("sector")}
    solar, tokyo, water = (
        profiles[firms["solar"]],
        profiles[firms["tokyo"]],
        profiles[firms["water"]],
    )
    assert (solar.sector.code, solar.size, solar.languages) == ("D", "medium", "en, vi")
    assert (solar.offers, solar.seeks) == ("Solar panels", "Investors in Other City")
    assert (tokyo.sector.code, tokyo.size, tokyo.offers) == ("E", "large", "Pipes")
    assert (water.sector.code, water.size, water.seeks) == ("E", "small", "Pumps")
    assert not solar.is_verified
    entries = Profile.history.filter(history_change_reason=CREATED)
    assert entries.count() == 3
    assert {entry.history_user for entry in entries} == {cast.secretariat}


def test_a_stored_profile_is_updated_and_the_report_says_so(cast, firms):
    profile = ProfileFactory(organisation=firms["solar"], offers="Old offer", seeks="Buyers")
    same = ProfileFactory(organisation=firms["water"])
    content = _csv(
        "organisation,city,sector,offers",
        f"Hanoi Solar Works,{cast.home.slug},{profile.sector.code},New offer",
        f"Water Board,{cast.home.name},{same.sector.code},{same.offers}",
        f"Hanoi Solar Works,{cast.home.slug},A,Again",
    )
    report = profiles_import(actor=cast.focal_point, content=content)
    assert report.ok and report.written, report.errors
    assert report.updated == [profile] and report.created == []
    assert report.skipped == [
        (3, "Water Board: the profile already says this."),
        (4, "Hanoi Solar Works: the same organisation as on line 2."),
    ]
    profile.refresh_from_db()
    # An empty or missing column leaves the stored value as it is.
    assert (profile.offers, profile.seeks, profile.is_verified) == ("New offer", "Buyers", True)
    entries = Profile.history.filter(history_change_reason=UPDATED)
    assert [entry.history_user for entry in entries] == [cast.focal_point]


def test_one_wrong_line_writes_nothing_and_every_problem_is_reported_by_line(cast, firms):
    content = _csv(
        "organisation,sector,size,languages",
        "Hanoi Solar Works,D,,en",
        "Water Board,D,,",
        "Nobody Ltd,D,,",
        "Hanoi Solar Works,Z,,",
        f"{firms['tokyo'].pk},D,huge,",
        f"{firms['solar'].slug},,,",
        f"{firms['solar'].slug},D,,{'x' * 201}",
    )
    report = profiles_import(actor=cast.secretariat, content=content)
    assert not report.ok and not report.written
    assert [line for line, _message in report.errors] == [3, 4, 5, 6, 7, 8]
    messages = dict(report.errors)
    assert "give its city or id" in messages[3]
    assert "No organisation “Nobody Ltd”" in messages[4]
    assert "Sector “Z” is not an ISIC section." == messages[5]
    assert "huge" in messages[6]
    assert "languages" in messages[8]
    assert not Profile.objects.exists()


NOT_YOURS = (
    "Water Board (Other City) is neither an organisation of your city nor registered for a "
    "business event you organise."
)


def test_a_focal_point_fills_in_only_profiles_of_their_city(cast, firms):
    content = _csv("organisation,city,sector", f"Water Board,{cast.other.slug},D")
    report = profiles_import(actor=cast.focal_point, content=content)
    assert report.errors == [(2, NOT_YOURS)]
    own = profiles_import(actor=cast.other_focal_point, content=content)
    assert own.ok and [p.organisation for p in own.created] == [firms["tokyo"]]


def test_a_dry_run_reports_what_would_change_and_writes_nothing(cast, firms):
    profile = ProfileFactory(organisation=firms["solar"], offers="Old offer")
    content = _csv(
        "organisation,sector,offers", f"{firms['solar'].slug},D,New", f"{firms['water'].pk},D,"
    )
    report = profiles_import(actor=cast.secretariat, content=content, dry_run=True)
    assert report.ok and not report.written
    assert [p.organisation for p in report.created] == [firms["water"]]
    assert report.updated == [profile]
    profile.refresh_from_db()
    assert profile.offers == "Old offer"
    assert Profile.objects.count() == 1


def test_others_may_not_import(cast):
    from django.core.exceptions import PermissionDenied

    for user in (cast.expert, cast.organisation_rep, cast.reader):
        with pytest.raises(PermissionDenied):
            profiles_import(actor=user, content=_csv("organisation,sector"))


# -- the page and the API ------------------------------------------------------------------


def test_the_page_previews_then_writes_and_lists_updates_and_skipped_lines(cast, firms, client_for):
    ProfileFactory(organisation=firms["solar"], offers="Old offer")
    content = _csv(
        "organisation,sector,offers",
        f"{firms['solar'].slug},D,New offer",
        f"{firms['water'].pk},D,Pumps",
        f"{firms['water'].pk},D,Pumps",
    )
    page = client_for(cast.focal_point)
    assert page.get(URL).status_code == 200
    preview = page.post(URL, {"file": _upload(content), "dry_run": "on"})
    assert preview.status_code == 200
    assert "Check only: nothing was written" in preview.text
    assert "Water Board: the same organisation as on line 3." in preview.text
    assert not Profile.objects.filter(organisation=firms["water"]).exists()

    done = page.post(URL, {"file": _upload(content)})
    assert done.status_code == 200
    assert "1 profile created" in done.text and "1 profile updated" in done.text
    assert Profile.objects.get(organisation=firms["solar"]).offers == "New offer"


def test_the_page_shows_the_problems_and_writes_nothing(cast, firms, client_for):
    content = _csv("organisation,sector", "Water Board,D")
    response = client_for(cast.secretariat).post(URL, {"file": _upload(content)})
    assert response.status_code == 400
    assert "Several organisations are called “Water Board”" in response.text
    assert not Profile.objects.exists()


def test_the_page_is_hidden_from_others_and_refuses_other_methods(cast, client_for):
    for user in (cast.organisation_rep, cast.expert, cast.reader):
        assert client_for(user).get(URL).status_code == 404
    assert client_for(None).get(URL).status_code == 302
    assert client_for(cast.secretariat).put(URL).status_code == 405


def test_the_directory_offers_the_import_to_those_who_may_use_it(cast, client_for):
    assert URL in client_for(cast.focal_point).get("/business/").text
    assert URL not in client_for(cast.organisation_rep).get("/business/").text


def test_the_api_fills_in_a_table_for_a_focal_point(cast, firms, client_for):
    content = _csv("organisation,sector", f"{firms['solar'].slug},D")
    api = client_for(cast.focal_point)
    checked = api.post(API, {"file": _upload(content), "dry_run": "true"})
    assert checked.status_code == 200 and not checked.json()["written"]
    response = api.post(API, {"file": _upload(content)})
    assert response.status_code == 201
    body = response.json()
    assert body["created"] == [
        {"organisation": firms["solar"].slug, "name": "Hanoi Solar Works", "sector": "D"}
    ]
    assert body["updated"] == [] and body["errors"] == []


def test_the_api_reports_problems_and_refuses_strangers(cast, firms, client_for):
    content = _csv("organisation,sector", f"{firms['tokyo'].slug},D")
    refused = client_for(cast.focal_point).post(API, {"file": _upload(content)})
    assert refused.status_code == 400
    assert refused.json()["errors"] == [{"line": 2, "message": NOT_YOURS}]
    assert (
        client_for(cast.organisation_rep).post(API, {"file": _upload(content)}).status_code == 403
    )
    assert client_for(None).post(API, {"file": _upload(content)}).status_code in (401, 403)
    assert not Profile.objects.exists()


@pytest.fixture
def fair(cast, firms):
    """A business event hosted by the focal point's city, which the visitors from another
    city registered for; a firm of a third city did not."""
    event = EventFactory(meeting=MeetingFactory(kind=Meeting.Kind.BUSINESS, host_city=cast.home))
    RegistrationFactory(event=event, organisation=firms["tokyo"])
    elsewhere = EventFactory(meeting=MeetingFactory(kind=Meeting.Kind.BUSINESS))
    stranger = OrganisationFactory(name="Far Traders", city=CityFactory(name="Far City"))
    RegistrationFactory(event=elsewhere, organisation=stranger)
    return {"event": event, "visitor": firms["tokyo"], "stranger": stranger}


def test_an_organiser_fills_in_profiles_of_visitors_registered_for_their_event(cast, firms, fair):
    content = _csv("organisation,sector", f"{fair['visitor'].slug},D", f"{firms['solar'].pk},C")
    report = profiles_import(actor=cast.focal_point, content=content)
    assert report.ok and report.written
    assert {p.organisation for p in report.created} == {fair["visitor"], firms["solar"]}


def test_an_organiser_may_not_touch_other_cities_firms_and_nothing_is_written(cast, firms, fair):
    content = _csv("organisation,sector", f"{fair['visitor'].slug},D", f"{fair['stranger'].slug},D")
    report = profiles_import(actor=cast.focal_point, content=content)
    assert report.errors == [
        (
            3,
            "Far Traders (Far City) is neither an organisation of your city nor registered for a "
            "business event you organise.",
        )
    ]
    assert not report.written and not Profile.objects.exists()


def test_the_page_and_the_api_let_an_organiser_fill_in_their_visitors(cast, fair, client_for):
    allowed = _csv("organisation,sector,offers", f"{fair['visitor'].slug},D,Pumps")
    refused = _csv("organisation,sector", f"{fair['stranger'].slug},D")
    client = client_for(cast.focal_point)
    page = client.post(URL, {"file": _upload(refused)})
    assert page.status_code == 400 and "Far Traders (Far City) is neither" in page.text
    api = client.post(API, {"file": _upload(refused)})
    assert api.status_code == 400 and api.json()["errors"][0]["line"] == 2
    assert not Profile.objects.exists()

    assert client.post(URL, {"file": _upload(allowed)}).status_code == 200
    assert Profile.objects.get(organisation=fair["visitor"]).offers == "Pumps"
    again = _csv("organisation,sector,offers", f"{fair['visitor'].slug},D,Valves")
    assert client.post(API, {"file": _upload(again)}).status_code == 201
    assert Profile.objects.get(organisation=fair["visitor"]).offers == "Valves"
