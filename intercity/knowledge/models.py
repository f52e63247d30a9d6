"""Knowledge items (practices, policies, studies, drill lessons), translations and attachments."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core import filetypes
from intercity.core.models import SourcedModel, TimeStampedModel


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class KnowledgeItem(SourcedModel):
    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        POLICY = "policy", _("Policy")
        CASE_STUDY = "case_study", _("Case study")
        STUDY_REPORT = "study_report", _("Study report")
        DRILL_LESSON = "drill_lesson", _("Lesson from a drill")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        NETWORK = "network", _("Network members")
        DRAFT = "draft", _("Draft")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Markdown; HTML is cleaned before it is shown.")
    )
    language = models.CharField(
        _("original language"), max_length=16, choices=language_choices(), default="en"
    )
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="knowledge_items",
        verbose_name=_("city"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        verbose_name=_("authoring organisation"),
    )
    themes = models.ManyToManyField(
        "core.Theme", blank=True, related_name="knowledge_items", verbose_name=_("themes")
    )
    outcome = models.TextField(
        _("measured outcome"), blank=True, help_text=_("What changed, in a sentence or two.")
    )
    outcome_baseline = models.DecimalField(
        _("value before"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    outcome_result = models.DecimalField(
        _("value after"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    outcome_unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("For example: µg/m³, tonnes a year, %.")
    )
    outcome_indicator = models.ForeignKey(
        "indicators.Indicator",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        verbose_name=_("indicator moved"),
        help_text=_("The network indicator this outcome changed, if any."),
    )
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True)
    programmes = models.ManyToManyField(
        "programmes.Programme",
        blank=True,
        related_name="knowledge_items",
        verbose_name=_("programmes"),
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="knowledge_items", verbose_name=_("meetings")
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement",
        blank=True,
        related_name="knowledge_items",
        verbose_name=_("agreements"),
    )
    commitments = models.ManyToManyField(
        "declarations.Commitment",
        blank=True,
        related_name="knowledge_items",
        verbose_name=_("commitments"),
        help_text=_("Declaration commitments this experience helps to keep."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_items",
        verbose_name=_("author"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    moderation_note = models.TextField(_("moderation note"), blank=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__isnull=True)
                | models.Q(period_start__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="knowledge_period_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["visibility", "kind"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The end of the period cannot be before its start.")
        has_numbers = self.outcome_baseline is not None or self.outcome_result is not None
        if has_numbers and not self.outcome_unit.strip():
            errors["outcome_unit"] = _("Give the unit the outcome is measured in.")
        if errors:
            raise ValidationError(errors)

    @property
    def outcome_change(self):
        if self.outcome_baseline is None or self.outcome_result is None:
            return None
        return self.outcome_result - self.outcome_baseline


class KnowledgeTranslation(TimeStampedModel):
    """A version of an item in another language, made by a named translator."""

    item = models.ForeignKey(
        KnowledgeItem,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("item"),
    )
    language = models.CharField(_("language"), max_length=16, choices=language_choices())
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="knowledge_translations",
        verbose_name=_("translator"),
    )
    translator_name = models.CharField(_("translator's name"), max_length=200, blank=True)
    translated_on = models.DateField(_("translated on"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["language"]
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        constraints = [
            models.UniqueConstraint(
                fields=["item", "language"], name="knowledge_translation_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    def clean(self) -> None:
        super().clean()
        if self.item_id and self.language == self.item.language:
            raise ValidationError(
                {"language": _("This is the item's original language; edit the item instead.")}
            )

    @property
    def translator_label(self) -> str:
        if self.translator_name:
            return self.translator_name
        if self.translator:
            return self.translator.get_full_name() or self.translator.username
        return ""


# What a reader calls each accepted type; the MIME type itself is for browsers, not people.
TYPE_LABELS = {
    filetypes.PDF: _("PDF"),
    filetypes.DOCX: _("Word document"),
    filetypes.PNG: _("Image"),
    filetypes.JPEG: _("Image"),
    filetypes.GIF: _("Image"),
    filetypes.WEBP: _("Image"),
}


class Attachment(TimeStampedModel):
    """A PDF, Word document or image attached to an item; its type is read from its content."""

    item = models.ForeignKey(
        KnowledgeItem,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("item"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="knowledge/%Y/")
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title

    @property
    def type_label(self) -> str:
        """The kind of file in words ("PDF", "Word document", "Image")."""
        label = TYPE_LABELS.get(self.content_type)
        if label is None:
            label = _("Image") if self.content_type.startswith("image/") else _("File")
        return str(label)
