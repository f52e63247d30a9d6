"""Meetings of the network: plenaries, dialogues, expert and business meetings, and more."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from intercity.cities.models import validate_time_zone
from intercity.core.models import SourcedModel, TimeStampedModel, TitledInLanguages


class Meeting(TitledInLanguages, SourcedModel):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary meeting")
        POLICY_DIALOGUE = "policy_dialogue", _("Policy dialogue")
        EXPERT = "expert", _("Expert meeting")
        BUSINESS = "business", _("Business meeting")
        TRADE_FAIR = "trade_fair", _("Trade fair")
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        DRILL = "drill", _("Drill")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), null=True, blank=True, help_text=_("Number in the plenary series.")
    )
    host_city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_meetings",
        verbose_name=_("host city"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="side_events",
        verbose_name=_("held alongside"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    is_public = models.BooleanField(_("public"), default=True)
    description = models.TextField(_("description"), blank=True)
    # Registration is open from the first day to the last, both read in the meeting's time
    # zone, as its own dates are; no opening day means registration is closed.
    registration_opens_on = models.DateField(_("registration opens on"), null=True, blank=True)
    registration_closes_on = models.DateField(_("registration closes on"), null=True, blank=True)
    places_per_city = models.PositiveSmallIntegerField(
        _("places per city delegation"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
    )
    cities = models.ManyToManyField(
        "cities.City",
        through="MeetingCity",
        related_name="meetings",
        verbose_name=_("participating cities"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-start_date", "title"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["ordinal"],
                condition=models.Q(kind="plenary"),
                name="meeting_unique_plenary_ordinal",
                violation_error_message=_("There is already a plenary with this number."),
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="meeting_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "year"]),
            models.Index(fields=["start_date"]),
            models.Index(fields=["-year", "-start_date", "title"], name="meeting_list_order"),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The meeting cannot end before it starts.")
        if self.end_date and not self.start_date:
            errors["start_date"] = _("Give a start date when an end date is set.")
        if self.start_date and self.year and self.start_date.year != self.year:
            errors["year"] = _("The year must match the start date.")
        if self.kind == self.Kind.PLENARY and not self.ordinal:
            errors["ordinal"] = _("A plenary meeting needs its number in the series.")
        if self.kind != self.Kind.PLENARY and self.ordinal:
            errors["ordinal"] = _("Only plenary meetings are numbered.")
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("A meeting cannot be held alongside itself.")
        errors = self._registration_errors() | errors
        if errors:
            raise ValidationError(errors)

    def _registration_errors(self) -> dict:
        opens, closes = self.registration_opens_on, self.registration_closes_on
        if closes and not opens:
            return {"registration_opens_on": _("Give the day registration opens.")}
        if opens and not closes:
            return {"registration_closes_on": _("Give the day registration closes.")}
        if opens and closes < opens:
            return {"registration_closes_on": _("Registration cannot close before it opens.")}
        last = self.end_date or self.start_date
        if closes and last and closes > last:
            return {
                "registration_closes_on": _("Registration must close by the meeting's last day.")
            }
        if self.places_per_city == 0:
            return {"places_per_city": _("Give at least one place, or leave it empty.")}
        return {}

    @property
    def dates_to_be_set(self) -> bool:
        return self.start_date is None

    def local_today(self):
        """Today's date where the meeting is held: its days and registration dates are there."""
        return timezone.localdate(timezone=ZoneInfo(self.time_zone))

    @property
    def is_over(self) -> bool:
        last = self.end_date or self.start_date
        return self.status != self.Status.PLANNED or (
            last is not None and last < self.local_today()
        )

    @property
    def awaits_outcome(self) -> bool:
        """Still marked planned although its last day (or, with no dates, its year) has passed
        where it is held: whoever runs it should record that it was held or cancelled."""
        if self.status != self.Status.PLANNED:
            return False
        today = self.local_today()
        last = self.end_date or self.start_date
        return last < today if last is not None else self.year < today.year

    @property
    def has_started(self) -> bool:
        return self.start_date is not None and self.start_date <= self.local_today()

    @property
    def registration_is_set(self) -> bool:
        return self.registration_opens_on is not None

    @property
    def registration_is_open(self) -> bool:
        if not self.registration_is_set or self.is_over:
            return False
        return self.registration_opens_on <= self.local_today() <= self.registration_closes_on

    @property
    def organisations_may_register(self) -> bool:
        """Representatives of enterprises and universities come to business meetings and trade
        fairs; the other meetings are the cities' own."""
        return self.kind in (self.Kind.BUSINESS, self.Kind.TRADE_FAIR)


class MeetingCity(TimeStampedModel):
    """A city's part in a meeting: host, represented delegation or observer."""

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        DELEGATE = "delegate", _("Represented")
        OBSERVER = "observer", _("Observer")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="city_roles", verbose_name=_("meeting")
    )
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="meeting_roles",
        verbose_name=_("city"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)

    class Meta:
        ordering = ["city__name"]
        verbose_name = _("participating city")
        verbose_name_plural = _("participating cities")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "city"], name="meetingcity_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.city} — {self.get_role_display()}"


class Session(TimeStampedModel):
    """An item on a meeting's agenda."""

    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary session")
        POLICY_DIALOGUE = "policy_dialogue", _("Policy dialogue")
        SEMINAR = "seminar", _("Seminar")
        CEREMONY = "ceremony", _("Ceremony")
        SIGNING = "signing", _("Signing")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("meeting")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    day = models.DateField(_("day"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    description = models.TextField(_("description"), blank=True)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.ends_at and not self.starts_at:
            errors["starts_at"] = _("Give a start time when an end time is set.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("A session cannot end before it starts.")
        meeting = self.meeting if self.meeting_id else None
        if meeting is not None and meeting.start_date:
            errors = self._outside(meeting) | errors
        if self.day and self.starts_at and "starts_at" not in errors:
            if self._local_date(self.starts_at, meeting) != self.day:
                errors["starts_at"] = _("The start time is not on the session's day.")
        if errors:
            raise ValidationError(errors)

    def _outside(self, meeting: Meeting) -> dict:
        """Errors for the day and times that fall outside the meeting's days, read in its own
        time zone; a meeting with no end date lasts its first day."""
        first = meeting.start_date
        last = meeting.end_date or first
        span = {"first": first.isoformat(), "last": last.isoformat()}
        errors = {}
        if self.day and not first <= self.day <= last:
            errors["day"] = _("The day falls outside the meeting (%(first)s to %(last)s).") % span
        for field in ("starts_at", "ends_at"):
            moment = getattr(self, field)
            if moment and not first <= self._local_date(moment, meeting) <= last:
                errors[field] = (
                    _("The time falls outside the meeting (%(first)s to %(last)s).") % span
                )
        return errors

    @staticmethod
    def _local_date(moment, meeting: Meeting | None):
        zone = (
            ZoneInfo(meeting.time_zone) if meeting is not None else timezone.get_current_timezone()
        )
        return timezone.localtime(moment, zone).date()


class Attendee(TimeStampedModel):
    """A person at a meeting, with the city they came for and their role."""

    class Role(models.TextChoices):
        DELEGATE = "delegate", _("Delegate")
        OBSERVER = "observer", _("Observer")
        HOST = "host", _("Host")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendees", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("city"),
    )
    user = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendances",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.DELEGATE)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")

    def __str__(self) -> str:
        return self.name


class MeetingDocument(TimeStampedModel):
    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration")
        AGENDA = "agenda", _("Agenda")
        MINUTES = "minutes", _("Minutes")
        REPORT = "report", _("Report")
        PRESENTATION = "presentation", _("Presentation")
        OTHER = "other", _("Other")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    language = models.CharField(_("language"), max_length=16, blank=True)
    file = models.FileField(_("file"), upload_to="meetings/%Y/", blank=True)
    url = models.URLField(_("link"), blank=True)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title


class Registration(TimeStampedModel):
    """A person's request to attend a meeting, which the secretariat, the host or the focal
    point of the person's city approves or declines. An approved one lists them as attendee."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")
        # A meeting is called off; a registration is withdrawn: two words in many languages.
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        ADVISER = "adviser", _("Expert adviser")
        OBSERVER = "observer", _("Observer")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        "accounts.User",
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
        verbose_name=_("person"),
    )
    # The delegation the person comes with, kept as it was when they registered.
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_registrations",
        verbose_name=_("city"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    role = models.CharField(
        _("role in the delegation"), max_length=20, choices=Role.choices, default=Role.DELEGATE
    )
    needs_visa_letter = models.BooleanField(
        _("needs an invitation letter for a visa"), default=False
    )
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=1000,
        help_text=_("Dietary or access needs, interpretation, arrival and departure."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    registered_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    decided_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    attendee = models.ForeignKey(
        Attendee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        verbose_name=_("attendee"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_per_person",
                violation_error_message=_("This person is already registered for the meeting."),
            ),
        ]
        indexes = [models.Index(fields=["meeting", "status", "city"])]

    def __str__(self) -> str:
        return f"{self.person.get_full_name() or self.person.username} — {self.meeting}"

    @property
    def name(self) -> str:
        return self.person.get_full_name() or self.person.username

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def holds_place(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.APPROVED)
