"""Shared base models: timestamps, source citations, themes and network news."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from intercity.core.hygiene import check_instance


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None) -> None:
        """Django's field checks, then the platform's input hygiene, errors merged per field."""
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            check_instance(self, exclude=set(exclude or ()) | set(errors))
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


class SourcedModel(TimeStampedModel):
    """A record that can say where its facts come from, and whether it is demo data."""

    source_document = models.CharField(
        _("source document"),
        max_length=200,
        blank=True,
        help_text=_("File name or title of the document the facts come from."),
    )
    source_locator = models.CharField(
        _("where in the source"),
        max_length=200,
        blank=True,
        help_text=_("Paragraph, clause or line the facts come from."),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Generated for demonstration; not part of the network's record."),
    )

    class Meta:
        abstract = True

    @property
    def source_label(self) -> str:
        if not self.source_document:
            return ""
        if self.source_locator:
            return f"{self.source_document} ({self.source_locator})"
        return self.source_document


def _check_languages(value, *, not_an_object, empty) -> None:
    languages = {code for code, _name in settings.LANGUAGES}
    if not isinstance(value, dict):
        raise ValidationError(not_an_object)
    unknown = sorted(code for code in value if code not in languages)
    if unknown:
        raise ValidationError(
            _("Not a language of the platform: %(codes)s."), params={"codes": ", ".join(unknown)}
        )
    if any(not isinstance(text, str) or not text.strip() for text in value.values()):
        raise ValidationError(empty)


def validate_names(value) -> None:
    """Names in other languages: an object of language code to non-empty text."""
    _check_languages(
        value,
        not_an_object=_("Give the names as an object of language code to name."),
        empty=_("A name cannot be empty."),
    )


def validate_titles(value) -> None:
    """Titles in other languages: an object of language code to non-empty text."""
    _check_languages(
        value,
        not_an_object=_("Give the titles as an object of language code to title."),
        empty=_("A title cannot be empty."),
    )


class InLanguages(models.Model):
    """A record whose text (`text_field`) has its own translations (`translations_field`, a
    JSON object of language code to text), shown in the reader's language where one is given
    and otherwise as written."""

    text_field = "name"
    translations_field = "names"

    class Meta:
        abstract = True

    def text_in(self, language: str | None) -> str:
        language = (language or settings.LANGUAGE_CODE).lower()
        own = (getattr(self, self.translations_field) or {}).get(language)
        return own or self.untranslated_text(language)

    def untranslated_text(self, language: str) -> str:
        return getattr(self, self.text_field)

    @property
    def label(self) -> str:
        """The text in the language the interface speaks now."""
        return self.text_in(get_language())


class NamedInLanguages(InLanguages):
    """A record whose name is shown in the reader's language where one is given.

    `names` holds the record's own translations (edited like any other field); a name that has
    none there is looked up in the interface catalogues, where the network's own lists are
    translated once; otherwise the record's `name` shows as written.
    """

    names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        validators=[validate_names],
        help_text=_('Language code and name, e.g. {"ja": "ハノイ"}.'),
    )

    class Meta:
        abstract = True

    def name_in(self, language: str | None) -> str:
        return self.text_in(language)

    def untranslated_text(self, language: str) -> str:
        if language == settings.LANGUAGE_CODE or not self.name:
            return self.name
        return gettext(self.name)


class TitledInLanguages(InLanguages):
    """A record whose title is shown in the reader's language where it has its own translation
    in `titles`, and otherwise as written. Titles of meetings and programmes are the records'
    own words, never looked up in the interface catalogues."""

    text_field = "title"
    translations_field = "titles"

    titles = models.JSONField(
        _("titles in other languages"),
        default=dict,
        blank=True,
        validators=[validate_titles],
        help_text=_('Language code and title, e.g. {"ja": "第12回総会"}.'),
    )

    class Meta:
        abstract = True

    def title_in(self, language: str | None) -> str:
        return self.text_in(language)


class Theme(NamedInLanguages, TimeStampedModel):
    """A managed list of cooperation themes shared by programmes, agreements and knowledge."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.label


class NewsItem(SourcedModel):
    class Kind(models.TextChoices):
        NETWORK = "network", _("Network news")
        SOLIDARITY = "solidarity", _("Solidarity")
        MEMBER = "member", _("Member city news")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    published_on = models.DateField(_("published on"))
    cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="news_items", verbose_name=_("cities")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        verbose_name=_("meeting"),
    )
    history = HistoricalRecords(m2m_fields=[cities])

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def __str__(self) -> str:
        return self.title
