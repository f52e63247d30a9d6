"""Every interface language has a complete catalogue: nothing missing, fuzzy or empty, placeholders
kept, plural forms right, the network's terms as the glossary gives them."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings

from intercity.core.catalogue_quality import catalogue_problems, entry_problems, glossary
from intercity.core.management.commands.checkcatalogues import stale_catalogues

LOCALE = Path(settings.LOCALE_PATHS[0])
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLURAL_FORMS = {"ru": 4, "fil": 2, "hi": 2, "mn": 2}


def _po(code: str) -> polib.POFile:
    folder = code.replace("-hant", "_Hant")
    return polib.pofile(str(LOCALE / folder / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete_and_keeps_placeholders_and_glossary_terms(code):
    po = _po(code)
    problems = catalogue_problems(po, code, glossary())
    assert not problems, f"{len(problems)} problems in {code}, e.g.:\n" + "\n".join(
        str(problem) for problem in problems[:15]
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_declares_the_plural_forms_of_its_language(code):
    plural_forms = _po(code).metadata["Plural-Forms"]
    assert f"nplurals={PLURAL_FORMS.get(code, 1)};" in plural_forms.replace(" ", "")


def test_every_catalogue_holds_the_same_msgids():
    reference = {entry.msgid for entry in _po("ja") if not entry.obsolete}
    for code in LANGUAGES:
        assert {entry.msgid for entry in _po(code) if not entry.obsolete} == reference, code


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) not installed")
def test_no_catalogue_is_stale_against_the_code():
    assert stale_catalogues(LOCALE) == {}, "run makemessages and translate the new msgids"


def _entry(msgid, msgstr, **extra):
    return polib.POEntry(msgid=msgid, msgstr=msgstr, **extra)


def test_the_checks_catch_what_a_reader_would_suffer():
    terms = glossary()
    lost = _entry("Hello %(name)s, see <a href='%(url)s'>this</a>.", "Xin chào, xem <a>đây</a>.")
    kinds = {problem.kind for problem in entry_problems(lost, "vi", 1, terms)}
    assert kinds == {"placeholder"}
    assert entry_problems(_entry("Status", ""), "vi", 1, terms)[0].kind == "empty"
    fuzzy = _entry("Status", "Trạng thái", flags=["fuzzy"])
    assert [p.kind for p in entry_problems(fuzzy, "vi", 1, terms)] == ["fuzzy"]
    off_glossary = _entry("Declarations", "Văn kiện")
    assert [p.kind for p in entry_problems(off_glossary, "vi", 1, terms)] == ["glossary"]
    assert entry_problems(_entry("Declarations", "Các tuyên bố"), "vi", 1, terms) == []
    # An inflected language is matched by stems: the genitive plural still carries the term.
    assert entry_problems(_entry("Pledges", "Тусламжийн амлалтууд"), "mn", 2, terms) == []
    plural = polib.POEntry(
        msgid="%(count)d clause",
        msgid_plural="%(count)d clauses",
        msgstr_plural={0: "%(count)d пункт", 1: "%(count)d пункта"},
    )
    assert [p.kind for p in entry_problems(plural, "ru", 4, terms)] == ["plural"]
