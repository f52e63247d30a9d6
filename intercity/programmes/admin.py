"""Admin for programmes, their participants, activities and reviews."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.programmes.models import Activity, Participant, Programme, Review


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    raw_id_fields = ["person"]


class ReviewInline(admin.TabularInline):
    model = Review
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "status", "lead_city", "start_date", "end_date"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "field"]
    filter_horizontal = ["cities", "themes"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ParticipantInline, ActivityInline, ReviewInline]
