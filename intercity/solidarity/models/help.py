"""Help between cities: needs, offers, accepted offers (assistance), deliveries, messages."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.local_numbers import GreaterThanValidator
from intercity.core.models import SourcedModel
from intercity.solidarity.matching import same_unit
from intercity.solidarity.models.incidents import Incident, Visibility
from intercity.solidarity.quantities import amount, unit_name

QUANTITY = {
    "max_digits": 14,
    "decimal_places": 2,
    "validators": [GreaterThanValidator(0)],
}


class Category(models.TextChoices):
    SHELTER = "shelter", _("Shelter")
    WATER_SANITATION = "water_sanitation", _("Water and sanitation")
    FOOD = "food", _("Food")
    HEALTH = "health", _("Health")
    EQUIPMENT = "equipment", _("Equipment")
    EXPERTS = "experts", _("Experts")
    FUNDS = "funds", _("Funds")
    OTHER = "other", _("Other")


class Need(SourcedModel):
    class Urgency(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediate")
        HIGH = "high", _("High")
        NORMAL = "normal", _("Normal")
        LOW = "low", _("Low")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="needs", verbose_name=_("incident")
    )
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="solidarity_needs",
        verbose_name=_("city in need"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.TextField(_("description"))
    quantity = models.DecimalField(_("quantity"), **QUANTITY)
    unit = models.CharField(_("unit"), max_length=40, help_text=_("For example: tents, litres."))
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.HIGH
    )
    location = models.CharField(_("where"), max_length=200, blank=True)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("posted by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["incident", "id"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = [models.Index(fields=["incident", "status"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {amount(self.quantity, self.unit)}"


class Offer(SourcedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    incident = models.ForeignKey(
        Incident,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="offers",
        verbose_name=_("incident"),
        help_text=_("Empty for help offered in general."),
    )
    need = models.ForeignKey(
        Need,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="direct_offers",
        verbose_name=_("for the need"),
    )
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="solidarity_offers",
        verbose_name=_("offering city"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="solidarity_offers",
        verbose_name=_("offering organisation"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    description = models.TextField(_("what is offered"))
    quantity = models.DecimalField(_("quantity"), **QUANTITY)
    unit = models.CharField(_("unit"), max_length=40)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="open")
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("offered by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [
            models.Index(fields=["category", "status"]),
            models.Index(fields=["incident", "status"]),
        ]

    def __str__(self) -> str:
        giver = self.city or self.organisation
        return f"{giver}: {amount(self.quantity, self.unit)}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if not self.city_id and not self.organisation_id:
            errors["city"] = _("Say which city or organisation offers the help.")
        if self.need_id and self.incident_id and self.need.incident_id != self.incident_id:
            errors["need"] = _("The need belongs to another incident.")
        if self.need_id and self.unit and not same_unit(self.unit, self.need.unit):
            # The city in need accepts quantities in its own unit only.
            errors["unit"] = _(
                "The need is counted in “%(need_unit)s”, not “%(unit)s”: give the offer in "
                "%(need_unit)s."
            ) % {"need_unit": unit_name(self.need.unit), "unit": unit_name(self.unit)}
        if self.available_from and self.available_until:
            if self.available_until < self.available_from:
                errors["available_until"] = _("Availability cannot end before it starts.")
        if errors:
            raise ValidationError(errors)


class Assistance(models.Model):
    """An offer the city in need accepted for one need: committed → dispatched → received."""

    class Status(models.TextChoices):
        COMMITTED = "committed", _("Committed")
        DISPATCHED = "dispatched", _("Dispatched")
        RECEIVED = "received", _("Received")
        CANCELLED = "cancelled", _("Cancelled")

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="assistance", verbose_name=_("need")
    )
    offer = models.ForeignKey(
        Offer, on_delete=models.CASCADE, related_name="assistance", verbose_name=_("offer")
    )
    quantity = models.DecimalField(_("quantity committed"), **QUANTITY)
    dispatched_quantity = models.DecimalField(
        _("quantity dispatched"), max_digits=14, decimal_places=2, default=Decimal(0)
    )
    received_quantity = models.DecimalField(
        _("quantity received"), max_digits=14, decimal_places=2, default=Decimal(0)
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.COMMITTED
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["accepted_at", "id"]
        verbose_name = _("accepted offer")
        verbose_name_plural = _("accepted offers")
        constraints = [
            models.UniqueConstraint(fields=["need", "offer"], name="assistance_once_per_pair"),
            models.CheckConstraint(
                condition=models.Q(dispatched_quantity__lte=models.F("quantity"))
                & models.Q(received_quantity__lte=models.F("dispatched_quantity")),
                name="assistance_no_over_delivery",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offer} → {self.need}"

    @property
    def undispatched(self) -> Decimal:
        return self.quantity - self.dispatched_quantity

    @property
    def in_transit(self) -> Decimal:
        return self.dispatched_quantity - self.received_quantity


class Delivery(models.Model):
    """One shipment of an accepted offer: dispatched by the giver, received by the city in need."""

    class Status(models.TextChoices):
        DISPATCHED = "dispatched", _("Dispatched")
        RECEIVED = "received", _("Received")

    assistance = models.ForeignKey(
        Assistance, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("offer")
    )
    quantity = models.DecimalField(_("quantity"), **QUANTITY)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DISPATCHED
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    dispatched_at = models.DateTimeField(_("dispatched"))
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dispatched by"),
    )
    received_at = models.DateTimeField(_("received"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("received by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["dispatched_at", "id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.quantity.normalize():f} · {self.get_status_display()}"


def writer_language() -> str:
    """The language the writer uses the platform in, as one of the platform's languages."""
    try:
        return translation.get_supported_language_variant(
            translation.get_language() or settings.LANGUAGE_CODE
        )
    except LookupError:
        return settings.LANGUAGE_CODE


class SolidarityMessage(SourcedModel):
    """A message from one city (or the whole network) to another, in any language."""

    incident = models.ForeignKey(
        Incident,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("incident"),
    )
    from_city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="solidarity_messages_sent",
        verbose_name=_("from"),
        help_text=_("Empty when the network as a whole sends it."),
    )
    to_city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="solidarity_messages_received",
        verbose_name=_("to"),
    )
    language = models.CharField(
        _("language"), max_length=16, choices=settings.LANGUAGES, default=writer_language
    )
    body = models.TextField(_("message"))
    sent_on = models.DateField(_("sent on"))
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solidarity_messages",
        verbose_name=_("sent at the meeting"),
    )
    news_item = models.ForeignKey(
        "core.NewsItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solidarity_messages",
        verbose_name=_("news item"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("solidarity message")
        verbose_name_plural = _("solidarity messages")

    def __str__(self) -> str:
        return f"{self.from_city or _('The network')} → {self.to_city}"
