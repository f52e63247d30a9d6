"""App configuration for the ANMC21 dataset and the demo data, loaded by `intercity load_anmc21`."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatasetConfig(AppConfig):
    name = "intercity.dataset"
    verbose_name = _("ANMC21 dataset")
