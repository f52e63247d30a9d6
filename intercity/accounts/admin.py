"""Admin for users and their roles."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from intercity.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "get_full_name", "role", "city", "organisation", "is_active"]
    list_filter = ["role", "city", "is_active", "is_demo"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Role in the network"), {"fields": ["role", "city", "organisation", "position"]}),
    ]
