"""Admin for the indicator catalogue, values and targets (the secretariat's raw data work)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.indicators.models import Indicator, Observation, Target


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit", "theme", "standard"]
    list_filter = ["theme", "direction"]
    search_fields = ["code", "name"]


@admin.register(Observation)
class ObservationAdmin(SimpleHistoryAdmin):
    list_display = ["city", "indicator", "year", "value", "notation_key", "status", "is_demo"]
    list_filter = ["status", "notation_key", "is_demo", "indicator__theme"]
    search_fields = ["city__name", "indicator__code"]
    list_select_related = ["city", "indicator"]
    raw_id_fields = ["city", "indicator", "entered_by", "verified_by"]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["city", "indicator", "base_year", "target_year", "kind"]
    list_select_related = ["city", "indicator"]
