"""Every operation of the OpenAPI schema speaks the reader's language: its description and
summary, what each of its answers means and what each of its parameters is for.

The schema is read in English and in Vietnamese and the two asked to differ, so the check needs
no list of translations; what legitimately reads the same in both (codes, format names) is
listed here.
"""

# Texts that read the same in Vietnamese as in English: names of formats, which stay as written.
SAME_IN_BOTH = {
    "JSON",
    "CSV",
    "JSON Lines",
}


def _words(schema: dict) -> dict[tuple[str, ...], str]:
    """{(method, path, where): text} for every text an operation shows its reader."""
    words = {}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue  # a path's shared parameters, not an operation
            here = (method.upper(), path)
            for key in ("summary", "description"):
                if operation.get(key):
                    words[(*here, key)] = operation[key]
            for code, answer in operation["responses"].items():
                if answer.get("description"):
                    words[(*here, f"response {code}")] = answer["description"]
            for parameter in operation.get("parameters", []):
                if parameter.get("description"):
                    where = f"parameter {parameter['in']} {parameter['name']}"
                    words[(*here, where)] = parameter["description"]
    return words


def test_every_operation_describes_itself_in_the_readers_language(schemas):
    english, translated = (_words(schema) for schema in schemas)

    assert english.keys() == translated.keys()
    untranslated = [
        f"{' '.join(where)}: {text!r}"
        for where, text in sorted(english.items())
        if translated[where] == text and text not in SAME_IN_BOTH
    ]
    assert untranslated == []


def test_every_operation_has_a_description(schemas):
    english, _translated = schemas
    undescribed = [
        f"{method.upper()} {path}"
        for path, methods in english["paths"].items()
        for method, operation in methods.items()
        if isinstance(operation, dict) and not operation.get("description")
    ]
    assert undescribed == []
