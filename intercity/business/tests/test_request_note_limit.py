"""A meeting request's note has at most 1,000 characters, on the page, in an import and in
the service; a longer note written before the limit still lets the request be answered."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from intercity.business import services
from intercity.business.importing import requests_import
from intercity.business.models import REQUEST_NOTE_MAX_LENGTH, MeetingRequest
from intercity.testing.business_factories import (
    EventFactory,
    MeetingRequestFactory,
    RegistrationFactory,
    add_slots,
)
from intercity.testing.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

LONG = "x" * (REQUEST_NOTE_MAX_LENGTH + 1)


@pytest.fixture
def event(cast):
    event = EventFactory(meeting__host_city=cast.home)
    add_slots(event, 2)
    return event


@pytest.fixture
def pair(cast, event):
    mine = RegistrationFactory(event=event, organisation=cast.organisation_rep.organisation)
    other = RegistrationFactory(event=event, organisation=OrganisationFactory(name="Tokyo Water"))
    return mine, other


def test_the_limit_is_a_thousand_characters():
    assert REQUEST_NOTE_MAX_LENGTH == 1000


def test_the_request_form_refuses_a_long_note_on_the_field(cast, client_for, event, pair):
    _mine, other = pair
    url = reverse("business:request-create", args=[event.pk])
    client = client_for(cast.organisation_rep)

    refused = client.post(url, {"invitee": other.pk, "note": LONG, "session": "either"})

    assert refused.status_code == 400
    assert refused.context["request_form"].errors["note"] == [
        "A note may have at most 1,000 characters; this one has 1,001."
    ]
    assert 'maxlength="1000"' in refused.text
    assert not event.requests.exists()
    fits = client.post(url, {"invitee": other.pk, "note": LONG[:-1], "session": "either"})
    assert fits.status_code == 302
    assert len(event.requests.get().note) == REQUEST_NOTE_MAX_LENGTH


def test_the_numbers_are_written_the_readers_way(cast, client_for, event, pair):
    _mine, other = pair
    url = reverse("business:request-create", args=[event.pk])

    refused = client_for(cast.organisation_rep).post(
        url, {"invitee": other.pk, "note": LONG, "session": "either"}, HTTP_ACCEPT_LANGUAGE="vi"
    )

    (message,) = refused.context["request_form"].errors["note"]
    assert "1.000" in message
    assert "1.001" in message


def test_the_service_refuses_a_long_note_on_the_field(cast, pair):
    mine, other = pair
    with pytest.raises(ValidationError) as refused:
        services.meeting_request_create(
            actor=cast.organisation_rep, requester=mine, invitee=other, note=LONG
        )
    assert list(refused.value.message_dict) == ["note"]
    assert not MeetingRequest.objects.exists()


def test_a_long_note_from_before_the_limit_can_still_be_answered(cast, event, pair):
    mine, other = pair
    request = MeetingRequestFactory(event=event, requester=other, invitee=mine, note=LONG * 2)

    services.meeting_request_answer(
        actor=cast.organisation_rep, meeting_request=request, accept=True
    )

    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED
    assert request.note == LONG * 2


def _table(note: str) -> bytes:
    return (
        "requester,invitee,session,note\n"
        "Hanoi Solar,Tokyo Water,,short\n"
        f'Hanoi Solar,Seoul Grid,morning,"{note}"\n'
    ).encode()


@pytest.fixture
def organisations():
    for name in ("Hanoi Solar", "Tokyo Water", "Seoul Grid"):
        OrganisationFactory(name=name)


def test_an_import_names_the_line_whose_note_is_too_long_and_writes_nothing(
    cast, event, organisations
):
    with translation.override("en"):
        report = requests_import(actor=cast.focal_point, event=event, content=_table(LONG))

    assert not report.ok
    assert report.errors == [(3, "A note may have at most 1,000 characters; this one has 1,001.")]
    assert not event.requests.exists()
    fits = requests_import(actor=cast.focal_point, event=event, content=_table(LONG[:-1]))
    assert fits.ok and fits.created == 2


def test_the_api_import_answers_400_naming_the_line(cast, event, organisations, client_for):
    url = f"/api/v1/business/events/{event.pk}/requests/import/"
    upload = SimpleUploadedFile("m.csv", _table(LONG))

    answer = client_for(cast.focal_point).post(url, {"file": upload})

    assert answer.status_code == 400
    assert answer.json()["errors"] == [
        {"line": 3, "message": "A note may have at most 1,000 characters; this one has 1,001."}
    ]
    assert not event.requests.exists()
