"""Admin for themes and news."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.core.models import NewsItem, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "published_on", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["title", "summary"]
    filter_horizontal = ["cities"]
