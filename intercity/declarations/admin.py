"""Admin screens for the secretariat's raw work on declarations and commitments."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.declarations.models import (
    Clause,
    Commitment,
    Declaration,
    DeclarationVersion,
    ProgressReport,
)


class ClauseInline(admin.TabularInline):
    model = Clause
    extra = 0
    fields = ["position", "number", "text"]


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "adopted_on", "meeting", "status", "version"]
    list_filter = ["status", "language"]
    search_fields = ["title", "original_text"]
    inlines = [ClauseInline]
    # The text of an adopted declaration changes only through a correction (a new version).
    readonly_fields = ["original_text", "version"]


@admin.register(DeclarationVersion)
class DeclarationVersionAdmin(admin.ModelAdmin):
    list_display = ["declaration", "number", "created_at", "created_by"]
    readonly_fields = ["declaration", "number", "title", "original_text", "reason", "created_by"]


@admin.register(Commitment)
class CommitmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "declaration", "clause", "target_date"]
    list_filter = ["declaration"]
    search_fields = ["title", "description"]
    filter_horizontal = ["cities", "themes", "programmes", "meetings", "agreements"]


@admin.register(ProgressReport)
class ProgressReportAdmin(SimpleHistoryAdmin):
    list_display = ["commitment", "city", "status", "reported_on", "is_latest"]
    list_filter = ["status", "city"]
