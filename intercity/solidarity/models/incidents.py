"""Incidents affecting member cities: area, affected cities, figures, sources, CAP messages."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.models import SourcedModel, TimeStampedModel
from intercity.solidarity.geo import PolygonProblem, polygon_problem


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    NETWORK = "network", _("Network members only")


class Incident(SourcedModel):
    class Kind(models.TextChoices):
        TROPICAL_CYCLONE = "tropical_cyclone", _("Tropical cyclone")
        FLOOD = "flood", _("Flood")
        EARTHQUAKE = "earthquake", _("Earthquake")
        VOLCANO = "volcano", _("Volcano")
        DROUGHT = "drought", _("Drought")
        WILDFIRE = "wildfire", _("Wildfire")
        EPIDEMIC = "epidemic", _("Epidemic")
        HEATWAVE = "heatwave", _("Heatwave")
        INDUSTRIAL_ACCIDENT = "industrial_accident", _("Industrial accident")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft, to be confirmed")
        ACTIVE = "active", _("Active")
        RECOVERY = "recovery", _("Recovery")
        CLOSED = "closed", _("Closed")

    class Severity(models.TextChoices):
        EXTREME = "extreme", _("Extreme")
        SEVERE = "severe", _("Severe")
        MODERATE = "moderate", _("Moderate")
        MINOR = "minor", _("Minor")
        UNKNOWN = "unknown", _("Unknown")

    class AlertLevel(models.TextChoices):
        GREEN = "green", _("Green")
        ORANGE = "orange", _("Orange")
        RED = "red", _("Red")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    severity = models.CharField(
        _("severity"), max_length=10, choices=Severity.choices, default=Severity.UNKNOWN
    )
    alert_level = models.CharField(
        _("alert level"),
        max_length=10,
        choices=AlertLevel.choices,
        blank=True,
        help_text=_("Only where a source such as GDACS gives one."),
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    area_description = models.CharField(_("area"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    radius_km = models.FloatField(
        _("radius (km)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    polygon = models.JSONField(
        _("polygon"),
        default=list,
        blank=True,
        help_text=_("Corner points as [latitude, longitude] pairs, first and last the same."),
    )
    glide = models.CharField(
        _("GLIDE number"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Z]{2}-\d{4}-\d{6}-[A-Z]{3}$",
                _("A GLIDE number looks like TC-2013-000139-PHL."),
            )
        ],
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    external_key = models.CharField(
        _("external event key"),
        max_length=80,
        blank=True,
        help_text=_("The event's key in the feed it was imported from, such as TC-1000021."),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    reported_by_city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_incidents",
        verbose_name=_("reported by"),
        help_text=_("The member city whose focal point reported the incident, if one did."),
    )
    cities = models.ManyToManyField(
        "cities.City",
        through="AffectedCity",
        related_name="incidents",
        verbose_name=_("affected cities"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(started_at__isnull=True)
                | models.Q(ended_at__gte=models.F("started_at")),
                name="incident_end_after_start",
            ),
            models.UniqueConstraint(
                fields=["external_key"],
                condition=~models.Q(external_key=""),
                name="incident_unique_external_key",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-started_at"]),
            models.Index(fields=["-started_at", "-id"], name="incident_list_order"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("solidarity:incident", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.started_at and self.ended_at and self.ended_at < self.started_at:
            errors["ended_at"] = _("An incident cannot end before it starts.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must be between -90 and 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must be between -180 and 180.")
        if self.radius_km is not None and self.latitude is None:
            errors["radius_km"] = _("A radius needs a centre point.")
        problem = polygon_problem(self.polygon) if self.polygon else None
        if problem is not None:
            errors["polygon"] = polygon_message(problem)
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.RECOVERY)


def polygon_message(problem: PolygonProblem) -> str:
    """What is wrong with the polygon, in words a person typing one can act on."""
    shown = problem.value
    if problem.code == "point":
        shown = json.dumps(shown, ensure_ascii=False)  # as it was typed, not as Python writes it
    details = {"number": problem.number, "value": shown}
    messages = {
        "shape": _(
            "Give the polygon as a list of [latitude, longitude] points, e.g. "
            "[[14.5, 120.9], [14.7, 121.0], [14.5, 121.1], [14.5, 120.9]]."
        ),
        "geojson": _(
            "This is a GeoJSON object: give only its ring, as a list of [latitude, longitude] "
            "points (GeoJSON writes longitude first)."
        ),
        "point": _("Point %(number)s, %(value)s, is not a pair of numbers [latitude, longitude]."),
        "too_few": _(
            "A polygon needs at least four points, three corners and the first one again; "
            "this one has %(number)s."
        ),
        "latitude": _("Point %(number)s: latitude %(value)s is not between -90 and 90."),
        "swapped": _(
            "Point %(number)s: latitude %(value)s is not between -90 and 90. Points are "
            "[latitude, longitude]: are they written the other way round?"
        ),
        "longitude": _("Point %(number)s: longitude %(value)s is not between -180 and 180."),
        "not_closed": _(
            "The polygon is not closed: its last point (point %(number)s) must repeat the first."
        ),
        "flat": _("The polygon's corners lie on one line: it encloses no area."),
    }
    return messages[problem.code] % details


class AffectedCity(TimeStampedModel):
    """A member city the incident touches: suggested from the area, then confirmed by a person."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        DISMISSED = "dismissed", _("Dismissed")

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="affected", verbose_name=_("incident")
    )
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="incident_links",
        verbose_name=_("city"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED
    )
    distance_km = models.FloatField(_("distance from the area (km)"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["distance_km", "city__name"]
        verbose_name = _("affected city")
        verbose_name_plural = _("affected cities")
        constraints = [
            models.UniqueConstraint(fields=["incident", "city"], name="affected_city_once")
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.incident}"


class IncidentFigure(TimeStampedModel):
    class Kind(models.TextChoices):
        PEOPLE_AFFECTED = "people_affected", _("People affected")
        DEATHS = "deaths", _("Deaths")
        DISPLACED = "displaced", _("Displaced")
        INJURED = "injured", _("Injured")
        MISSING = "missing", _("Missing")

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="figures", verbose_name=_("incident")
    )
    kind = models.CharField(_("figure"), max_length=20, choices=Kind.choices)
    value = models.PositiveBigIntegerField(_("value"))
    source = models.CharField(_("source"), max_length=300)
    as_of = models.DateField(_("as of"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "-as_of"]
        verbose_name = _("incident figure")
        verbose_name_plural = _("incident figures")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


class IncidentSource(TimeStampedModel):
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="sources", verbose_name=_("incident")
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    locator = models.CharField(_("where in the source"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("incident source")
        verbose_name_plural = _("incident sources")

    def __str__(self) -> str:
        return self.title


class CapMessage(TimeStampedModel):
    """A CAP 1.2 message that created, updated or cancelled an incident, kept as received."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="cap_messages", verbose_name=_("incident")
    )
    identifier = models.CharField(_("identifier"), max_length=300)
    sender = models.CharField(_("sender"), max_length=300)
    sent = models.DateTimeField(_("sent"))
    msg_type = models.CharField(_("message type"), max_length=10)
    status = models.CharField(_("status"), max_length=10)
    references = models.TextField(_("references"), blank=True)
    xml = models.TextField(_("message"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["sent", "id"]
        verbose_name = _("CAP message")
        verbose_name_plural = _("CAP messages")
        constraints = [
            models.UniqueConstraint(fields=["sender", "identifier"], name="cap_message_once")
        ]

    def __str__(self) -> str:
        return f"{self.msg_type} {self.identifier}"


class CapInfo(TimeStampedModel):
    """The latest CAP ``info`` block in one language; a newer block replaces it."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="cap_infos", verbose_name=_("incident")
    )
    message = models.ForeignKey(
        CapMessage, on_delete=models.CASCADE, related_name="infos", verbose_name=_("message")
    )
    language = models.CharField(_("language"), max_length=35)
    event = models.CharField(_("event"), max_length=300)
    categories = models.JSONField(_("categories"), default=list)
    urgency = models.CharField(_("urgency"), max_length=10)
    severity = models.CharField(_("severity"), max_length=10)
    certainty = models.CharField(_("certainty"), max_length=10)
    headline = models.CharField(_("headline"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    instruction = models.TextField(_("instruction"), blank=True)
    sender_name = models.CharField(_("sender name"), max_length=300, blank=True)
    web = models.CharField(_("web"), max_length=500, blank=True)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("CAP information block")
        verbose_name_plural = _("CAP information blocks")
        constraints = [
            models.UniqueConstraint(fields=["incident", "language"], name="cap_info_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.headline or self.event}"
