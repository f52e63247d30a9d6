"""Makes meetings findable in the platform search, with their sessions and cities."""

from django.utils.translation import gettext_lazy as _

from intercity.meetings.models import Meeting, MeetingCity, Session
from intercity.searchindex.models import Visibility
from intercity.searchindex.registry import Document, SearchSource, Watch, join_lines, register


def meeting_documents(meeting):
    sessions = [join_lines(s.title, s.topic, s.description) for s in meeting.sessions.all()]
    cities = [meeting.host_city.slug] if meeting.host_city else []
    cities += [role.city.slug for role in meeting.city_roles.all()]
    yield Document(
        type="meeting",
        id=str(meeting.pk),
        title=meeting.title,
        # Its titles in other languages lead the body, so a search in Japanese finds it.
        body=join_lines(
            *(meeting.titles or {}).values(), meeting.description, meeting.venue, *sessions
        ),
        url=meeting.get_absolute_url(),
        city=meeting.host_city,
        cities=cities,
        date=meeting.start_date,
        visibility=Visibility.PUBLIC if meeting.is_public else Visibility.NETWORK,
        owner_city=meeting.host_city,
    )


def register_meeting_source() -> None:
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
