"""Importing agreed meetings from a table: page, API, all or nothing, lines reported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intercity.business.importing import ACTION, requests_import
from intercity.business.models import MeetingRequest, Registration
from intercity.testing.business_factories import EventFactory, RegistrationFactory, add_slots
from intercity.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fair(cast):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 4)
    names = ("Hanoi Solar Works", "Seoul Grid Analytics", "Tokyo Water Board", "Taipei LED Lab")
    orgs = {name.split()[0].lower(): OrganisationFactory(name=name) for name in names}
    # Seoul and Tokyo already agreed to meet on the platform.
    MeetingRequest.objects.create(
        event=event,
        requester=RegistrationFactory(event=event, organisation=orgs["seoul"]),
        invitee=RegistrationFactory(event=event, organisation=orgs["tokyo"]),
        status="accepted",
    )
    return event, orgs


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_meetings_come_in_accepted_and_repeats_are_skipped(cast, fair):
    event, orgs = fair
    table = _csv(
        "Invitee,Requester,Session,Note",  # any order, any case
        f"{orgs['seoul'].slug},hanoi solar works,morning,LED lighting",
        "Taipei LED Lab,Hanoi Solar Works,,",
        "",
        "Tokyo Water Board,Seoul Grid Analytics,either,",  # already there, the other way round
        "Hanoi Solar Works,Taipei LED Lab,afternoon,",  # the same pair as line 3
    )
    report = requests_import(actor=cast.focal_point, event=event, content=table)
    assert report.ok, report.errors
    assert (report.created, report.registered) == (2, 2)  # Hanoi and Taipei joined
    assert [line for line, _reason in report.skipped] == [5, 6]
    already, repeat = (reason for _line, reason in report.skipped)
    assert already == "Seoul Grid Analytics and Tokyo Water Board already have a meeting."
    # A line repeating an earlier one of the same file says which one.
    assert repeat == "Taipei LED Lab and Hanoi Solar Works: the same meeting as on line 3."
    added = MeetingRequest.objects.filter(event=event).exclude(
        requester__organisation=orgs["seoul"]
    )
    assert {
        (r.requester.organisation.name, r.invitee.organisation.name, r.session, r.status)
        for r in added
    } == {
        ("Hanoi Solar Works", "Seoul Grid Analytics", "morning", "accepted"),
        ("Hanoi Solar Works", "Taipei LED Lab", "either", "accepted"),
    }
    assert MeetingRequest.history.filter(history_change_reason=ACTION).count() == 2


def test_one_wrong_line_writes_nothing_and_every_problem_is_named(cast, fair):
    event, orgs = fair
    OrganisationFactory(name="Twin Name Ltd")
    OrganisationFactory(name="Twin Name Ltd")
    table = (
        _csv(
            "requester,invitee,session,note",
            "Hanoi Solar Works,Taipei LED Lab,morning",  # fine on its own
            "Hanoi Solar Works,Jakarta Nobody Inc,",
            "Hanoi Solar Works,Taipei LED Lab,evening",
            "Taipei LED Lab,taipei led lab,",
            "Twin Name Ltd,Hanoi Solar Works,",
            ",Hanoi Solar Works,",
        )
        + "Seoul Grid Analytics,Taipei LED Lab,,a note with a hidden \u202e override\n".encode()
    )
    before = (MeetingRequest.objects.count(), Registration.objects.count())
    report = requests_import(actor=cast.focal_point, event=event, content=table)
    assert not report.ok
    assert [line for line, _message in report.errors] == [3, 4, 5, 6, 7, 8]
    messages = dict(report.errors)
    assert "Jakarta Nobody Inc" in messages[3]
    assert "evening" in messages[4]
    assert "itself" in messages[5]
    assert "slug" in messages[6]
    assert "direction-changing" in messages[8]
    assert (MeetingRequest.objects.count(), Registration.objects.count()) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (_csv("requester,invitee"), "no lines of meetings"),
        (_csv("requester,invitee", ",", ""), "no lines of meetings"),
        (_csv("from,to", "a,b"), "requester, invitee"),
        ("requester,invitee\nH\xe9,T\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_an_unreadable_table_is_refused_with_its_reason(cast, fair, content, expected):
    event, _orgs = fair
    report = requests_import(actor=cast.focal_point, event=event, content=content)
    assert not report.ok
    assert expected in report.errors[0][1]


def test_a_misspelt_column_is_refused_rather_than_dropped(cast, fair):
    event, _orgs = fair
    table = _csv("requester,invitee,sesion", "Hanoi Solar Works,Taipei LED Lab,morning")
    report = requests_import(actor=cast.focal_point, event=event, content=table)
    assert report.errors == [
        (1, "Unknown column(s): sesion. The columns are: requester, invitee, session, note.")
    ]
    assert not MeetingRequest.objects.filter(requester__organisation__name="Hanoi Solar Works")


def test_the_organiser_imports_from_the_page(cast, fair, client_for):
    event, orgs = fair
    url = reverse("business:requests-import", args=[event.pk])
    organiser = client_for(cast.focal_point)
    assert f'href="{url}"' in organiser.get(event.get_absolute_url()).text
    assert organiser.get(url).status_code == 200
    assert client_for(cast.other_focal_point).get(url).status_code == 404
    assert client_for(cast.organisation_rep).post(url).status_code == 404

    bad = SimpleUploadedFile("m.csv", _csv("requester,invitee", "Hanoi Solar Works,Nobody"))
    refused = organiser.post(url, {"file": bad})
    assert refused.status_code == 400
    assert "Nothing was imported" in refused.text
    assert "Nobody" in refused.text

    good = SimpleUploadedFile(
        "m.csv", _csv("requester,invitee", "Hanoi Solar Works,Taipei LED Lab")
    )
    done = organiser.post(url, {"file": good})
    assert done.status_code == 200
    assert "1 meeting added" in done.text
    assert event.requests.filter(status="accepted").count() == 2


def test_a_header_only_file_is_not_reported_as_imported(cast, fair, client_for):
    event, _orgs = fair
    url = reverse("business:requests-import", args=[event.pk])
    upload = SimpleUploadedFile("m.csv", _csv("requester,invitee"))
    page = client_for(cast.focal_point).post(url, {"file": upload})
    assert page.status_code == 400
    assert "The file has a header but no lines of meetings." in page.text
    assert "0 meetings added" not in page.text
    api = f"/api/v1/business/events/{event.pk}/requests/import/"
    upload = SimpleUploadedFile("m.csv", _csv("requester,invitee"))
    answer = client_for(cast.focal_point).post(api, {"file": upload})
    assert answer.status_code == 400
    assert answer.json()["created"] == 0


def test_the_api_imports_a_table_all_or_nothing(cast, fair, client, client_for):
    event, _orgs = fair
    url = f"/api/v1/business/events/{event.pk}/requests/import/"
    table = _csv("requester,invitee", "Hanoi Solar Works,Taipei LED Lab")
    upload = SimpleUploadedFile("m.csv", table)
    assert client.post(url, {"file": upload}).status_code == 401
    organiser = client_for(cast.focal_point)
    bad = organiser.post(url, {"file": SimpleUploadedFile("m.csv", table + b"Hanoi,,\n")})
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["line"] == 3
    assert event.requests.count() == 1
    done = organiser.post(url, {"file": SimpleUploadedFile("m.csv", table)})
    assert done.status_code == 200
    assert done.json()["created"] == 1
    assert event.requests.count() == 2


def test_names_are_looked_up_in_a_fixed_number_of_queries(cast, fair):
    """A file naming hundreds of organisations costs no more lookups than one naming four."""
    event, _orgs = fair
    many = [OrganisationFactory(name=f"Exporter {i:03d}") for i in range(240)]

    def queries_for(names: list[str]) -> int:
        lines = [f"{a},{b}" for a, b in zip(names[::2], names[1::2], strict=True)]
        # The last line names no one, so nothing is written and only the checks are counted.
        table = _csv("requester,invitee", *lines, "Nobody At All,Hanoi Solar Works")
        with CaptureQueriesContext(connection) as captured:
            report = requests_import(actor=cast.focal_point, event=event, content=table)
        assert [message for _line, message in report.errors] == [
            "No organisation “Nobody At All” on the platform; add it first."
        ]
        return len(captured)

    few = queries_for(["hanoi solar works", "TAIPEI LED LAB"])
    lots = queries_for([o.slug if i % 2 else o.name.upper() for i, o in enumerate(many)])
    # 240 names fill two lookup chunks where 3 fill one: two more queries, not hundreds.
    assert lots - few == 2


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(cast, fair, client_for):
    event, _orgs = fair
    organiser = client_for(cast.focal_point)
    big = b"requester,invitee\n" + b"x" * (5 * 1024 * 1024)
    api = organiser.post(
        f"/api/v1/business/events/{event.pk}/requests/import/",
        {"file": SimpleUploadedFile("m.csv", big)},
    )
    assert api.status_code == 400
    assert api.json() == {"file": ["The file is larger than 5 MB; split it."]}
    page = organiser.post(
        reverse("business:requests-import", args=[event.pk]),
        {"file": SimpleUploadedFile("m.csv", big)},
    )
    assert page.status_code == 400
    assert "larger than 5 MB" in page.text
    assert event.requests.count() == 1


def test_the_api_refuses_a_meeting_of_an_organisation_with_itself_in_the_readers_language(
    cast, fair, client_for
):
    event, _orgs = fair
    url = f"/api/v1/business/events/{event.pk}/requests/import/"
    table = _csv("requester,invitee", "Hanoi Solar Works,Hanoi Solar Works")
    answer = client_for(cast.focal_point).post(
        url, {"file": SimpleUploadedFile("m.csv", table)}, HTTP_ACCEPT_LANGUAGE="vi"
    )
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["message"] == "Một tổ chức không thể gặp chính mình."
    assert event.requests.count() == 1
