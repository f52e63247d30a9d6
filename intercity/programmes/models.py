"""Joint projects, platforms and pilot programmes, with their activities and reviews."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.models import SourcedModel, TimeStampedModel, TitledInLanguages


class Programme(TitledInLanguages, SourcedModel):
    class Kind(models.TextChoices):
        JOINT_PROJECT = "joint_project", _("Joint project")
        PLATFORM = "platform", _("Platform")
        PILOT = "pilot", _("Pilot programme")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned — dates to be set")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    # A programme's title is its name; `titles` holds the name in other languages.
    text_field = "name"

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    field = models.CharField(
        _("field"),
        max_length=200,
        blank=True,
        help_text=_("The area of work, e.g. crisis management or industrial promotion."),
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    lead_city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_programmes",
        verbose_name=_("lead city"),
    )
    cities = models.ManyToManyField(
        "cities.City",
        blank=True,
        related_name="programmes",
        verbose_name=_("participating cities"),
    )
    themes = models.ManyToManyField(
        "core.Theme", blank=True, related_name="programmes", verbose_name=_("themes")
    )
    activity_kinds = models.JSONField(
        _("kinds of activity"),
        default=list,
        blank=True,
        help_text=_("The kinds of activity the programme runs."),
    )
    launched_at = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="launched_programmes",
        verbose_name=_("launched at"),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[cities])

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="programme_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.kind == self.Kind.PILOT and self.status != self.Status.PLANNED:
            # A pilot is a time-limited, one-off measure: once running it must have both dates.
            if not self.start_date:
                errors["start_date"] = _("A pilot programme needs a start date.")
            if not self.end_date:
                errors["end_date"] = _("A pilot programme needs an end date.")
        if errors:
            raise ValidationError(errors)

    def has_ended(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.CLOSED or bool(self.end_date and self.end_date < today)

    @property
    def is_ended(self) -> bool:
        return self.has_ended()

    @property
    def display_status(self) -> str:
        if self.status != self.Status.CLOSED and self.is_ended:
            return str(_("Ended"))
        return str(self.get_status_display())


class Activity(SourcedModel):
    class Kind(models.TextChoices):
        EXPERT_MEETING = "expert_meeting", _("Expert meeting")
        COOPERATIVE_STUDY = "cooperative_study", _("Cooperative study")
        TRADE_FAIR = "trade_fair", _("Trade-fair participation")
        DRILL = "drill", _("Drill")
        INFORMATION_EXCHANGE = "information_exchange", _("Information exchange")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="activities", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programme_activities",
        verbose_name=_("city"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_activities",
        verbose_name=_("meeting"),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title


class Review(TimeStampedModel):
    """A decision on a programme taken at a meeting."""

    class Decision(models.TextChoices):
        CONTINUE = "continue", _("Continue")
        MODIFY = "modify", _("Modify")
        CLOSE = "close", _("Close")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("programme")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        related_name="programme_reviews",
        verbose_name=_("meeting"),
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    notes = models.TextField(_("notes"), blank=True)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)
    source_locator = models.CharField(_("where in the source"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-meeting__year", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.programme} — {self.get_decision_display()}"


class Participant(TimeStampedModel):
    """A person taking part in a programme for the city they are attached to."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="participants",
        verbose_name=_("programme"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_participations",
        verbose_name=_("person"),
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("programme participant")
        verbose_name_plural = _("programme participants")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person"], name="programme_participant_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.programme}"
