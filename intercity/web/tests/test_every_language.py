"""Every main page reads whole in each of the 13 languages: status 200, `lang` set, and no
interface text left in English (record content and names aside)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import dates, translation

from intercity.accounts.models import User
from intercity.dataset.demo import demo_load
from intercity.dataset.demo_indicators import indicator_demo_load
from intercity.dataset.loader import anmc21_load

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
SKIPPED_TAGS = {"script", "style", "template", "code", "pre", "svg", "textarea"}
TEXT_ATTRIBUTES = ("placeholder", "title", "aria-label")


class VisibleText(HTMLParser):
    """The text a reader sees, in pieces, leaving out passages marked as another language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page_language = ""
        self.pieces: list[str] = []
        self._stack: list[tuple[str, bool]] = []

    def _hidden(self) -> bool:
        return any(hidden for _tag, hidden in self._stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.page_language = attrs.get("lang", "")
            return
        other_language = "lang" in attrs and attrs["lang"] != self.page_language
        hidden = tag in SKIPPED_TAGS or other_language or attrs.get("translate") == "no"
        if tag not in {"input", "img", "br", "hr", "meta", "link", "source", "col", "wbr"}:
            self._stack.append((tag, hidden))
        if not (self._hidden() or hidden):
            self.pieces += [attrs[name] for name in TEXT_ATTRIBUTES if attrs.get(name)]
            if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
                self.pieces.append(attrs["value"])

    def handle_endtag(self, tag):
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self._hidden() and data.strip():
            self.pieces.append(data)


def visible(html: str) -> tuple[str, set[str]]:
    parser = VisibleText()
    parser.feed(html)
    return parser.page_language, {" ".join(piece.split()) for piece in parser.pieces}


def record_text() -> str:
    """Every text value stored in the database: what pages show of records, names included."""
    chunks = []
    for model in apps.get_models():
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                chunks += [str(value) for value in row if value]
    chunks += [user.get_full_name() for user in User.objects.all()]
    return "\n".join(" ".join(chunk.split()) for chunk in chunks)


ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def kept_as_english(language: str) -> set[str]:
    """Msgids its translator deliberately left as English writes them (Status, Agenda)."""
    folder = language.replace("-hant", "_Hant")
    po = polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / folder / "LC_MESSAGES" / "django.po"))
    return {entry.msgid.lower() for entry in po if entry.msgstr and entry.msgstr == entry.msgid}


def month_names_as_english(language: str) -> set[str]:
    """Month and weekday names the language writes as English does (Indonesian "April"): a
    date written day first then reads alike in both."""
    words = [
        *dates.MONTHS.values(),
        *dates.MONTHS_3.values(),
        *dates.MONTHS_AP.values(),
        *dates.WEEKDAYS.values(),
    ]
    english = [str(word) for word in words]
    with translation.override(language):
        translated = [str(word) for word in words]
    return {word.lower() for word, own in zip(english, translated, strict=True) if word == own}


def leftovers(
    english: set[str], translated: set[str], records: str, kept=frozenset(), months=frozenset()
) -> list[str]:
    """Interface pieces shown identically in English and in the translation."""
    left = set()
    for piece in translated & english:
        # "Title · Intercity", "source.txt (clause 5)", "A – B": each part is judged alone.
        for part in PARTS.split(piece):
            part = part.strip(" ()·:,;*—–-")
            if part.endswith("…"):  # a record's text cut short
                part = part[:-1]
            part = NUMBER_PREFIX.sub("", part)  # "5,665 kWh/capita": a figure and a record's unit
            if part.lower() in kept:
                continue
            words = ENGLISH_WORD.findall(part)
            if words and all(word.lower() in months for word in words):
                continue  # a date, "14 April 2027": its month is the language's own word
            if ENGLISH_WORD.search(part) and part not in records and part not in NAMES:
                left.add(part)
    return sorted(left)


NUMBER_PREFIX = re.compile(r"^[\d.,\s%]+")
PARTS = re.compile(r" · |, |; |: | \(|\) | — | – ")


# Names that every language writes as English does.
NAMES = {"Intercity", "ANMC21", "API", "CSV", "PDF", "JSON", "XLSX", "iCalendar", "Atom", "GPC"}


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """The ANMC21 records and the demo data, loaded once for the module and rolled back after."""
    with django_db_blocker.unblock(), transaction.atomic():
        anmc21_load(actor=None)
        demo_load()
        indicator_demo_load()
        yield
        transaction.set_rollback(True)


def _first(model_label: str, **filters):
    return apps.get_model(model_label).objects.filter(**filters).order_by("pk").first()


def main_pages() -> list[str]:
    pages = [
        "/", "/cities/", "/cities/hanoi/", "/cities/hanoi/edit/", "/meetings/", "/meetings/new/",
        "/programmes/", "/agreements/", "/agreements/new/", "/organisations/", "/news/",
        "/declarations/", "/declarations/accountability/", "/declarations/import/",
        "/business/", "/business/events/", "/knowledge/", "/knowledge/new/", "/indicators/",
        "/indicators/dashboard/", "/indicators/compare/", "/indicators/city/tokyo/",
        "/solidarity/", "/solidarity/incidents/new/", "/search/?q=energy", "/search/?q=enrgy",
        "/my-work/", "/accounts/profile/",
    ]  # fmt: skip
    for label in (
        "meetings.Meeting",
        "programmes.Programme",
        "agreements.Agreement",
        "declarations.Declaration",
        "knowledge.KnowledgeItem",
        "organisations.Organisation",
        "solidarity.Incident",
    ):
        record = _first(label)
        if record is not None and hasattr(record, "get_absolute_url"):
            pages.append(record.get_absolute_url())
    event = _first("business.Event")
    if event is not None:
        pages += [f"/business/events/{event.pk}/", f"/business/events/{event.pk}/grid/"]
    return pages


@pytest.fixture
def secretariat_client(network, db, client):
    client.force_login(User.objects.filter(role=User.Role.SECRETARIAT).order_by("pk").first())
    return client


@pytest.fixture(scope="module")
def english():
    """English renders of the pages, made once for the module."""
    return {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_main_page_reads_whole_in_the_language(language, secretariat_client, english):
    records = record_text()
    kept = kept_as_english(language)
    months = month_names_as_english(language)
    failures = []
    for url in main_pages():
        joiner = "&" if "?" in url else "?"
        if url not in english:
            response = secretariat_client.get(f"{url}{joiner}hl=en")
            assert response.status_code == 200, url
            english[url] = visible(response.content.decode())[1]
        response = secretariat_client.get(f"{url}{joiner}hl={language}")
        assert response.status_code == 200, (url, language)
        page_language, pieces = visible(response.content.decode())
        assert page_language == language, (url, page_language)
        left = leftovers(english[url], pieces, records, kept, months)
        if left:
            failures.append(f"{url}: {left[:12]}")
    secretariat_client.get("/?hl=en")
    assert not failures, f"English left on {len(failures)} pages in {language}:\n" + "\n".join(
        failures
    )
