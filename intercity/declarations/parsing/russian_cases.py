"""The forms a Russian city name takes in the grammatical cases ("Сеул": Сеула, Сеулу, Сеуле).

Russian declines a foreign city's name by its last letter: a consonant takes the masculine
endings (Бангкока), -а and -я the feminine ones (Джакарты), -й and -ь drop it first (Ханоя);
a name ending in another vowel does not decline (Токио, Нью-Дели). Only the last word of a
name declines ("Улан-Батора", "Метро Манилы"). Adjectives made from a name (Томская,
Ханойской) are other words, and are not among the forms.
"""

import re

_CONSONANTS = "бвгджзклмнпрстфхцчшщ"
# After these, -ы is written -и and -ом after a hissing sound is -ем.
_VELAR_OR_HISSING = "гкхжшчщ"
_HISSING = "жшчщц"
# Letters of Mongolian Cyrillic that Russian lacks: such a name is not declined the Russian way.
_NOT_RUSSIAN = "өүӨҮ"
_SHORTEST_STEM = 2
_LAST_WORD_RE = re.compile(r"[а-яё]+$", re.IGNORECASE)


def _endings(word: str) -> tuple[str, tuple[str, ...]]:
    """The stem of the word and the endings of its genitive, dative, instrumental and
    prepositional (the accusative of a place is its nominative, or the dative's -у/-ю)."""
    last = word[-1].lower()
    if last in _CONSONANTS:
        return word, ("а", "у", "ем" if last in _HISSING else "ом", "е")
    stem, before = word[:-1], word[-2:-1].lower()
    if last == "й":
        return stem, ("я", "ю", "ем", "е")
    if last == "ь":
        return stem, ("я", "ю", "ем", "е", "и", "ью")
    if last == "а":
        return stem, ("и" if before in _VELAR_OR_HISSING else "ы", "е", "у", "ой", "ою")
    if last == "я":
        return stem, ("и", "е", "ю", "ей", "ею")
    return word, ()


def case_forms(name: str) -> list[str]:
    """The name in the other cases, without the name as given; none for a name that is not
    Cyrillic or does not decline."""
    word = _LAST_WORD_RE.search(name)
    if word is None or any(ch in _NOT_RUSSIAN for ch in name):
        return []
    stem, endings = _endings(word.group(0))
    if len(stem) < _SHORTEST_STEM:
        return []
    head = name[: word.start()]
    return [head + stem + ending for ending in endings]
