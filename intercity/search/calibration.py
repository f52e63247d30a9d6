"""Estimating the language subspace from the interface catalogues, and choosing its rank.

The catalogues are parallel text written for the platform in all 13 languages,
so they are the calibration corpus: no evaluation text is ever used. The rank
is chosen on catalogue entries held out of the fit, by how often a held-out
entry in one language finds its own translation first among all held-out
entries of another.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from intercity.search.neutral import fit_subspace, neutralise

__all__ = ["RANKS", "catalogue_sentences", "choose_rank"]

RANKS = (0, 2, 4, 6, 8, 12, 16, 24)
MIN_CHARS = 25


def catalogue_sentences(locale_dir: Path, count: int, *, seed: int = 1) -> dict[str, list[str]]:
    """Entries translated in every catalogue, as {language: texts}, English first.

    Only sentences (at least ``MIN_CHARS`` characters, no placeholders or
    markup) are taken: short labels say too little to separate meaning from
    language.
    """
    import polib

    catalogues = {
        path.parent.parent.name: polib.pofile(str(path))
        for path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))
    }
    common: set[str] | None = None
    translations: dict[str, dict[str, str]] = {}
    for language, catalogue in catalogues.items():
        entries = {
            entry.msgid: entry.msgstr
            for entry in catalogue
            if entry.msgstr
            and not entry.msgid_plural
            and not entry.fuzzy
            and len(entry.msgid) >= MIN_CHARS
            and "%" not in entry.msgid
            and "<" not in entry.msgid
            and "{" not in entry.msgid
        }
        translations[language] = entries
        common = set(entries) if common is None else common & set(entries)
    chosen = sorted(common or ())
    random.Random(seed).shuffle(chosen)  # noqa: S311 - a reproducible sample
    chosen = chosen[:count]
    result = {"en": chosen}
    for language, entries in translations.items():
        result[language] = [entries[msgid] for msgid in chosen]
    return result


def _top1(queries: np.ndarray, documents: np.ndarray) -> float:
    """Share of held-out entries whose translation in another language ranks first."""
    languages, count, _ = queries.shape
    hits = total = 0
    for source in range(languages):
        for target in range(languages):
            if source == target:
                continue
            best = np.argmax(queries[source] @ documents[target].T, axis=1)
            hits += int((best == np.arange(count)).sum())
            total += count
    return hits / total if total else 0.0


def choose_rank(
    passages: np.ndarray,
    queries: np.ndarray,
    *,
    ranks: Sequence[int] = RANKS,
    report: Callable[[int, float], None] | None = None,
) -> tuple[int, np.ndarray]:
    """Pick the rank that retrieves held-out translations best; return it and the full-data fit.

    ``passages`` and ``queries`` are (languages, texts, d) vectors of the same
    parallel texts embedded as e5 passages and as e5 queries. The first half of
    the texts is fitted, the second half scores each rank.
    """
    half = passages.shape[1] // 2
    both = np.concatenate([passages, queries], axis=1)
    fit_part = np.concatenate([passages[:, :half], queries[:, :half]], axis=1)
    best_rank, best_score = 0, -1.0
    for rank in ranks:
        subspace = fit_subspace(fit_part, rank)
        score = _top1(
            neutralise(queries[:, half:], subspace), neutralise(passages[:, half:], subspace)
        )
        if report is not None:
            report(rank, score)
        if score > best_score:
            best_rank, best_score = rank, score
    return best_rank, fit_subspace(both, best_rank)
