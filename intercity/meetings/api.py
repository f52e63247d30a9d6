"""REST API of meetings: its viewset registers on the shared /api/v1/ router."""

from intercity.api.permissions import Rules
from intercity.api.views import RecordViewSet, by_city, document
from intercity.meetings import selectors as meeting_selectors
from intercity.meetings import serializers as api
from intercity.meetings import services as meeting_services
from intercity.meetings.models import Meeting
from intercity.meetings.permissions import (
    can_create_meeting,
    can_delete_meeting,
    can_edit_meeting,
    can_view_meeting,
)

MEETING_RULES = Rules(can_create_meeting, can_edit_meeting, can_delete_meeting, can_view_meeting)


@document(
    list_serializer=api.MeetingListSerializer,
    filters=api.MeetingFilterSerializer,
    detail_serializer=api.MeetingDetailSerializer,
    write_serializer=api.MeetingWriteSerializer,
)
class MeetingViewSet(RecordViewSet):
    """Meetings of every kind; meetings that are not public exist only for network insiders."""

    queryset = Meeting.objects.none()
    rules = MEETING_RULES
    list_serializer_class = api.MeetingListSerializer
    detail_serializer_class = api.MeetingDetailSerializer
    write_serializer_class = api.MeetingWriteSerializer
    filter_serializer_class = api.MeetingFilterSerializer

    def select_list(self, *, q=None, kind=None, year=None, city=None, when=None):
        return meeting_selectors.meeting_list(
            user=self.request.user, search=q, kind=kind, year=year, city=city, when=when
        )

    def select_one(self, key):
        return meeting_selectors.meeting_get(user=self.request.user, slug=key)

    def create_record(self, data):
        cities = data.pop("cities", None)
        return meeting_services.meeting_create(
            actor=self.request.user,
            data=data,
            cities=None if cities is None else by_city(cities),
        )

    def update_record(self, obj, data):
        cities = data.pop("cities", None)
        meeting_services.meeting_update(
            actor=self.request.user,
            meeting=obj,
            data=data,
            cities=None if cities is None else by_city(cities),
        )

    def delete_record(self, obj):
        meeting_services.meeting_delete(actor=self.request.user, meeting=obj)


def register(router) -> None:
    """Add this app's viewsets to the /api/v1/ router."""
    router.register("meetings", MeetingViewSet, basename="meeting")
