"""Country and language names in the reader's language, from the CLDR data ICU carries offline."""

from __future__ import annotations

try:
    import icu
except ImportError:  # without ICU every country keeps the name it was entered with
    icu = None


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
    name = icu.Locale("", code).getDisplayCountry(_locale(language))
    return name if name and name.upper() != code else None


def _locale(language: str):
    base, _, script = language.partition("-")
    return icu.Locale(f"{base}_{script.title()}" if script else base)


def language_names_in(codes: list[str], language: str) -> list[str]:
    """The languages of `codes` (ISO 639, as gazetteers give them) named in `language`, in
    their order and each name once ("cmn" and "zh" are both Chinese). A code CLDR does not
    name, or every code when ICU is missing, is shown as it is."""
    names: list[str] = []
    for code in codes:
        name = code
        if icu is not None and code and code.replace("-", "").isalpha():
            name = icu.Locale(code.replace("-", "_")).getDisplayName(_locale(language)) or code
        if name not in names:
            names.append(name)
    return names
