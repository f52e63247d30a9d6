"""A real-text evaluation set for cross-language search, built from NTREX-128.

NTREX-128 (Federmann, Kocmi and Xin, 2022; CC BY-SA 4.0) is the WMT19 English
news test set translated by professional translators into 128 languages,
among them all 13 of the network's. The texts are not re-hosted here: clone
https://github.com/MicrosoftTranslator/NTREX somewhere outside this
repository and pass its path as ``--ntrex`` (or set ``NTREX_DIR``).

The set is built deterministically from a seed:

- documents: each news article is cut into passages of consecutive
  sentences, and each passage is indexed in one language only, its "home"
  language, spread evenly over the 13 languages. Neighbouring passages of one
  article land in different languages, so every query has close, same-topic
  distractors in other languages as well as unrelated ones in its own;
- queries, each expecting exactly one document:
  - ``cross``: a fragment of a sentence of the document, in another language;
  - ``same``: a fragment of a sentence of the document, in its own language;
  - ``vi-noaccent``: a Vietnamese fragment with every accent and the
    d-stroke removed, as typed on a keyboard without a Vietnamese layout;
  - ``short``: two to four consecutive words of a sentence, in another language;
  - ``nospace``: a cross-language fragment written in Japanese, Chinese,
    Thai or Burmese, scripts that put no spaces between words.
"""

from __future__ import annotations

import os
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# The platform's language codes and NTREX-128's file suffixes.
LANGUAGES = {
    "en": "eng-US",
    "ja": "jpn",
    "ko": "kor",
    "vi": "vie",
    "th": "tha",
    "id": "ind",
    "ms": "msa",
    "ru": "rus",
    "zh-hant": "zho-TW",
    "mn": "mon",
    "my": "mya",
    "hi": "hin",
    "fil": "fil",
}
UNSPACED = ("ja", "zh-hant", "th", "my")
KINDS = ("cross", "same", "vi-noaccent", "short", "nospace")
SENTENCES_PER_DOCUMENT = 5


@dataclass(frozen=True)
class EvalDocument:
    key: str
    language: str
    title: str
    body: str


@dataclass(frozen=True)
class EvalQuery:
    kind: str
    language: str
    text: str
    expected: str  # an EvalDocument key


def locate(explicit: str | None = None) -> Path | None:
    """The NTREX checkout to read, or None when there is none on this machine."""
    root = Path(__file__).resolve().parent.parent
    candidates = [
        explicit,
        os.environ.get("NTREX_DIR"),
        root.parent / "NTREX",
        root.parent / "shared" / "corpus" / "NTREX",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "NTREX-128").is_dir():
            return Path(candidate)
    return None


def _read(directory: Path) -> tuple[list[str], dict[str, list[str]]]:
    articles = (directory / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    articles = [line.split("\t")[0].strip() for line in articles if line.strip()]
    texts = {}
    for language, suffix in LANGUAGES.items():
        path = directory / "NTREX-128" / f"newstest2019-ref.{suffix}.txt"
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and not lines[-1]:
            lines.pop()
        if len(lines) != len(articles):
            raise ValueError(f"{path.name}: {len(lines)} lines for {len(articles)} sentences")
        texts[language] = [line.strip() for line in lines]
    return articles, texts


def strip_accents(text: str) -> str:
    """Vietnamese as typed without accents: marks dropped, đ written d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def _words(text: str, language: str) -> list[str]:
    if language in UNSPACED:
        from intercity.search.text import segment

        return segment(text, language)
    return text.split()


def fragment(text: str, language: str, rng: random.Random) -> str:
    """A contiguous part of a sentence, 60-80 % of it, as someone quoting from memory."""
    if language in UNSPACED:
        length = len(text)
        keep = max(4, int(length * rng.uniform(0.6, 0.8)))
        start = rng.randint(0, max(0, length - keep))
        return text[start : start + keep].strip()
    words = text.split()
    if len(words) <= 4:
        return text
    keep = max(4, int(len(words) * rng.uniform(0.6, 0.8)))
    start = rng.randint(0, len(words) - keep)
    return " ".join(words[start : start + keep])


def short_query(text: str, language: str, rng: random.Random) -> str | None:
    words = [word for word in _words(text, language) if any(ch.isalnum() for ch in word)]
    if len(words) < 4:
        return None
    size = rng.randint(2, 4)
    start = rng.randint(0, len(words) - size)
    joiner = "" if language in UNSPACED else " "
    return joiner.join(words[start : start + size])


def build(directory: Path, *, seed: int = 13, per_document: int = 3):
    """Return (documents, queries) built from the NTREX checkout at ``directory``."""
    articles, texts = _read(directory)
    rng = random.Random(seed)
    languages = list(LANGUAGES)
    # Passages of consecutive sentences within each article.
    spans: list[list[int]] = []
    current: list[int] = []
    for index, article in enumerate(articles):
        if current and (articles[current[0]] != article or len(current) == SENTENCES_PER_DOCUMENT):
            spans.append(current)
            current = []
        current.append(index)
    spans.append(current)
    offset = rng.randrange(len(languages))
    documents: list[EvalDocument] = []
    queries: list[EvalQuery] = []
    for number, span in enumerate(spans):
        home = languages[(number + offset) % len(languages)]
        key = f"ntrex-{number:04d}"
        sentences = [texts[home][i] for i in span]
        documents.append(EvalDocument(key, home, sentences[0][:200], " ".join(sentences[1:])))
        others = [language for language in languages if language != home]
        for language in rng.sample(others, per_document):
            sentence = texts[language][rng.choice(span)]
            queries.append(EvalQuery("cross", language, fragment(sentence, language, rng), key))
        sentence = texts[home][rng.choice(span)]
        queries.append(EvalQuery("same", home, fragment(sentence, home, rng), key))
        if home != "vi":
            sentence = strip_accents(texts["vi"][rng.choice(span)])
            queries.append(EvalQuery("vi-noaccent", "vi", fragment(sentence, "vi", rng), key))
        language = rng.choice(others)
        short = short_query(texts[language][rng.choice(span)], language, rng)
        if short:
            queries.append(EvalQuery("short", language, short, key))
        unspaced = [language for language in UNSPACED if language != home]
        language = rng.choice(unspaced)
        sentence = texts[language][rng.choice(span)]
        queries.append(EvalQuery("nospace", language, fragment(sentence, language, rng), key))
    return documents, queries


@dataclass
class Tally:
    count: int = 0
    top1: int = 0
    top5: int = 0
    reciprocal: float = 0.0

    def add(self, rank: int | None) -> None:
        self.count += 1
        if rank is not None:
            self.top1 += rank == 1
            self.top5 += rank <= 5
            self.reciprocal += 1.0 / rank

    def cells(self) -> str:
        if not self.count:
            return f"{'-':>6} {'-':>6} {'-':>6}"
        n = self.count
        return f"{self.top1 / n:6.1%} {self.top5 / n:6.1%} {self.reciprocal / n:6.3f}"


def rank_of(expected: str, ranked: list[str]) -> int | None:
    try:
        return ranked.index(expected) + 1
    except ValueError:
        return None
