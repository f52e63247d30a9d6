"""Admin for organisations."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.organisations.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "city", "is_demo"]
    list_filter = ["kind", "city", "is_demo"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
