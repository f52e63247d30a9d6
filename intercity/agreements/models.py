"""City-to-city agreements, their parties and signatories, and pledges of help."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.models import SourcedModel, TimeStampedModel


class Agreement(SourcedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    parties = models.ManyToManyField(
        "cities.City",
        through="AgreementParty",
        related_name="agreements",
        verbose_name=_("parties"),
    )
    themes = models.ManyToManyField(
        "core.Theme", blank=True, related_name="agreements", verbose_name=_("themes")
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_place = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed in"),
    )
    signed_at_meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
        verbose_name=_("signed at meeting"),
    )
    term_start = models.DateField(_("in force from"), null=True, blank=True)
    term_end = models.DateField(_("in force until"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True)
                | models.Q(term_start__isnull=True)
                | models.Q(term_end__gte=models.F("term_start")),
                name="agreement_term_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.term_start and self.term_end and self.term_end < self.term_start:
            errors["term_end"] = _("The term cannot end before it starts.")
        if self.signed_on and self.term_start and self.term_start < self.signed_on:
            errors["term_start"] = _("An agreement cannot come into force before it is signed.")
        signed = self.status in (self.Status.SIGNED, self.Status.IN_FORCE)
        if signed and not (self.signed_on or self.signed_at_meeting_id):
            errors["signed_on"] = _("Say when the agreement was signed, or at which meeting.")
        if self.status == self.Status.EXPIRED and not self.term_end:
            errors["term_end"] = _("Give the date until which the expired agreement was in force.")
        if errors:
            raise ValidationError(errors)

    def status_conflicts(self, *, today: datetime.date) -> dict[str, str]:
        """Where the status contradicts the dates as they stand today.

        Not part of clean(): an agreement in force reaches the end of its term by the passing
        of time, not by an edit, and that must not block unrelated edits. The services check
        it whenever the status or a date is set.
        """
        errors = {}
        if self.status != self.Status.DRAFT and self.signed_on and self.signed_on > today:
            errors["signed_on"] = _(
                "The signing date is still to come; keep the agreement as a draft until then."
            )
        ended = self.term_end is not None and self.term_end < today
        if self.status in (self.Status.SIGNED, self.Status.IN_FORCE) and ended:
            errors["status"] = _("The term ended on %(date)s: the agreement has expired.") % {
                "date": self.term_end.isoformat()
            }
        elif self.status == self.Status.IN_FORCE and self.term_start and self.term_start > today:
            errors["status"] = _("The agreement comes into force only on %(date)s.") % {
                "date": self.term_start.isoformat()
            }
        if self.status == self.Status.EXPIRED and self.term_end and not ended:
            errors["term_end"] = _(
                "An expired agreement's term must have ended; this one runs until %(date)s."
            ) % {"date": self.term_end.isoformat()}
        return errors


class AgreementParty(TimeStampedModel):
    class Role(models.TextChoices):
        PARTY = "party", _("Party")
        ASSISTING = "assisting", _("Gives assistance")
        ASSISTED = "assisted", _("Receives assistance")

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="party_roles", verbose_name=_("agreement")
    )
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="agreement_roles",
        verbose_name=_("city"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTY)

    class Meta:
        ordering = ["city__name"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "city"], name="agreementparty_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.city} ({self.get_role_display()})"


class Signatory(TimeStampedModel):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatories", verbose_name=_("agreement")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="signatories",
        verbose_name=_("city"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return self.name


class Pledge(SourcedModel):
    """A promise of help from one city to another, outside a formal agreement."""

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        IN_PROGRESS = "in_progress", _("In progress")
        FULFILLED = "fulfilled", _("Fulfilled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    from_city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="pledges_given",
        verbose_name=_("from city"),
    )
    to_city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="pledges_received",
        verbose_name=_("to city"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    themes = models.ManyToManyField(
        "core.Theme", blank=True, related_name="pledges", verbose_name=_("themes")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledges",
        verbose_name=_("made at meeting"),
    )
    pledged_on = models.DateField(_("pledged on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLEDGED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-pledged_on", "subject"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")

    def __str__(self) -> str:
        return f"{self.from_city} → {self.to_city}: {self.subject}"

    def clean(self) -> None:
        super().clean()
        if self.from_city_id and self.from_city_id == self.to_city_id:
            raise ValidationError({"to_city": _("A city cannot pledge help to itself.")})


class StatusProposal(TimeStampedModel):
    """A change of status one party asks for; it applies when another party or the
    secretariat confirms it. Agreements and pledges share this one mechanism."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="status_proposals",
        verbose_name=_("agreement"),
    )
    pledge = models.ForeignKey(
        Pledge,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="status_proposals",
        verbose_name=_("pledge"),
    )
    status_from = models.CharField(_("status before"), max_length=20)
    status_to = models.CharField(_("proposed status"), max_length=20)
    note = models.TextField(_("note"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    proposed_by = models.ForeignKey(
        "accounts.User",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposing_city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposing city"),
    )
    decided_by = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("status proposal")
        verbose_name_plural = _("status proposals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agreement__isnull=False, pledge__isnull=True)
                | models.Q(agreement__isnull=True, pledge__isnull=False),
                name="statusproposal_one_record",
            ),
            models.UniqueConstraint(
                fields=["agreement"],
                condition=models.Q(state="pending"),
                name="statusproposal_one_pending_per_agreement",
            ),
            models.UniqueConstraint(
                fields=["pledge"],
                condition=models.Q(state="pending"),
                name="statusproposal_one_pending_per_pledge",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.record}: {self.status_from} → {self.status_to}"

    @property
    def record(self):
        """The agreement or pledge the proposal is about."""
        return self.agreement if self.agreement_id else self.pledge

    def status_label(self, value: str) -> str:
        return str(dict(type(self.record).Status.choices).get(value, value))

    @property
    def status_from_label(self) -> str:
        return self.status_label(self.status_from)

    @property
    def status_to_label(self) -> str:
        return self.status_label(self.status_to)

    @property
    def is_pending(self) -> bool:
        return self.state == self.State.PENDING
