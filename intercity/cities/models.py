"""Member cities of the network and their membership."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.cities.countries import country_name_in, language_names_in
from intercity.core.models import NamedInLanguages, SourcedModel


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class City(NamedInLanguages, SourcedModel):
    class Membership(models.TextChoices):
        MEMBER = "member", _("Member")
        FORMER = "former", _("Former member")
        OBSERVER = "observer", _("Observer")
        NONE = "none", _("Not a member")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    local_name = models.CharField(_("name in local language"), max_length=120, blank=True)
    country_code = models.CharField(_("country code"), max_length=2)
    country_name = models.CharField(_("country"), max_length=120)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    languages = models.JSONField(
        _("local languages"), default=list, blank=True, help_text=_("Language codes.")
    )
    geonames_id = models.PositiveIntegerField(_("GeoNames id"), null=True, blank=True)
    gazetteer_source = models.CharField(
        _("gazetteer source"),
        max_length=120,
        blank=True,
        help_text=_("Where coordinates, population and time zone come from."),
    )
    membership_status = models.CharField(
        _("membership"), max_length=20, choices=Membership.choices, default=Membership.MEMBER
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(left_on__isnull=True)
                | models.Q(joined_on__isnull=True)
                | models.Q(left_on__gte=models.F("joined_on")),
                name="city_left_after_joined",
            ),
        ]
        indexes = [models.Index(fields=["membership_status", "name"])]

    def __str__(self) -> str:
        return self.label

    @property
    def country_label(self) -> str:
        """The country in the interface's language; English shows it as it was entered."""
        language = get_language() or settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE:
            return self.country_name
        return country_name_in(self.country_code, language) or self.country_name

    @property
    def language_labels(self) -> list[str]:
        """The local languages named in the interface's language, not as codes."""
        return language_names_in(self.languages, get_language() or settings.LANGUAGE_CODE)

    def get_absolute_url(self) -> str:
        return reverse("cities:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.joined_on and self.left_on and self.left_on < self.joined_on:
            errors["left_on"] = _("A city cannot leave before it joined.")
        if self.membership_status == self.Membership.MEMBER and self.left_on:
            errors["left_on"] = _("A current member has no leaving date; mark it as former.")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must be between -90 and 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must be between -180 and 180.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_member(self) -> bool:
        return self.membership_status == self.Membership.MEMBER
