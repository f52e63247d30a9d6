"""Language names in the reader's language, from the CLDR data that ICU carries offline."""

from __future__ import annotations

try:
    import icu
except ImportError:  # without ICU every code is shown as it is
    icu = None


def locale_for(language: str):
    """ICU's locale for a platform language code such as "ja" or "zh-hant"."""
    base, _, script = language.partition("-")
    return icu.Locale(f"{base}_{script.title()}" if script else base)


def language_names_in(codes: list[str], language: str) -> list[str]:
    """The languages of `codes` (ISO 639, as gazetteers and parsers give them) named in
    `language`, in their order and each name once ("cmn" and "zh" are both Chinese). A code
    CLDR does not name, or every code when ICU is missing, is shown as it is."""
    names: list[str] = []
    for code in codes:
        name = code
        if icu is not None and code and code.replace("-", "").isalpha():
            name = icu.Locale(code.replace("-", "_")).getDisplayName(locale_for(language)) or code
        if name not in names:
            names.append(name)
    return names
