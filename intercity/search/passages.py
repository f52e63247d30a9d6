"""Cutting a document into passages short enough for the embedding model to read whole.

e5 reads at most 512 tokens; a document embedded as one text is seen only up to
there. Passages of about ``PASSAGE_CHARS`` characters, cut after a sentence
wherever one ends near the limit, let a document be found through any of its
paragraphs, and tell which part of it matched.
"""

from __future__ import annotations

import re

__all__ = ["MAX_PASSAGES", "PASSAGE_CHARS", "passages"]

# About a sentence: 25-35 tokens of a Latin-script language, under 120 for CJK,
# whose characters are often one token each. People search with a phrase or a
# sentence, and the model scores a short passage that says the same thing far
# higher than a long one that contains it among other things: on the NTREX
# evaluation set, cross-language top-1 of the vectors alone went from 39 % at
# 400 characters to 43 % at 250, 47 % at 150, 50 % at 120 and 53.5 % at 100,
# while texts in unspaced scripts did best around 120-150 (see the README).
PASSAGE_CHARS = 120
# A very long text (a 40-page report) is embedded up to here (about 24,000
# characters); keywords still find the rest.
MAX_PASSAGES = 200

# Sentence ends in the network's scripts: Latin and Cyrillic stops, CJK full
# stops, the Devanagari danda, the Burmese section mark; then line breaks.
_SENTENCE_END = re.compile(r"(?<=[.!?;。！？；।॥။])\s*|\n+")
# A blank line ends a paragraph: passages never run across one.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPACE = re.compile(r"\s")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start()
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _cut_long(text: str, start: int, end: int, size: int) -> list[tuple[int, int]]:
    """Split one overlong sentence at spaces (or anywhere, for unspaced scripts)."""
    pieces = []
    while end - start > size:
        cut = start + size
        space = max((m.start() for m in _SPACE.finditer(text, start + size // 2, cut)), default=-1)
        if space > start:
            cut = space
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def passages(
    text: str, *, size: int = PASSAGE_CHARS, limit: int = MAX_PASSAGES
) -> list[tuple[int, int]]:
    """Return (start, end) offsets of consecutive passages covering ``text``, at most ``limit``.

    Sentences are kept whole and packed together up to ``size`` characters; a
    sentence longer than that is cut at spaces. Blank text gives no passage.
    """
    if size < 20:
        raise ValueError("size must be at least 20 characters")
    result: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]
    for start, end in _sentences(text):
        if not text[start:end].strip():
            continue
        if current is not None and any(current[1] <= at < start for at in breaks):
            result.append(current)
            current = None
        if current is not None and end - current[0] <= size:
            current = (current[0], end)
            continue
        if current is not None:
            result.append(current)
        if end - start > size:
            *whole, current = _cut_long(text, start, end, size)
            result.extend(whole)
        else:
            current = (start, end)
        if len(result) >= limit:
            return result[:limit]
    if current is not None:
        result.append(current)
    return result[:limit]
