"""Derives commitments from a parsed declaration's operative clauses (pure Python, no Django)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from intercity.declarations.parsing.cities import CityMatcher

_TITLE_LENGTH = 110
# Words that open an operative clause without saying what is promised.
_OPENING_WORDS = re.compile(
    r"^(?:to\s+|we\s+(?:will|shall|agree\s+to)\s+|(?:the\s+)?(?:member\s+)?cities\s+"
    r"(?:will|shall|agree\s+to)\s+|resolves?\s+to\s+|decides?\s+to\s+)",
    re.IGNORECASE,
)
# An introduction this short only announces its sub-items ("The cities agree to:").
_MIN_INTRO_WORDS = 8
_SENTENCE_STOP = re.compile(r"[.;:](?=\s)|[;:。；：]")
# The letters before a full stop, when they are one letter or letters joined by full stops.
_INITIALISM = re.compile(r"(?:^|[\s(\-–—/])(?:[^\W\d_]\.)*[^\W\d_]$")
_SMALL_WORDS = {"and", "the", "for", "with", "of", "in", "on", "to", "a", "an", "or", "des"}


@dataclass
class CommitmentDraft:
    """A commitment the clause makes, before it is stored."""

    clause_number: str | None
    clause_position: int
    subitem_label: str | None
    subitem_position: int | None  # among all the clause's sub-items
    title: str
    description: str
    named_cities: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    subitem_bullet: int | None = None  # among the clause's bullets only

    @property
    def reference(self) -> str:
        # As the stored commitment's: an unnumbered clause goes by its position.
        return sub_reference(
            self.clause_number or str(self.clause_position),
            self.subitem_label,
            self.subitem_bullet,
        )


# Marks the place of a sub-item printed with a bullet, not a letter or number of its own.
BULLET = "•"


def sub_reference(number: str, label: str | None, bullet: int | None = None) -> str:
    """A sub-item's reference after its clause's number: "3b", but "2(1)" for a numbered
    sub-item, which joined as "21" would read as clause 21.

    A bulleted sub-item has no label to cite, so it goes by its place among the clause's
    bullets (see ``bullet_places``): the third bullet of clause 12 is "12(•3)", of clause
    "II.1" "II.1(•3)". Its place comes from the text alone, so the same text imported again
    gives the same references, and the bracket keeps "12(•3)" apart from every lettered or
    numbered reference.
    """
    if not label:
        return f"{number}({BULLET}{bullet})" if bullet else number
    return f"{number}({label})" if label[:1].isdigit() and number[-1:].isdigit() else number + label


def bullet_places(labels: Iterable[str | None]) -> list[int | None]:
    """Each sub-item's place among its clause's bullets, None for one with a label.

    Bullets are counted among bullets only, as letters are among letters: in a list of
    "a)", "b)", "•", "•" the bullets are the first and the second, "12(•1)" and "12(•2)".
    """
    places: list[int | None] = []
    count = 0
    for label in labels:
        if label:
            places.append(None)
        else:
            count += 1
            places.append(count)
    return places


def short_title(text: str, *, limit: int = _TITLE_LENGTH) -> str:
    """A title for a promise: its first sentence without the "to …" opening, shortened."""
    text = " ".join((text or "").split())
    text = _OPENING_WORDS.sub("", text, count=1)
    first = _first_sentence(text).rstrip(" ,.;:")
    if len(first) > limit:
        cut = first[: limit - 1]
        first = (cut.rsplit(" ", 1)[0] if " " in cut[20:] else cut).rstrip(" ,.;:") + "…"
    if not first:
        return ""
    return first[0].upper() + first[1:]


def _first_sentence(text: str) -> str:
    """The text up to its first full stop, semicolon or colon; the stop after an initial or
    initialism ("Joseph R. Biden", "the U.S. and Japan", "พ.ศ. 2570") ends no sentence."""
    for stop in _SENTENCE_STOP.finditer(text):
        if stop.group() == "." and _INITIALISM.search(text, 0, stop.start()):
            continue
        return text[: stop.start()]
    return text


def matching_themes(text: str, themes: Iterable[tuple[str, str]]) -> list[str]:
    """Slugs of the themes whose every significant word appears in the text."""
    folded = (text or "").casefold()
    found = []
    for slug, name in themes:
        words = [w for w in re.findall(r"\w[\w-]*", name.casefold()) if w not in _SMALL_WORDS]
        if words and all(_stem(word) in folded for word in words):
            found.append(slug)
    return found


def _stem(word: str) -> str:
    # "universities" should match "university"; a crude cut is enough for theme hints.
    return word[:-3] if len(word) > 6 and word.endswith("ies") else word.rstrip("s")


def derive_commitments(
    clauses: Sequence[Mapping[str, Any]],
    *,
    known_cities: Iterable[str] = (),
    themes: Iterable[tuple[str, str]] = (),
    initiatives: Iterable[str] = (),
) -> list[CommitmentDraft]:
    """One commitment per sub-item, plus one for a clause that promises something itself.

    ``clauses`` are the parser's clause dictionaries. Cities named in a commitment's text
    become its responsible cities; otherwise the caller assigns all members.
    """
    matcher = CityMatcher(known_cities)
    theme_list = list(themes)
    initiative_list = [name for name in initiatives if name]
    drafts: list[CommitmentDraft] = []
    for position, clause in enumerate(clauses, start=1):
        number = clause.get("number")
        subitems = clause.get("subitems") or []
        intro = clause.get("intro") or ""
        if not subitems or len(intro.split()) >= _MIN_INTRO_WORDS:
            text = intro if subitems else clause.get("text") or ""
            drafts.append(
                _draft(number, position, None, None, text, matcher, theme_list, initiative_list)
            )
        bullets = bullet_places(item.get("label") for item in subitems)
        for sub_position, (item, bullet) in enumerate(zip(subitems, bullets, strict=True), 1):
            draft = _draft(
                number,
                position,
                item.get("label"),
                sub_position,
                item.get("text") or "",
                matcher,
                theme_list,
                initiative_list,
            )
            draft.subitem_bullet = bullet
            drafts.append(draft)
    return [draft for draft in drafts if draft.title]


def _draft(number, position, label, sub_position, text, matcher, themes, initiatives):
    named = [name for _, name in matcher.mentions(text)] if matcher else []
    folded = text.casefold()
    return CommitmentDraft(
        clause_number=number,
        clause_position=position,
        subitem_label=label,
        subitem_position=sub_position,
        title=short_title(text),
        description=" ".join(text.split()),
        named_cities=list(dict.fromkeys(named)),
        themes=matching_themes(text, themes),
        initiatives=[name for name in initiatives if name.casefold() in folded],
    )
