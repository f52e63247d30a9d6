"""What makes a translation catalogue fit to ship: every entry translated, placeholders kept, the
network's terms used as the glossary gives them. Pure functions over polib entries, no Django."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.csv"

# %(name)s, %s, %d, %%, {0}, {name}, and HTML tags: all must come through a translation unchanged.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrx]|%[sdifr%]|\{[\w.]*\}|<[^>]+>")

# Languages whose nouns change form (case, affixes): a term is found by the stem of each word.
INFLECTED = {"ru", "mn", "fil", "hi", "id", "ms"}
# Terms whose English word is unambiguous enough to check in short labels; "need", "offer",
# "target", "break" and the like are ordinary English words in other messages too.
CHECKED_TERMS = {
    "plenary-meeting", "focal-point", "declaration", "commitment", "progress-report",
    "accountability-matrix", "joint-project", "pilot-programme", "agreement", "pledge",
    "knowledge-item", "business-meeting", "trade-fair", "indicator", "secretariat",
    "member-city", "host-city",
}  # fmt: skip
SHORT_LABEL_WORDS = 4


@dataclass(frozen=True)
class Problem:
    msgid: str
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.kind}] {self.msgid!r}: {self.detail}"


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


def glossary(path: Path = GLOSSARY) -> dict[str, dict[str, str]]:
    """Term key -> language code -> term, as docs/glossary.csv gives it."""
    with path.open(encoding="utf-8") as handle:
        return {row.pop("term"): row for row in csv.DictReader(handle)}


def _language(code: str) -> str:
    return code.replace("_", "-").lower()


def _stems(term: str) -> list[str]:
    return [word[: max(3, len(word) - 3)].lower() for word in re.split(r"[\s-]+", term) if word]


def _contains_term(text: str, term: str, language: str) -> bool:
    text = text.lower()
    if language in INFLECTED:
        return all(stem in text for stem in _stems(term))
    return term.lower() in text


def _translations(entry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def entry_problems(entry, language: str, nplurals: int, terms=None) -> list[Problem]:
    """Everything wrong with one catalogue entry in `language`."""
    language = _language(language)
    problems = []
    if "fuzzy" in entry.flags:
        problems.append(Problem(entry.msgid, "fuzzy", "marked fuzzy"))
    translations = _translations(entry)
    if entry.msgid_plural and len(translations) != nplurals:
        problems.append(
            Problem(entry.msgid, "plural", f"{len(translations)} forms, {nplurals} expected")
        )
    if any(not text.strip() for text in translations) or not translations:
        problems.append(Problem(entry.msgid, "empty", "no translation"))
        return problems
    expected = placeholders(entry.msgid)
    expected_plural = placeholders(entry.msgid_plural) if entry.msgid_plural else expected
    for index, text in enumerate(translations):
        found = placeholders(text)
        # A one-form language may use the plural's placeholders; a singular form may drop the
        # count ("one item") as English does, but never invent a placeholder.
        allowed = [expected, expected_plural]
        if found not in allowed and not (
            entry.msgid_plural and index == 0 and nplurals > 1 and found <= expected_plural
        ):
            problems.append(
                Problem(
                    entry.msgid,
                    "placeholder",
                    f"form {index} has {sorted(found.elements())}, "
                    f"expected {sorted(expected_plural.elements())}",
                )
            )
    if terms:
        problems += glossary_problems(entry, language, translations, terms)
    return problems


def glossary_problems(entry, language, translations, terms) -> list[Problem]:
    words = re.findall(r"[A-Za-z]+", PLACEHOLDER.sub(" ", entry.msgid))
    if not words or len(words) > SHORT_LABEL_WORDS:
        return []
    problems = []
    label = " ".join(words).lower()
    for key in CHECKED_TERMS:
        row = terms.get(key)
        if not row or not row.get(language):
            continue
        english = row["en"].lower()
        if not re.search(rf"\b{re.escape(english)}(s|es)?\b", label):
            continue
        if not any(_contains_term(text, row[language], language) for text in translations):
            problems.append(
                Problem(entry.msgid, "glossary", f"“{row['en']}” should be “{row[language]}”")
            )
    return problems


def catalogue_problems(po, language: str, terms=None) -> list[Problem]:
    """Every problem in a polib catalogue (obsolete entries aside)."""
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", "")).group(1))
    problems = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        problems += entry_problems(entry, language, nplurals, terms)
    return problems
