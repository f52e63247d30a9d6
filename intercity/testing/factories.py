"""factory_boy factories for every domain record."""

import datetime

import factory
from factory.django import DjangoModelFactory

from intercity.accounts.models import User
from intercity.agreements.models import Agreement, AgreementParty, Pledge
from intercity.cities.models import City
from intercity.core.models import NewsItem, Theme
from intercity.meetings.models import Meeting, MeetingCity, Session
from intercity.organisations.models import Organisation
from intercity.programmes.models import Activity, Programme

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Theme {n}")


class CityFactory(DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"City {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    country_code = "VN"
    country_name = "Vietnam"
    latitude = 21.0
    longitude = 105.8
    population = 1_000_000
    time_zone = "Asia/Ho_Chi_Minh"
    membership_status = City.Membership.MEMBER


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organisation.Kind.ENTERPRISE
    city = factory.SubFactory(CityFactory)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    role = User.Role.MEMBER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Expert meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    kind = Meeting.Kind.EXPERT
    host_city = factory.SubFactory(CityFactory)
    year = 2030
    start_date = datetime.date(2030, 5, 6)
    end_date = datetime.date(2030, 5, 7)
    time_zone = "Asia/Ho_Chi_Minh"
    status = Meeting.Status.PLANNED

    @factory.post_generation
    def host_role(obj, create, extracted, **kwargs):  # noqa: N805
        if create and obj.host_city_id:
            MeetingCity.objects.get_or_create(
                meeting=obj, city=obj.host_city, defaults={"role": MeetingCity.Role.HOST}
            )


class SessionFactory(DjangoModelFactory):
    class Meta:
        model = Session

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Session {n}")


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Joint project {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    kind = Programme.Kind.JOINT_PROJECT
    lead_city = factory.SubFactory(CityFactory)
    status = Programme.Status.ACTIVE


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Activity {n}")
    kind = Activity.Kind.EXPERT_MEETING


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cooperation agreement {n}")
    slug = factory.Sequence(lambda n: f"agreement-{n}")
    status = Agreement.Status.SIGNED
    signed_on = datetime.date(2029, 3, 1)

    @factory.post_generation
    def parties(obj, create, extracted, **kwargs):  # noqa: N805
        if not create:
            return
        for city in extracted or [CityFactory(), CityFactory()]:
            AgreementParty.objects.create(agreement=obj, city=city)


class PledgeFactory(DjangoModelFactory):
    class Meta:
        model = Pledge

    from_city = factory.SubFactory(CityFactory)
    to_city = factory.SubFactory(CityFactory)
    subject = factory.Sequence(lambda n: f"Help {n}")


class NewsItemFactory(DjangoModelFactory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    published_on = datetime.date(2029, 1, 1)


def meeting_form_data(city, **overrides) -> dict:
    """What the meeting form posts for a planned public expert meeting hosted by `city`."""
    data = {
        "title": "Expert meeting on waste",
        "kind": "expert",
        "host_city": city.pk,
        "year": 2031,
        "start_date": "2031-05-10",
        "end_date": "2031-05-11",
        "time_zone": "Asia/Ho_Chi_Minh",
        "status": "planned",
        "is_public": "on",
    }
    return data | overrides
