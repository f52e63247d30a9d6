"""The OpenAPI schema's own title and description, and what it says of each kind of object it
names (its components) and of each of their fields, are in the reader's language.

The schema is read in English and in Vietnamese and the two asked to differ, as in
test_operation_words; what legitimately reads the same in both is listed here.
"""

import re

# Texts that read the same in Vietnamese as in English: names of formats, which stay as written.
SAME_IN_BOTH = {
    "JSON",
    "CSV",
    "JSON Lines",
}
SAME_PATTERNS = (
    # An import's upload: its columns are the table's own headings, which stay as written.
    re.compile(r"CSV \(UTF-8\): [\w ,\[\]]*\."),
)


def _same_allowed(text: str) -> bool:
    return text in SAME_IN_BOTH or any(pattern.fullmatch(text) for pattern in SAME_PATTERNS)


def _property_words(name: str, properties: dict) -> dict[tuple[str, ...], str]:
    words = {}
    for field, info in properties.items():
        if info.get("description"):
            words[(name, field)] = info["description"]
        for child, child_info in info.get("properties", {}).items():
            if child_info.get("description"):
                words[(name, f"{field}.{child}")] = child_info["description"]
        items = info.get("items", {})
        for child, child_info in items.get("properties", {}).items():
            if child_info.get("description"):
                words[(name, f"{field}[].{child}")] = child_info["description"]
    return words


def _words(schema: dict) -> dict[tuple[str, ...], str]:
    """{(where, …): text} for the schema's title and description and every component's
    description and field descriptions."""
    words = {("info", key): schema["info"][key] for key in ("title", "description")}
    for name, component in schema["components"]["schemas"].items():
        if component.get("description"):
            words[(name, "description")] = component["description"]
        words |= _property_words(name, component.get("properties", {}))
    for name, scheme in schema["components"].get("securitySchemes", {}).items():
        if scheme.get("description"):
            words[("securityScheme", name)] = scheme["description"]
    return words


def test_the_schema_names_and_describes_itself_in_the_readers_language(schemas):
    english, translated = schemas

    for key in ("title", "description"):
        assert english["info"][key]
        assert translated["info"][key] != english["info"][key]


def test_every_component_and_field_describes_itself_in_the_readers_language(schemas):
    english, translated = (_words(schema) for schema in schemas)

    assert english.keys() == translated.keys()
    untranslated = [
        f"{' '.join(where)}: {text!r}"
        for where, text in sorted(english.items())
        if translated[where] == text and not _same_allowed(text)
    ]
    assert untranslated == []
