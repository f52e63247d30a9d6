"""Indicator definitions, the values cities report for them, and the targets they set."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.local_numbers import local_number
from intercity.core.models import NamedInLanguages, SourcedModel, TimeStampedModel
from intercity.indicators.units import UnitError, check_convertible, implied_bounds, is_unit

# Codes that would hide a page, since an indicator's page is /indicators/<code>/.
RESERVED_CODES = frozenset({"new", "compare", "dashboard", "import", "values", "targets", "city"})


class Direction(models.TextChoices):
    LOWER = "lower", _("Lower is better")
    HIGHER = "higher", _("Higher is better")
    NEUTRAL = "neutral", _("Neither")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum")
    MEAN = "mean", _("Mean")
    LATEST = "latest", _("Latest")


class GpcSector(models.TextChoices):
    STATIONARY_ENERGY = "stationary_energy", _("Stationary energy")
    TRANSPORT = "transport", _("Transportation")
    WASTE = "waste", _("Waste")
    IPPU = "ippu", _("Industrial processes and product use")
    AFOLU = "afolu", _("Agriculture, forestry and other land use")


class GpcScope(models.TextChoices):
    SCOPE_1 = "1", _("Scope 1")
    SCOPE_2 = "2", _("Scope 2")
    SCOPE_3 = "3", _("Scope 3")


class Indicator(NamedInLanguages, TimeStampedModel):
    """One measurable figure, defined once for the whole network."""

    class Theme(models.TextChoices):
        ENERGY = "energy", _("Energy")
        EMISSIONS = "emissions", _("Greenhouse gas emissions")
        AIR = "air", _("Air quality")
        TRANSPORT = "transport", _("Transport")
        WASTE = "waste", _("Waste")
        WATER = "water", _("Water")
        CAPACITY = "capacity", _("Capacity and markets")
        PROFILE = "profile", _("City profile")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"))
    unit = models.CharField(
        _("unit"), max_length=60, help_text=_("The canonical unit values are converted to.")
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.NEUTRAL
    )
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    aggregation = models.CharField(
        _("aggregation"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_("How several values of one city and year (parts of a year, sectors) combine."),
    )
    standard = models.CharField(
        _("standard"),
        max_length=200,
        blank=True,
        help_text=_("Standard and section followed, e.g. ISO 37120:2018, 7.1."),
    )
    gpc_breakdown = models.BooleanField(
        _("GPC sector and scope"),
        default=False,
        help_text=_("Values may be broken down by GHG Protocol GPC sector and scope."),
    )
    gpc_sector = models.CharField(
        _("GPC sector"), max_length=20, choices=GpcSector.choices, blank=True
    )
    per_capita = models.BooleanField(
        _("compare per capita"),
        default=False,
        help_text=_("A city total that is fairer to compare divided by population."),
    )
    minimum = models.FloatField(_("lowest plausible value"), null=True, blank=True)
    maximum = models.FloatField(_("highest plausible value"), null=True, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", kwargs={"code": self.code})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.code in RESERVED_CODES:
            errors["code"] = _("“%(code)s” names a page of the site; choose another code.") % {
                "code": self.code
            }
        if self.unit and not is_unit(self.unit):
            errors["unit"] = _("“%(unit)s” is not a unit the platform knows.") % {"unit": self.unit}
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            errors["maximum"] = _("The highest value cannot be below the lowest.")
        if errors:
            raise ValidationError(errors)

    @property
    def description(self) -> str:
        return gettext(self.definition) if self.definition else ""

    @property
    def lower_is_better(self) -> bool:
        return self.direction == Direction.LOWER

    @property
    def plausible_range(self) -> tuple[float | None, float | None]:
        """Bounds a value must keep to: the definition's own, else what its unit implies."""
        implied_low, implied_high = implied_bounds(self.unit) if self.unit else (None, None)
        low = implied_low if self.minimum is None else self.minimum
        high = implied_high if self.maximum is None else self.maximum
        return low, high

    def implausible(self, value: float) -> str | None:
        """Why `value` cannot be a figure of this indicator, in the reader's language and
        number format; None when it is within the plausible range."""
        low, high = self.plausible_range
        if (low is None or value >= low) and (high is None or value <= high):
            return None
        return gettext(
            "%(value)s %(unit)s is outside the plausible range for this indicator "
            "(%(low)s to %(high)s)."
        ) % {
            "value": local_number(value),
            "unit": self.unit,
            "low": "…" if low is None else local_number(low),
            "high": "…" if high is None else local_number(high),
        }


class NotationKey(models.TextChoices):
    NOT_OCCURRING = "NO", _("NO — not occurring")
    INCLUDED_ELSEWHERE = "IE", _("IE — included elsewhere")
    NOT_ESTIMATED = "NE", _("NE — not estimated")
    CONFIDENTIAL = "C", _("C — confidential")


class Observation(SourcedModel):
    """A city's value of one indicator for one period, as given and in the canonical unit."""

    class Status(models.TextChoices):
        REPORTED = "reported", _("Reported")
        VERIFIED = "verified", _("Verified")
        ESTIMATED = "estimated", _("Estimated")

    city = models.ForeignKey(
        "cities.City", on_delete=models.PROTECT, related_name="observations", verbose_name=_("city")
    )
    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    gpc_sector = models.CharField(
        _("GPC sector"), max_length=20, choices=GpcSector.choices, blank=True
    )
    gpc_scope = models.CharField(_("GPC scope"), max_length=1, choices=GpcScope.choices, blank=True)
    value = models.FloatField(_("value"), null=True, blank=True)
    value_as_given = models.FloatField(_("value as given"), null=True, blank=True)
    unit_as_given = models.CharField(_("unit as given"), max_length=60, blank=True)
    notation_key = models.CharField(
        _("notation key"), max_length=2, choices=NotationKey.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REPORTED
    )
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    source_publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    method_note = models.TextField(_("method"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__position", "year", "gpc_sector", "gpc_scope"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "city",
                    "indicator",
                    "period_start",
                    "period_end",
                    "gpc_sector",
                    "gpc_scope",
                ],
                name="observation_one_per_city_indicator_period_breakdown",
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="observation_period_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "year"]),
            models.Index(fields=["city", "indicator", "year"]),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.indicator.code} · {self.year}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        indicator = self.indicator if self.indicator_id else None
        if self.period_start and self.period_end:
            if self.period_end < self.period_start:
                errors["period_end"] = gettext("The period cannot end before it starts.")
            elif self.year and self.period_end.year != self.year:
                errors["year"] = gettext("The year is the year the period ends in.")
        if self.year and self.year > timezone.localdate().year:
            errors["year"] = gettext("The year %(year)s is in the future.") % {"year": self.year}
        if self.notation_key and self.notation_key != NotationKey.CONFIDENTIAL:
            if self.value is not None:
                errors["value"] = gettext(
                    "A notation key stands instead of a value: leave the value empty."
                )
        elif self.value is None and self.value_as_given is None and not self.notation_key:
            errors["value"] = gettext("Give a value, or a notation key saying why there is none.")
        if indicator is not None:
            self._clean_against(indicator, errors)
        if errors:
            raise ValidationError(errors)

    def _clean_against(self, indicator: Indicator, errors: dict[str, str]) -> None:
        if self.value_as_given is not None:
            try:
                check_convertible(self.unit_as_given or indicator.unit, indicator.unit)
            except UnitError:
                errors["unit_as_given"] = gettext(
                    "“%(given)s” cannot be converted to %(unit)s."
                ) % {"given": self.unit_as_given, "unit": indicator.unit}
        if self.value is not None and "unit_as_given" not in errors:
            problem = indicator.implausible(self.value)
            if problem:
                errors["value"] = problem
        breakdown = self.gpc_sector or self.gpc_scope
        if breakdown and not indicator.gpc_breakdown:
            errors["gpc_sector"] = gettext("This indicator has no GPC sector or scope.")
        if indicator.gpc_sector and self.gpc_sector and self.gpc_sector != indicator.gpc_sector:
            errors["gpc_sector"] = gettext("This indicator covers one GPC sector only.")

    @property
    def is_confidential(self) -> bool:
        return self.notation_key == NotationKey.CONFIDENTIAL

    @property
    def is_public(self) -> bool:
        # Its history would show earlier values: kept from the public like the value itself.
        return self.status in ("reported", "verified") and not self.is_confidential

    @property
    def breakdown_label(self) -> str:
        parts = [self.get_gpc_sector_display() if self.gpc_sector else ""]
        parts.append(self.get_gpc_scope_display() if self.gpc_scope else "")
        return " · ".join(part for part in parts if part)

    @property
    def is_whole_year(self) -> bool:
        return self.period_start == datetime.date(self.year, 1, 1) and self.period_end == (
            datetime.date(self.year, 12, 31)
        )


class Target(TimeStampedModel):
    """Where a city means to bring an indicator, by when, from which base."""

    class Kind(models.TextChoices):
        BASE_YEAR = "base_year", _("Reduction from a base year")
        FIXED_LEVEL = "fixed_level", _("Fixed level")
        INTENSITY = "intensity", _("Intensity")
        BAU = "bau", _("Against business as usual")

    city = models.ForeignKey(
        "cities.City", on_delete=models.PROTECT, related_name="targets", verbose_name=_("city")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.BASE_YEAR)
    base_year = models.PositiveSmallIntegerField(_("base year"))
    base_value = models.FloatField(_("base value"))
    target_year = models.PositiveSmallIntegerField(_("target year"))
    target_value = models.FloatField(_("target value"))
    bau_value = models.FloatField(
        _("business-as-usual value"),
        null=True,
        blank=True,
        help_text=_(
            "For targets set against business as usual: the value expected without action."
        ),
    )
    commitment = models.ForeignKey(
        "declarations.Commitment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_targets",
        verbose_name=_("commitment"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_targets",
        verbose_name=_("programme"),
    )
    note = models.TextField(_("note"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__position", "target_year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_year__gt=models.F("base_year")),
                name="target_year_after_base_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.city} · {self.indicator.code} · {self.target_year}"

    def clean(self) -> None:
        super().clean()
        if self.base_year and self.target_year and self.target_year <= self.base_year:
            raise ValidationError(
                {"target_year": gettext("The target year must come after the base year.")}
            )
        if self.kind == self.Kind.BAU and self.bau_value is None:
            raise ValidationError(
                {
                    "bau_value": gettext(
                        "Give the business-as-usual value the target is set against."
                    )
                }
            )
        errors = {}
        # The base is a figure already measured: a year to come has none.
        if self.base_year and self.base_year > timezone.localdate().year:
            errors["base_year"] = gettext("The base year %(year)s is in the future.") % {
                "year": self.base_year
            }
        # Base, target and business as usual are all levels of the indicator in its unit
        # (progress is the straight line between base and target), so each keeps to the
        # range its values keep to: a share 0 to 100 %, a count or a total never negative.
        indicator = self.indicator if self.indicator_id else None
        if indicator is not None:
            for name in ("base_value", "target_value", "bau_value"):
                value = getattr(self, name)
                problem = None if value is None else indicator.implausible(value)
                if problem:
                    errors[name] = problem
        if errors:
            raise ValidationError(errors)
