"""Ranking of cooperation counterparts: complementarity, sector, text similarity, other city.

Pure Python (no Django), so the scoring can be tested and tuned on its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STOP_WORDS = frozenset(
    "and the for with from that this are our its into who seek seeks offer offers "
    "partner partners looking".split()
)
# Weights of the four reasons; text similarity is in [0, 1] and scaled by its weight.
WEIGHTS = {"complement": 3.0, "sector": 1.0, "text": 2.0, "other_city": 0.5}


@dataclass(frozen=True)
class Candidate:
    key: int
    name: str
    city: str
    sector: str
    offers_text: str
    seeks_text: str
    # (direction, kind, title) of the candidate's open opportunities.
    opportunities: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why a counterpart was suggested: a code and its values, put into words (and into the
    reader's language) by the caller; str() gives plain English."""

    code: str  # "complement", "sector", "text" or "other_city"
    values: tuple[tuple[str, str], ...]

    ENGLISH = {
        "complement": "their {their_direction} “{theirs}” answers your {my_direction} “{mine}”",
        "sector": "same sector: {sector}",
        "text": "text similarity {score} (shared words: {words})",
        "other_city": "a partner in another member city: {city}",
    }

    def __str__(self) -> str:
        return self.ENGLISH[self.code].format(**dict(self.values))


def _reason(code: str, **values: str) -> Reason:
    return Reason(code, tuple(values.items()))


@dataclass
class Suggestion:
    key: int
    name: str
    score: float
    reasons: list[Reason] = field(default_factory=list)


def tokens(text: str) -> list[str]:
    return [w for w in (m.group().lower() for m in WORD.finditer(text)) if w not in STOP_WORDS]


def tf_idf_vectors(documents: list[str]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (smoothed idf) of the documents."""
    counted = [Counter(tokens(text)) for text in documents]
    frequency: Counter[str] = Counter()
    for counts in counted:
        frequency.update(counts.keys())
    total = len(documents)
    vectors = []
    for counts in counted:
        vector = {
            word: count * (math.log((1 + total) / (1 + frequency[word])) + 1)
            for word, count in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values()))
        vectors.append({w: v / norm for w, v in vector.items()} if norm else {})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


# Kinds that answer each other: a seller meets a buyer, the rest meet the same kind.
COUNTERPART_KIND = {"trade_buy": "trade_sell", "trade_sell": "trade_buy"}


def complements(mine: tuple[str, str, str], theirs: tuple[str, str, str]) -> bool:
    my_direction, my_kind, _ = mine
    their_direction, their_kind, _ = theirs
    if my_kind in COUNTERPART_KIND:
        return their_kind == COUNTERPART_KIND[my_kind]
    return my_direction != their_direction and my_kind == their_kind


def rank(subject: Candidate, others: list[Candidate], *, limit: int = 20) -> list[Suggestion]:
    """Counterparts for `subject`, best first, each with the reasons it was suggested."""
    # What I seek against what they offer, and what I offer against what they seek.
    documents = [subject.seeks_text, subject.offers_text]
    for other in others:
        documents.extend([other.offers_text, other.seeks_text])
    vectors = tf_idf_vectors(documents)
    my_seeks, my_offers = vectors[0], vectors[1]
    suggestions = []
    for index, other in enumerate(others):
        if other.key == subject.key:
            continue
        their_offers, their_seeks = vectors[2 + 2 * index], vectors[3 + 2 * index]
        score = 0.0
        reasons: list[Reason] = []
        for mine in subject.opportunities:
            match = next((t for t in other.opportunities if complements(mine, t)), None)
            if match is not None:
                score += WEIGHTS["complement"]
                reasons.append(
                    _reason(
                        "complement",
                        their_direction=match[0],
                        theirs=match[2],
                        my_direction=mine[0],
                        mine=mine[2],
                    )
                )
                break
        if subject.sector and subject.sector == other.sector:
            score += WEIGHTS["sector"]
            reasons.append(_reason("sector", sector=other.sector))
        similarity = max(cosine(my_seeks, their_offers), cosine(my_offers, their_seeks))
        if similarity >= 0.05:
            score += WEIGHTS["text"] * similarity
            shared = sorted(
                (set(my_seeks) & set(their_offers)) | (set(my_offers) & set(their_seeks))
            )[:5]
            reasons.append(_reason("text", score=f"{similarity:.2f}", words=", ".join(shared)))
        if score > 0 and other.city != subject.city:
            score += WEIGHTS["other_city"]
            reasons.append(_reason("other_city", city=other.city))
        if score > 0:
            suggestions.append(Suggestion(other.key, other.name, round(score, 3), reasons))
    suggestions.sort(key=lambda s: (-s.score, s.name))
    return suggestions[:limit]
