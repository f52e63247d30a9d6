"""The search index: one row per searchable document, its vector, and embedding progress."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intercity.search.eta import remaining_seconds


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    NETWORK = "network", _("Network members")
    DRAFT = "draft", _("Draft")


class SearchDocument(models.Model):
    """What search knows of one record (or one part of a record, such as a clause).

    The full-text structures live beside this table and are kept in step by the
    database itself: on SQLite an FTS5 table over ``title_terms``/``body_terms``
    and a trigram FTS5 table over ``normalised``, filled by triggers; on
    PostgreSQL a generated ``search_vector`` tsvector column with a GIN index and
    a pg_trgm index on ``normalised``. See migration 0002.
    """

    source = models.CharField(_("source"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=64)
    doc_type = models.CharField(_("type"), max_length=40)
    doc_key = models.CharField(_("key"), max_length=100)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("city"),
    )
    # Space-delimited slugs with a space at each end, so " hanoi " finds a city exactly.
    cities = models.TextField(_("cities"), blank=True)
    themes = models.TextField(_("themes"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    owner_city = models.ForeignKey(
        "cities.City",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner city"),
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    url = models.CharField(_("address"), max_length=500)
    title_terms = models.TextField(_("title terms"), blank=True)
    body_terms = models.TextField(_("body terms"), blank=True)
    normalised = models.TextField(_("normalised text"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["doc_type", "doc_key"], name="searchdocument_unique_key"
            )
        ]
        indexes = [
            models.Index(fields=["source", "object_id"]),
            models.Index(fields=["visibility", "doc_type"]),
        ]

    def __str__(self) -> str:
        return f"{self.doc_type}:{self.doc_key} {self.title}"


class DocumentVector(models.Model):
    """A document's passage embeddings, float32 bytes, valid for one model and one text."""

    document = models.OneToOneField(
        SearchDocument,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="vector",
        verbose_name=_("document"),
    )
    model_version = models.CharField(_("model"), max_length=40)
    content_hash = models.CharField(_("content hash"), max_length=64)
    # (start, end) of each passage in the embedded text; ``vector`` holds one
    # float32 vector per passage, in the same order.
    passages = models.JSONField(_("passages"), default=list, blank=True)
    vector = models.BinaryField(_("vector"))
    embedded_at = models.DateTimeField(_("embedded"), auto_now=True)

    class Meta:
        verbose_name = _("document vector")
        verbose_name_plural = _("document vectors")
        # Searches read the vectors stored since the vector index was last saved.
        indexes = [models.Index(fields=["embedded_at"])]

    def __str__(self) -> str:
        return f"{self.document_id} ({self.model_version})"


class EmbeddingRun(models.Model):
    """Progress of one background embedding run, polled by the pages."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        UNAVAILABLE = "unavailable", _("Model unavailable")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("documents to embed"), default=0)
    done = models.PositiveIntegerField(_("documents embedded"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    # Written with each batch, so a run whose worker died can be told from a slow one.
    heartbeat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    # A batch takes seconds; a running run silent this long has lost its worker.
    STALE_AFTER = datetime.timedelta(minutes=15)
    # A queued run is picked up when a worker starts; after this long its task is lost.
    QUEUED_STALE_AFTER = datetime.timedelta(days=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("embedding run")
        verbose_name_plural = _("embedding runs")

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 100

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_stale(self) -> bool:
        now = timezone.now()
        if self.status == self.Status.RUNNING:
            last = self.heartbeat_at or self.started_at or self.created_at
            return now - last > self.STALE_AFTER
        if self.status == self.Status.QUEUED:
            return now - self.created_at > self.QUEUED_STALE_AFTER
        return False

    @property
    def remaining(self) -> datetime.timedelta | None:
        """How long the run still needs at the rate it has kept so far; None before it can tell."""
        if self.status != self.Status.RUNNING or self.started_at is None:
            return None
        elapsed = ((self.heartbeat_at or self.started_at) - self.started_at).total_seconds()
        seconds = remaining_seconds(self.done, self.total, elapsed)
        if seconds is None:
            return None
        # The estimate was made at the last batch; time has passed since.
        since = (timezone.now() - (self.heartbeat_at or self.started_at)).total_seconds()
        return datetime.timedelta(seconds=max(0.0, seconds - since))

    @property
    def finishes_at(self) -> datetime.datetime | None:
        remaining = self.remaining
        return None if remaining is None else timezone.now() + remaining

    @property
    def rate(self) -> float | None:
        """Documents embedded per second so far."""
        if self.started_at is None or self.heartbeat_at is None or not self.done:
            return None
        elapsed = (self.heartbeat_at - self.started_at).total_seconds()
        return self.done / elapsed if elapsed > 0 else None


class SearchTerm(models.Model):
    """A word of the public documents' text, for spelling suggestions.

    Kept in step with ``SearchDocument`` by the indexing code (``vocabulary``): a word
    counts the public documents whose title or body holds it, and disappears with the
    last of them. ``initial`` and ``length`` let a misspelt word read only the words that
    could correct it.
    """

    term = models.CharField(_("word"), max_length=40, unique=True)
    spelling = models.CharField(_("spelling"), max_length=40)
    documents = models.PositiveIntegerField(_("documents"), default=0)
    initial = models.CharField(_("first letter"), max_length=1)
    length = models.PositiveSmallIntegerField(_("length"))

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        indexes = [models.Index(fields=["initial", "length"])]

    def __str__(self) -> str:
        return f"{self.term} ({self.documents})"
