"""Admin for cities."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.cities.models import City


@admin.register(City)
class CityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "country_name", "membership_status", "population", "time_zone"]
    list_filter = ["membership_status", "country_name"]
    search_fields = ["name", "local_name"]
    prepopulated_fields = {"slug": ["name"]}
