"""App configuration for business."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BusinessConfig(AppConfig):
    name = "intercity.business"
    verbose_name = _("Business")
