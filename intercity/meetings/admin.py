"""Admin for meetings and their agenda, cities, attendees and documents."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.meetings.models import (
    Attendee,
    Meeting,
    MeetingCity,
    MeetingDocument,
    Registration,
    Session,
)


class MeetingCityInline(admin.TabularInline):
    model = MeetingCity
    extra = 0


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 0


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "ordinal", "host_city", "year", "start_date", "status"]
    list_filter = ["kind", "status", "year", "is_public"]
    search_fields = ["title", "venue"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [MeetingCityInline, SessionInline, AttendeeInline, DocumentInline]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ["person", "meeting", "city", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    list_select_related = ["person", "meeting", "city"]
    raw_id_fields = ["meeting", "person", "registered_by", "decided_by", "attendee"]
