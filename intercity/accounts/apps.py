"""App configuration for accounts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "intercity.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from intercity.accounts import time_zones  # noqa: F401  (connects the sign-in receiver)
