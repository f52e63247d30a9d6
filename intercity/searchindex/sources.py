"""Search sources of the foundation's cities, meetings, programmes, agreements, organisations."""

from django.utils.translation import gettext_lazy as _

from intercity.searchindex.models import Visibility
from intercity.searchindex.registry import Document, SearchSource, Watch, register


def _join(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def city_documents(city):
    yield Document(
        type="city",
        id=str(city.pk),
        title=_join(city.name, city.local_name).replace("\n", " · "),
        body=_join(city.country_name, city.description),
        url=city.get_absolute_url(),
        city=city,
        cities=[city.slug],
        date=city.joined_on,
    )


def meeting_documents(meeting):
    sessions = [_join(s.title, s.topic, s.description) for s in meeting.sessions.all()]
    cities = [meeting.host_city.slug] if meeting.host_city else []
    cities += [role.city.slug for role in meeting.city_roles.all()]
    yield Document(
        type="meeting",
        id=str(meeting.pk),
        title=meeting.title,
        body=_join(meeting.description, meeting.venue, *sessions),
        url=meeting.get_absolute_url(),
        city=meeting.host_city,
        cities=cities,
        date=meeting.start_date,
        visibility=Visibility.PUBLIC if meeting.is_public else Visibility.NETWORK,
        owner_city=meeting.host_city,
    )


def programme_documents(programme):
    activities = [_join(a.title, a.description) for a in programme.activities.all()]
    cities = [programme.lead_city.slug] if programme.lead_city else []
    cities += [city.slug for city in programme.cities.all()]
    yield Document(
        type="programme",
        id=str(programme.pk),
        title=programme.name,
        body=_join(programme.field, programme.description, *activities),
        url=programme.get_absolute_url(),
        city=programme.lead_city,
        cities=cities,
        themes=[theme.slug for theme in programme.themes.all()],
        date=programme.start_date,
        owner_city=programme.lead_city,
    )


def agreement_documents(agreement):
    parties = [role.city for role in agreement.party_roles.all()]
    yield Document(
        type="agreement",
        id=str(agreement.pk),
        title=agreement.title,
        body=_join(agreement.description, ", ".join(city.name for city in parties)),
        url=agreement.get_absolute_url(),
        city=parties[0] if parties else None,
        cities=[city.slug for city in parties],
        themes=[theme.slug for theme in agreement.themes.all()],
        date=agreement.signed_on,
    )


def organisation_documents(organisation):
    yield Document(
        type="organisation",
        id=str(organisation.pk),
        title=organisation.name,
        body=_join(organisation.get_kind_display(), organisation.description),
        url=organisation.get_absolute_url(),
        city=organisation.city,
        cities=[organisation.city.slug] if organisation.city else [],
        owner_city=organisation.city,
    )


def register_foundation_sources() -> None:
    from intercity.agreements.models import Agreement, AgreementParty
    from intercity.cities.models import City
    from intercity.meetings.models import Meeting, MeetingCity, Session
    from intercity.organisations.models import Organisation
    from intercity.programmes.models import Activity, Programme

    register(
        SearchSource(
            type="city",
            label=_("City"),
            model=City,
            objects=lambda: City.objects.all(),
            documents=city_documents,
            embed=False,
        )
    )
    register(
        SearchSource(
            type="meeting",
            label=_("Meeting"),
            model=Meeting,
            objects=lambda: Meeting.objects.select_related("host_city").prefetch_related(
                "sessions", "city_roles__city"
            ),
            documents=meeting_documents,
            watch=[
                Watch(MeetingCity, lambda role: role.meeting_id),
                Watch(Session, lambda session: session.meeting_id),
            ],
        )
    )
    register(
        SearchSource(
            type="programme",
            label=_("Programme"),
            model=Programme,
            objects=lambda: Programme.objects.select_related("lead_city").prefetch_related(
                "cities", "themes", "activities"
            ),
            documents=programme_documents,
            m2m_fields=["cities", "themes"],
            watch=[Watch(Activity, lambda activity: activity.programme_id)],
        )
    )
    register(
        SearchSource(
            type="agreement",
            label=_("Agreement"),
            model=Agreement,
            objects=lambda: Agreement.objects.prefetch_related("party_roles__city", "themes"),
            documents=agreement_documents,
            m2m_fields=["themes"],
            watch=[Watch(AgreementParty, lambda party: party.agreement_id)],
        )
    )
    register(
        SearchSource(
            type="organisation",
            label=_("Organisation"),
            model=Organisation,
            objects=lambda: Organisation.objects.select_related("city"),
            documents=organisation_documents,
        )
    )
