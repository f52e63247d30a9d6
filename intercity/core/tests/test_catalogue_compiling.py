"""Catalogues compile to .mo in Python: a machine without GNU gettext serves translations."""

import gettext

from intercity.core.management.commands.compilecatalogues import compile_catalogues

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"

msgid "Cities"
msgstr "都市"

#, fuzzy
msgid "Themes"
msgstr "テーマ"

msgid "Untranslated"
msgstr ""
"""


def test_compiled_catalogue_is_read_by_gettext_and_leaves_out_fuzzy_entries(tmp_path):
    messages = tmp_path / "ja" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "django.po").write_text(PO, encoding="utf-8")

    written = compile_catalogues([tmp_path])

    assert written == [messages / "django.mo"]
    with open(messages / "django.mo", "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.gettext("Cities") == "都市"
    assert catalogue.gettext("Themes") == "Themes"
    assert catalogue.gettext("Untranslated") == "Untranslated"
    assert compile_catalogues([tmp_path]) == [], "an up-to-date .mo is not rewritten"
