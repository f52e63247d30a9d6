"""Every resource of the API describes itself, and labels and explains its fields, in the
reader's language: the description its viewset declares for readers, and the label and help
text of every field of every serializer its app declares.

Each check reads a page in English and in Vietnamese and asks that the two differ, so it needs
no list of translations; what legitimately reads the same in both (codes, borrowed words) is
listed here.
"""

import importlib
import inspect
import re

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape
from rest_framework import serializers

from intercity.api.urls import router
from intercity.solidarity.api import IncidentViewSet
from intercity.solidarity.serializers import IncidentWriteSerializer

LANGUAGE = "vi"

# Labels and help texts that read the same in Vietnamese as in English.
SAME_IN_BOTH = {
    "ID",  # Django's own label for a record's number
    "Slug",  # the site's Vietnamese keeps the word
    "Web",  # a CAP message's web address, as the standard names it
    "JSON Lines",  # the name of a format
}
SAME_PATTERNS = (
    # An import's upload: its columns are the table's own headings, which stay as written.
    re.compile(r"CSV \(UTF-8\): [\w ,\[\]]*\."),
)


def _same_allowed(text: str) -> bool:
    return text in SAME_IN_BOTH or any(pattern.fullmatch(text) for pattern in SAME_PATTERNS)


def _address(basename: str, viewset) -> str:
    """The list's address, or a record's for a resource that has no list."""
    try:
        return reverse(f"api-v1:{basename}-list")
    except NoReverseMatch:
        kwarg = viewset.lookup_url_kwarg or viewset.lookup_field
        return reverse(f"api-v1:{basename}-detail", kwargs={kwarg: "1"})


RESOURCES = [
    pytest.param(basename, viewset, id=prefix) for prefix, viewset, basename in router.registry
]


def _field_words(fields: dict, path: str = "") -> dict[tuple[str, str], str]:
    """{(field path, "label" or "help_text"): text} for the fields of an OPTIONS answer."""
    words = {}
    for name, info in fields.items():
        here = f"{path}{name}"
        for key in ("label", "help_text"):
            if info.get(key):
                words[(here, key)] = info[key]
        if "children" in info:
            words |= _field_words(info["children"], f"{here}.")
        if "child" in info:
            words |= _field_words({"[]": info["child"]}, here)
    return words


def _untranslated(english: dict, translated: dict) -> list[str]:
    return [
        f"{where}: {text!r}"
        for where, text in english.items()
        if translated.get(where) == text and not _same_allowed(text)
    ]


@pytest.mark.parametrize(("basename", "viewset"), RESOURCES)
def test_options_describe_the_resource_and_its_form_in_the_readers_language(
    api_as, cast, basename, viewset
):
    client = api_as("secretariat")
    address = _address(basename, viewset)

    # OPTIONS sends its data as a body: the language goes in the address.
    english = client.options(f"{address}?hl=en")
    translated = client.options(f"{address}?hl={LANGUAGE}")

    assert english.status_code == translated.status_code == 200
    english, translated = english.json(), translated.json()
    assert english["description"], "the resource declares no description for readers"
    assert translated["description"] != english["description"]
    assert translated["name"] != english["name"] or _same_allowed(english["name"])
    english_fields, translated_fields = {}, {}
    for method, fields in english.get("actions", {}).items():
        english_fields |= _field_words(fields, f"{method} ")
        translated_fields |= _field_words(translated["actions"][method], f"{method} ")
    assert _untranslated(english_fields, translated_fields) == []


def _apps_serializers():
    """Every serializer class the apps behind the router declare in their serializers.py."""
    modules = {viewset.__module__.rpartition(".")[0] for _, viewset, _ in router.registry}
    found = []
    for name in sorted(modules):
        module = importlib.import_module(f"{name}.serializers")
        found += [
            pytest.param(cls, id=f"{name.rpartition('.')[2]}.{cls.__name__}")
            for cls in vars(module).values()
            if inspect.isclass(cls)
            and issubclass(cls, serializers.Serializer)
            and cls.__module__ == module.__name__
        ]
    return found


def _serializer_words(serializer_class, language: str) -> dict[tuple[str, str], str]:
    with translation.override(language):
        words = {}
        for name, field in serializer_class().fields.items():
            # A list's items: a nested serializer is checked as a class of its own.
            child = getattr(field, "child", None)
            parts = [(name, field)]
            if child is not None and not isinstance(child, serializers.BaseSerializer):
                parts.append((f"{name}[]", child))
            for where, part in parts:
                for key in ("label", "help_text"):
                    if text := str(getattr(part, key) or ""):
                        words[(where, key)] = text
        return words


@pytest.mark.parametrize("serializer_class", _apps_serializers())
def test_every_field_of_every_serializer_is_labelled_in_the_readers_language(serializer_class):
    english = _serializer_words(serializer_class, "en")
    translated = _serializer_words(serializer_class, LANGUAGE)

    assert _untranslated(english, translated) == []


def test_the_browsable_api_describes_and_explains_the_incident_form_in_the_readers_language(
    api_as, cast
):
    client = api_as("secretariat")
    address = reverse("api-v1:incident-list")
    with translation.override("en"):
        description = str(IncidentViewSet.reader_description)
        field = IncidentWriteSerializer().fields["reported_by_city"]
        words = [description, str(field.label), str(field.help_text)]

    english = client.get(address, {"hl": "en"}, HTTP_ACCEPT="text/html").content.decode()
    translated = client.get(address, {"hl": LANGUAGE}, HTTP_ACCEPT="text/html").content.decode()

    for text in words:
        assert escape(text) in english
        assert escape(text) not in translated
    assert "Reported by city" not in english + translated  # the label its field name gave it


def test_the_schema_describes_each_list_in_the_readers_language(client, db):
    def descriptions(language: str) -> dict[str, str]:
        answer = client.get(reverse("api-schema"), {"lang": language, "format": "json"})
        paths = answer.json()["paths"]
        return {path: paths[path]["get"]["description"] for path in _list_paths()}

    english, translated = descriptions("en"), descriptions(LANGUAGE)

    assert [path for path in english if english[path] == translated[path]] == []
    with translation.override("en"):
        assert english["/api/v1/incidents/"] == str(IncidentViewSet.reader_description)


def _list_paths() -> list[str]:
    paths = []
    for _prefix, _viewset, basename in router.registry:
        try:
            paths.append(reverse(f"api-v1:{basename}-list"))
        except NoReverseMatch:
            continue
    return paths
