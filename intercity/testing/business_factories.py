"""factory_boy factories for the business app."""

import datetime

import factory
from factory.django import DjangoModelFactory

from intercity.business.models import (
    Event,
    MeetingRequest,
    Opportunity,
    Profile,
    Registration,
    Sector,
    Slot,
)
from intercity.meetings.models import Meeting
from intercity.testing.factories import MeetingFactory, OrganisationFactory


def sector(code: str = "C") -> Sector:
    return Sector.objects.get_or_create(code=code, defaults={"name": f"Section {code}"})[0]


class ProfileFactory(DjangoModelFactory):
    class Meta:
        model = Profile

    organisation = factory.SubFactory(OrganisationFactory)
    sector = factory.LazyFunction(sector)
    languages = "en, vi"
    offers = "energy saving LED lighting equipment"
    seeks = "distributors in Japan"
    is_verified = True


class OpportunityFactory(DjangoModelFactory):
    class Meta:
        model = Opportunity

    organisation = factory.SubFactory(OrganisationFactory)
    direction = Opportunity.Direction.OFFER
    kind = Opportunity.Kind.ENERGY_SAVING
    title = factory.Sequence(lambda n: f"Opportunity {n}")


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    meeting = factory.SubFactory(MeetingFactory, kind=Meeting.Kind.BUSINESS)
    tables = 3
    fairness = 2


def add_slots(event: Event, count: int = 4, morning: int = 2) -> list[Slot]:
    day = datetime.date(2030, 5, 6)
    return [
        Slot.objects.create(
            event=event,
            day=day,
            starts_at=datetime.time(9 + i, 0),
            ends_at=datetime.time(9 + i, 30),
            session="morning" if i < morning else "afternoon",
        )
        for i in range(count)
    ]


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class MeetingRequestFactory(DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    event = factory.SubFactory(EventFactory)
    requester = factory.LazyAttribute(lambda o: RegistrationFactory(event=o.event))
    invitee = factory.LazyAttribute(lambda o: RegistrationFactory(event=o.event))
    status = MeetingRequest.Status.ACCEPTED


class BusinessMeetingFactory(MeetingFactory):
    """A business meeting that has not opened matchmaking yet."""

    kind = Meeting.Kind.BUSINESS
    title = factory.Sequence(lambda n: f"Business meeting {n}")


def event_setup_post(**overrides) -> dict:
    """A valid POST of the event setup form: two days, two morning and two afternoon slots."""
    return {
        "tables": "4",
        "fairness": "2",
        "registration_deadline": "2030-04-20T12:00",
        "request_deadline": "2030-05-01T12:00",
        "first_day": "2030-05-06",
        "day_count": "2",
        "slot_minutes": "30",
        "morning_start": "09:00",
        "morning_count": "2",
        "afternoon_start": "14:00",
        "afternoon_count": "2",
        **overrides,
    }
