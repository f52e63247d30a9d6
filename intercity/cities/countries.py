"""Country names in the reader's language, from the CLDR data that ICU carries offline."""

from __future__ import annotations

from intercity.core.language_names import icu, language_names_in, locale_for

__all__ = ["country_name_in", "icu", "language_names_in"]


def _user_assigned(code: str) -> bool:
    """ISO 3166 codes left for private use, which CLDR names as placeholders ("Unknown
    Region"); Kosovo's XK is the one in common use and CLDR names it."""
    return code == "AA" or code == "ZZ" or "QM" <= code <= "QZ" or (code[0] == "X" and code != "XK")


def country_name_in(code: str, language: str) -> str | None:
    """The country's name in `language` (a platform language code such as "ja" or
    "zh-hant"), or None when ICU is missing or does not know the code."""
    code = (code or "").upper()
    if icu is None or len(code) != 2 or not code.isalpha() or _user_assigned(code):
        return None
    name = icu.Locale("", code).getDisplayCountry(locale_for(language))
    return name if name and name.upper() != code else None
