"""Business cooperation: organisation profiles, opportunities, 1:1 meeting events and schedules."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.business.isic import section_name
from intercity.core.local_numbers import local_number
from intercity.core.models import TimeStampedModel


class Sector(models.Model):
    """A managed list of economic sectors; seeded with the ISIC Rev. 4 sections."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return f"{self.code} · {self.label}"

    @property
    def label(self) -> str:
        """The name in the language the interface speaks now (an ISIC section's is translated,
        a sector added by the secretariat shows as typed)."""
        return section_name(self.name)


class Profile(TimeStampedModel):
    """What an organisation offers and seeks; shown in the directory once verified."""

    class Size(models.TextChoices):
        MICRO = "micro", _("Micro (under 10 people)")
        SMALL = "small", _("Small (10–49)")
        MEDIUM = "medium", _("Medium (50–249)")
        LARGE = "large", _("Large (250 or more)")

    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="business_profile",
        verbose_name=_("organisation"),
    )
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="profiles", verbose_name=_("sector")
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, default=Size.SMALL)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("Comma-separated, e.g. en, vi.")
    )
    offers = models.TextField(_("what it offers"), blank=True)
    seeks = models.TextField(_("what it seeks"), blank=True)
    is_verified = models.BooleanField(_("verified by the city's focal point"), default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verified by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("business profile")
        verbose_name_plural = _("business profiles")

    def __str__(self) -> str:
        return str(self.organisation)

    def get_absolute_url(self) -> str:
        return reverse("business:profile", kwargs={"slug": self.organisation.slug})

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class OpportunityQuerySet(models.QuerySet):
    def current(self, today: datetime.date | None = None) -> models.QuerySet:
        """Open and not past the closing date, by the server's local date unless `today` is
        given: what the directory shows, and what `Opportunity.is_current` says of one."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today),
            status=self.model.Status.OPEN,
        )


class Opportunity(TimeStampedModel):
    class Direction(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    class Kind(models.TextChoices):
        INVESTMENT = "investment", _("Investment")
        TRADE_BUY = "trade_buy", _("Trade: buying")
        TRADE_SELL = "trade_sell", _("Trade: selling")
        TECHNOLOGY = "technology", _("Technology and equipment")
        ENERGY_SAVING = "energy_saving", _("Energy-saving labelled products")
        TOURISM = "tourism", _("Tourism")
        RESEARCH = "research", _("Research partnership")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="opportunities",
        verbose_name=_("organisation"),
    )
    direction = models.CharField(_("offer or request"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = OpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("cooperation opportunity")
        verbose_name_plural = _("cooperation opportunities")
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("business:opportunity", kwargs={"pk": self.pk})

    @property
    def is_current(self) -> bool:
        return self.is_current_on(timezone.localdate())

    def is_current_on(self, today: datetime.date) -> bool:
        return self.status == self.Status.OPEN and (
            self.expires_on is None or self.expires_on >= today
        )


# An answer is a short note: the conversation goes on by email.
ANSWER_MAX_LENGTH = 1000


class OpportunityAnswer(TimeStampedModel):
    """An organisation's answer to another's opportunity: one per organisation."""

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="answers", verbose_name=_("opportunity")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="opportunity_answers",
        verbose_name=_("organisation"),
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sender"),
    )
    message = models.TextField(_("message"), max_length=ANSWER_MAX_LENGTH)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("answer to an opportunity")
        verbose_name_plural = _("answers to opportunities")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "organisation"], name="opportunityanswer_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.opportunity}"


class SuggestionMark(TimeStampedModel):
    """What an organisation did with a suggested counterpart."""

    class State(models.TextChoices):
        SAVED = "saved", _("Saved")
        DISMISSED = "dismissed", _("Dismissed")
        CONTACTED = "contacted", _("Contacted")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="suggestion_marks"
    )
    counterpart = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("suggestion mark")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "counterpart"], name="suggestionmark_unique"
            )
        ]


class Event(TimeStampedModel):
    """1:1 matchmaking opened on a business meeting or trade fair."""

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="business_event",
        verbose_name=_("meeting"),
    )
    tables = models.PositiveSmallIntegerField(_("tables"), default=10)
    fairness = models.PositiveSmallIntegerField(
        _("fairness"),
        null=True,
        blank=True,
        default=2,
        help_text=_("Largest difference between participants' break counts; empty for none."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    request_deadline = models.DateTimeField(_("meeting request deadline"), null=True, blank=True)
    published_at = models.DateTimeField(_("schedule published at"), null=True, blank=True)
    # What participants see: later runs stay drafts for the organiser until published.
    published_run = models.ForeignKey(
        "business.ScheduleRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published schedule"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("business meeting event")
        verbose_name_plural = _("business meeting events")

    def __str__(self) -> str:
        return str(self.meeting)

    def get_absolute_url(self) -> str:
        return reverse("business:event", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        errors = {}
        kinds = ("business", "trade_fair")
        if self.meeting_id and self.meeting.kind not in kinds:
            errors["meeting"] = _("Only a business meeting or a trade fair opens matchmaking.")
        if self.tables is not None and self.tables < 1:
            errors["tables"] = _("An event needs at least one table.")
        if (
            self.registration_deadline
            and self.request_deadline
            and self.request_deadline < self.registration_deadline
        ):
            errors["request_deadline"] = _("Requests cannot close before registration does.")
        if errors:
            raise ValidationError(errors)

    def day_outside(self, day: datetime.date) -> str | None:
        """Why a slot cannot be on this day: it falls outside the meeting's dates, or outside
        its year while the dates are still to be set."""
        meeting = self.meeting
        if meeting.start_date:
            first, last = meeting.start_date, meeting.end_date or meeting.start_date
        elif meeting.year:
            first, last = datetime.date(meeting.year, 1, 1), datetime.date(meeting.year, 12, 31)
        else:
            return None
        if first <= day <= last:
            return None
        return _("The day falls outside the meeting (%(first)s to %(last)s).") % {
            "first": first.isoformat(),
            "last": last.isoformat(),
        }


class Slot(models.Model):
    class Session(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    day = models.DateField(_("day"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    session = models.CharField(_("session"), max_length=10, choices=Session.choices)

    class Meta:
        ordering = ["day", "starts_at"]
        verbose_name = _("time slot")
        constraints = [
            models.UniqueConstraint(fields=["event", "day", "starts_at"], name="slot_unique")
        ]

    def __str__(self) -> str:
        # The day in the reader's language and order ("14 Apr", "4月14日"), times as 24-hour.
        day = date_format(self.day, "MONTH_DAY_FORMAT")
        return f"{day} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("A slot must end after it starts.")
        if self.day and self.event_id and (outside := self.event.day_outside(self.day)):
            errors["day"] = outside
        if errors:
            raise ValidationError(errors)


class Registration(TimeStampedModel):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="event_registrations"
    )
    unavailable = models.ManyToManyField(Slot, blank=True, related_name="+")

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("registration")
        constraints = [
            models.UniqueConstraint(fields=["event", "organisation"], name="registration_unique")
        ]

    def __str__(self) -> str:
        return str(self.organisation)


REQUEST_NOTE_MAX_LENGTH = 1000


def validate_request_note(value: str) -> None:
    """A meeting request's note is read at a glance: at most REQUEST_NOTE_MAX_LENGTH
    characters. Checked where a note comes in (form, import, service), not on the model, so
    that a request with a longer note from before the limit can still be answered."""
    if len(value) > REQUEST_NOTE_MAX_LENGTH:
        raise ValidationError(
            _("A note may have at most %(limit)s characters; this one has %(length)s."),
            code="max_length",
            params={
                "limit": local_number(REQUEST_NOTE_MAX_LENGTH),
                "length": local_number(len(value)),
            },
        )


class MeetingRequest(TimeStampedModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class Preference(models.TextChoices):
        MORNING = "morning", _("Morning")
        AFTERNOON = "afternoon", _("Afternoon")
        EITHER = "either", _("Either")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="sent")
    invitee = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="received")
    note = models.TextField(_("note"), blank=True, max_length=REQUEST_NOTE_MAX_LENGTH)
    session = models.CharField(
        _("preferred session"), max_length=10, choices=Preference.choices, default="either"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    fixed_slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    after = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="+", verbose_name=_("comes after")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("meeting request")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "requester", "invitee"], name="meetingrequest_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.requester} – {self.invitee}"

    def clean(self) -> None:
        if self.requester_id and self.requester_id == self.invitee_id:
            raise ValidationError(
                {"invitee": _("An organisation cannot request a meeting with itself.")}
            )


class ScheduleRun(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        OPTIMAL = "optimal", _("Optimal")
        FEASIBLE = "feasible", _("Feasible (not proved optimal)")
        INFEASIBLE = "infeasible", _("Not everything fits")
        UNKNOWN = "unknown", _("No schedule found")
        FAILED = "failed", _("Failed")

    class Stage(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Building the model")
        SEARCHING = "searching", _("Searching for a schedule")
        PROVING = "proving", _("Improving and proving the bound")
        # Only when not every meeting fits: the best partial schedule is being sought.
        PLACING = "placing", _("Placing what fits")
        DONE = "done", _("Done")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    time_limit = models.PositiveIntegerField(_("time limit (seconds)"), default=30)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    breaks = models.PositiveIntegerField(null=True, blank=True)
    lower_bound = models.PositiveIntegerField(default=0)
    # While a partial schedule is sought: meetings its best version places, of how many.
    placed = models.PositiveIntegerField(null=True, blank=True)
    to_place = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0)
    explanation = models.JSONField(default=list, blank=True)
    problems = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("scheduler run")

    def __str__(self) -> str:
        return f"{self.event} · {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status not in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def elapsed_seconds(self) -> int:
        """Whole seconds the search has run, for the bar that fills towards the time limit."""
        if self.started_at is None:
            return 0
        elapsed = (timezone.now() - self.started_at).total_seconds()
        return int(min(max(elapsed, 0), self.time_limit))

    @property
    def stages(self) -> list[tuple[str, str]]:
        """The stages to show: placing what fits only for a run that has to."""
        shown = self.stage == self.Stage.PLACING or self.status == self.Status.INFEASIBLE
        return [
            (value, label)
            for value, label in self.Stage.choices
            if value != self.Stage.PLACING or shown
        ]


class Assignment(models.Model):
    run = models.ForeignKey(ScheduleRun, on_delete=models.CASCADE, related_name="assignments")
    request = models.ForeignKey(MeetingRequest, on_delete=models.CASCADE, related_name="+")
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="+")
    table = models.PositiveSmallIntegerField(_("table"))

    class Meta:
        ordering = ["slot__day", "slot__starts_at", "table"]
        constraints = [
            models.UniqueConstraint(fields=["run", "request"], name="assignment_unique_request")
        ]

    def __str__(self) -> str:
        return f"{self.request} @ {self.slot} #{self.table}"
