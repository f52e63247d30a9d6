"""Admin for agreements and pledges."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from intercity.agreements.models import Agreement, AgreementParty, Pledge, Signatory


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0


class SignatoryInline(admin.TabularInline):
    model = Signatory
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "signed_on"]
    list_filter = ["status"]
    search_fields = ["title"]
    filter_horizontal = ["themes"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PartyInline, SignatoryInline]


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["subject", "from_city", "to_city", "status"]
    list_filter = ["status"]
