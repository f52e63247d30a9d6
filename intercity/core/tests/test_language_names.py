"""A language code is shown to a reader as the language's name, in the reader's language."""

import pytest
from django.utils import translation

from intercity.core.language_names import icu
from intercity.core.templatetags.languages import language_name


def test_a_platform_language_is_named_as_the_language_menu_names_it():
    with translation.override("en"):
        assert language_name("zh-hant") == "Traditional Chinese"
    with translation.override("ja"):
        assert language_name("ja") == "日本語"


@pytest.mark.skipif(icu is None, reason="PyICU is not installed")
def test_another_language_is_named_from_cldr_in_the_readers_language():
    with translation.override("en"):
        assert language_name("ar") == "Arabic"
    with translation.override("ja"):
        assert language_name("ar") == "アラビア語"


def test_an_unknown_or_missing_code_is_shown_as_it_is():
    with translation.override("en"):
        assert language_name("xyz") == "xyz"
        assert language_name("") == ""
        assert language_name(None) is None
