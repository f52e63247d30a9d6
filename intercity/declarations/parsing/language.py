"""Guesses a text's language (ISO 639-1) from its scripts and its commonest words."""

import re
from collections import Counter

# Enough text to be sure of the language without reading a whole long document.
_SAMPLE_LENGTH = 50_000
# A Han, kana or hangul character carries about as much text as this many Latin letters.
_CJK_WEIGHT = 2.5
# A language counts as present when it has at least this share of the text.
_PRESENT_SHARE = 0.15

_WORD_RE = re.compile(r"[^\W\d_]+")
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "for", "with", "on", "we", "our", "by", "that"},
    "de": {"der", "die", "das", "und", "für", "mit", "von", "wir", "den", "zu", "im", "des"},
    "fr": {"le", "la", "les", "et", "des", "du", "pour", "nous", "dans", "une", "sur", "en"},
    "es": {"el", "la", "los", "las", "y", "del", "para", "con", "nosotros", "una", "en", "por"},
    "pt": {"o", "os", "as", "e", "do", "da", "para", "com", "nós", "uma", "em", "dos"},
    "it": {"il", "gli", "e", "della", "per", "con", "noi", "una", "nel", "delle", "che", "di"},
    "id": {"dan", "yang", "untuk", "dengan", "kami", "dari", "ini", "dalam", "kota", "pada"},
    "vi": {"và", "của", "các", "thành", "phố", "cho", "với", "những", "trong", "được", "về"},
    "nl": {"de", "het", "en", "van", "voor", "met", "wij", "een", "in", "op", "te", "steden"},
    "tl": {"ang", "ng", "mga", "sa", "na", "ay", "at", "ito", "kanyang", "bawat", "para"},
    # Malay shares most of its common words with Indonesian; these spellings are its own.
    "ms": {
        "bahawa",
        "bahawasanya",
        "kerana",
        "hendaklah",
        "sebarang",
        "ialah",
        "boleh",
        "sesuatu",
        "bandar",
        "perisytiharan",
        "mengisytiharkan",
    },
}


# Letters of each script, counted with one regex each so that counting runs at C speed.
_SCRIPT_RES = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"),
    "kana": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]"),
    "han": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "thai": re.compile(r"[\u0e00-\u0e7f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
    "devanagari": re.compile(r"[\u0900-\u097f]"),
    "myanmar": re.compile(r"[\u1000-\u109f]"),
    "greek": re.compile(r"[\u0370-\u03ff]"),
}
_NOT_LATIN_RE = re.compile(r"[^A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")


_SCRIPT_LANGUAGE = {
    "hangul": "ko",
    "thai": "th",
    "cyrillic": "ru",
    "arabic": "ar",
    "devanagari": "hi",
    "myanmar": "my",
    "greek": "el",
}
# Letters Mongolian adds to the Cyrillic alphabet; Russian has neither.
_MONGOLIAN_LETTERS_RE = re.compile(r"[өүӨҮ]")
# Share of a Cyrillic text's letters above which it is Mongolian (they are some 5 % of
# Mongolian letters).
_MONGOLIAN_SHARE = 0.01


def _latin_language(sample: str) -> str:
    counts: Counter[str] = Counter()
    for word in _WORD_RE.findall(sample.lower()):
        for language, words in _STOPWORDS.items():
            if word in words:
                counts[language] += 1
    # Vietnamese letters with stacked marks appear in no other language here.
    vietnamese_letters = sum(1 for ch in sample if "\u1ea0" <= ch <= "\u1ef9" or ch in "ơưđƠƯĐ")
    counts["vi"] += vietnamese_letters // 3
    if not counts:
        return "en"
    language = counts.most_common(1)[0][0]
    if language == "id" and counts["ms"] > _indonesian_spellings(sample):
        # Malay is told from Indonesian by its own spellings ("bahawa", not "bahwa").
        return "ms"
    return language


_INDONESIAN_SPELLINGS = {"bahwa", "karena", "tersebut", "dapat", "bisa"}


def _indonesian_spellings(sample: str) -> int:
    """How many words of the sample are spelt the Indonesian way, not the Malay way."""
    return sum(1 for word in _WORD_RE.findall(sample.lower()) if word in _INDONESIAN_SPELLINGS)


def language_shares(text: str) -> list[tuple[str, float]]:
    """Languages found in the text with their share of it, largest first."""
    sample = text[:_SAMPLE_LENGTH]
    weights: dict[str, float] = {}
    for script, pattern in _SCRIPT_RES.items():
        count = len(pattern.findall(sample))
        if count:
            cjk = script in ("kana", "han", "hangul")
            weights[script] = count * (_CJK_WEIGHT if cjk else 1.0)
    total = sum(weights.values())
    if not total:
        return []
    by_language: Counter[str] = Counter()
    for script, weight in weights.items():
        if script == "latin":
            # Keep the words' separators so that stopwords are still words.
            by_language[_latin_language(_NOT_LATIN_RE.sub(" ", sample))] += weight
        elif script in ("kana", "han"):
            # Han characters alone are Chinese; with any kana they are Japanese.
            by_language["ja" if "kana" in weights else "zh"] += weight
        elif script == "cyrillic":
            mongolian = len(_MONGOLIAN_LETTERS_RE.findall(sample))
            by_language["mn" if mongolian > _MONGOLIAN_SHARE * weight else "ru"] += weight
        else:
            by_language[_SCRIPT_LANGUAGE.get(script, "und")] += weight
    return [(language, weight / total) for language, weight in by_language.most_common()]


def guess_languages(text: str) -> tuple[str | None, list[str]]:
    """The main language and every language with a real share of the text."""
    shares = language_shares(text)
    if not shares:
        return None, []
    present = [language for language, share in shares if share >= _PRESENT_SHARE]
    return shares[0][0], present or [shares[0][0]]
