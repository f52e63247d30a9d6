"""Declarations as structured documents, the commitments they make and per-city progress."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.models import SourcedModel, TimeStampedModel
from intercity.declarations.deriving import sub_reference


class Declaration(SourcedModel):
    """A declaration adopted (or to be adopted) by a meeting of the network."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ADOPTED
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declarations",
        verbose_name=_("adopted at"),
    )
    adopted_on = models.DateField(_("adoption date"), null=True, blank=True)
    # The document's own symbol as printed on it ("A/RES/74/212"), when it has one.
    symbol = models.CharField(_("document symbol"), max_length=80, blank=True, db_index=True)
    # The meeting as the text names it (name, ordinal, city, start and end dates), kept even
    # when no meeting record matches, and apart from the document's own adoption date.
    meeting_printed = models.JSONField(_("meeting as printed"), default=dict, blank=True)
    language = models.CharField(_("original language"), max_length=16, blank=True)
    original_text = models.TextField(_("original text"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    signatories = models.ManyToManyField(
        "cities.City",
        blank=True,
        related_name="declarations",
        verbose_name=_("signatory cities"),
    )
    participants_printed = models.JSONField(_("participants as printed"), default=list, blank=True)
    operative_intro = models.CharField(_("operative introduction"), max_length=300, blank=True)
    next_meeting_city = models.CharField(_("next meeting: city"), max_length=120, blank=True)
    next_meeting_year = models.PositiveSmallIntegerField(
        _("next meeting: year"), null=True, blank=True
    )
    next_meeting_ordinal = models.PositiveSmallIntegerField(
        _("next meeting: ordinal"), null=True, blank=True
    )
    next_meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announced_by",
        verbose_name=_("next meeting announced"),
    )
    parse_confidence = models.FloatField(_("parser confidence"), null=True, blank=True)
    parse_warnings = models.JSONField(_("parser warnings"), default=list, blank=True)
    # Per field, how far the parser's reading can be trusted (0–1); low marks what to check.
    parse_field_confidence = models.JSONField(
        _("parser confidence per field"), default=dict, blank=True
    )
    history = HistoricalRecords(m2m_fields=[signatories])

    class Meta:
        ordering = ["-adopted_on", "title"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        indexes = [models.Index(fields=["status", "adopted_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("declarations:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.status == self.Status.ADOPTED and not self.original_text.strip():
            raise ValidationError({"original_text": _("An adopted declaration needs its text.")})

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED


# The fields an adopted declaration keeps for ever; changing them takes a correction.
IMMUTABLE_FIELDS = ("title", "original_text", "language", "adopted_on", "operative_intro")


class DeclarationVersion(TimeStampedModel):
    """One version of a declaration's text; a correction adds one and never rewrites one."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    original_text = models.TextField(_("original text"))
    reason = models.TextField(_("reason for the correction"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["declaration", "-number"]
        verbose_name = _("declaration version")
        verbose_name_plural = _("declaration versions")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "number"], name="declarationversion_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.declaration} v{self.number}"


class Paragraph(TimeStampedModel):
    """An opening, preamble or closing paragraph; preamble paragraphs keep their lead."""

    class Part(models.TextChoices):
        OPENING = "opening", _("Opening")
        PREAMBLE = "preamble", _("Preamble")
        CLOSING = "closing", _("Closing")

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="paragraphs"
    )
    part = models.CharField(_("part"), max_length=10, choices=Part.choices)
    position = models.PositiveSmallIntegerField(_("order"))
    lead = models.CharField(_("lead phrase"), max_length=120, blank=True)
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["declaration", "position"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def text_after_lead(self) -> str:
        """The text without its lead phrase, so a page can set the lead apart."""
        if self.lead and self.text.startswith(self.lead):
            return self.text[len(self.lead) :]
        return self.text


class Clause(TimeStampedModel):
    """An operative clause with the number printed in the text."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="clauses")
    position = models.PositiveSmallIntegerField(_("order"))
    number = models.CharField(_("printed number"), max_length=20, blank=True)
    intro = models.TextField(_("introduction to the sub-items"), blank=True)
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["declaration", "position"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")

    def __str__(self) -> str:
        return _("Clause %(number)s") % {"number": self.number or self.position}

    @property
    def reference(self) -> str:
        """The clause's number as printed, or its place when it has none."""
        return self.number or str(self.position)

    @property
    def anchor(self) -> str:
        return f"clause-{self.reference}"


class SubItem(TimeStampedModel):
    """A lettered or numbered sub-item of a clause."""

    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="subitems")
    position = models.PositiveSmallIntegerField(_("order"))
    label = models.CharField(_("label"), max_length=20, blank=True)
    # An unlabelled sub-item's place among its clause's bullets, which its reference cites.
    bullet = models.PositiveSmallIntegerField(
        _("place among the bullets"), null=True, blank=True, editable=False
    )
    text = models.TextField(_("text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["clause", "position"]
        verbose_name = _("sub-item")
        verbose_name_plural = _("sub-items")

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        """How a reader cites it: "12a", "2(1)", or "12(•3)" for the third bullet."""
        return sub_reference(self.clause.reference, self.label, self.bullet)

    @property
    def anchor(self) -> str:
        """Unique on the page: the anchor of clause 2's sub-item 1 is not clause 21's."""
        label = self.label or str(self.position)
        separator = "-" if label[:1].isdigit() else ""
        return f"{self.clause.anchor}{separator}{label}"


class Initiative(TimeStampedModel):
    """A named initiative the declaration launches, linked to its programme when one exists."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="initiatives"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("name"), max_length=200)
    programme = models.ForeignKey(
        "programmes.Programme",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="declaration_initiatives",
        verbose_name=_("programme"),
    )

    class Meta:
        ordering = ["declaration", "position"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.name


class Reference(TimeStampedModel):
    """An earlier declaration the text refers to; a placeholder until its record exists."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="references"
    )
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title as printed"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    target = models.ForeignKey(
        Declaration,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referenced_by",
        verbose_name=_("referenced declaration"),
    )

    class Meta:
        ordering = ["declaration", "position"]
        verbose_name = _("reference")
        verbose_name_plural = _("references")

    def __str__(self) -> str:
        return self.title

    @property
    def is_placeholder(self) -> bool:
        return self.target_id is None


class Commitment(TimeStampedModel):
    """A promise made by an operative clause or sub-item, reported on by each city."""

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="commitments"
    )
    clause = models.ForeignKey(Clause, on_delete=models.CASCADE, related_name="commitments")
    subitem = models.ForeignKey(
        SubItem, null=True, blank=True, on_delete=models.CASCADE, related_name="commitments"
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cities = models.ManyToManyField(
        "cities.City",
        blank=True,
        related_name="commitments",
        verbose_name=_("responsible cities"),
    )
    themes = models.ManyToManyField(
        "core.Theme", blank=True, related_name="commitments", verbose_name=_("themes")
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    programmes = models.ManyToManyField(
        "programmes.Programme",
        blank=True,
        related_name="commitments",
        verbose_name=_("programmes"),
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="commitments", verbose_name=_("meetings")
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement",
        blank=True,
        related_name="commitments",
        verbose_name=_("agreements"),
    )
    history = HistoricalRecords(m2m_fields=[cities])

    class Meta:
        ordering = ["declaration", "position", "id"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("declarations:commitment", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        if self.subitem_id and self.clause_id and self.subitem.clause_id != self.clause_id:
            raise ValidationError({"subitem": _("The sub-item belongs to another clause.")})

    @property
    def reference(self) -> str:
        """The clause and sub-item it comes from, as printed: "3b", "12(•3)"."""
        number = self.clause.reference
        if not self.subitem_id:
            return number
        return sub_reference(number, self.subitem.label, self.subitem.bullet)


class ProgressReport(TimeStampedModel):
    """What a city reports about one commitment on a date; reports are never rewritten."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        ACHIEVED = "achieved", _("Achieved")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("commitment")
    )
    city = models.ForeignKey(
        "cities.City",
        on_delete=models.PROTECT,
        related_name="progress_reports",
        verbose_name=_("city"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    narrative = models.TextField(_("narrative"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="declarations/evidence/%Y/", blank=True
    )
    reported_on = models.DateField(_("date"))
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_reports",
        verbose_name=_("reported by"),
    )
    # The newest report of this city on this commitment; kept by the service so that the
    # accountability matrix reads one row per cell instead of searching the history.
    is_latest = models.BooleanField(_("latest"), default=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reported_on", "-id"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "city"],
                condition=models.Q(is_latest=True),
                name="progressreport_one_latest",
            )
        ]
        indexes = [
            models.Index(fields=["commitment", "city", "is_latest"]),
            models.Index(fields=["city", "is_latest"]),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.city}: {self.get_status_display()}"
