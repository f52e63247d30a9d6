"""Accuracy of restoring the accents of Vietnamese typed without them, on real news text.

Run from the repository root:  .venv/bin/python benchmarks/accents.py [--ntrex DIR]

NTREX-128's Vietnamese (a public news test set, read from a local clone outside the
repository, as benchmarks/search_eval.py reads it) is split in two at random (fixed seed).
Each held-out sentence's first eight syllables are typed without accents and restored; the
script prints the share of syllables restored exactly, for the model learnt from what the
platform ships alone (interface catalogue and thesaurus) and with the other half's sentences
added, as Vietnamese documents in the index would be.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUERY_SYLLABLES = 8
TEST_SENTENCES = 600


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ntrex", help="a clone of github.com/MicrosoftTranslator/NTREX")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)

    from search_eval import locate

    directory = locate(options.ntrex)
    if directory is None:
        print("SKIPPED: no NTREX clone (pass --ntrex DIR or set NTREX_DIR)")
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intercity.settings")
    import django

    django.setup()
    from intercity.search.accents import AccentModel, fold
    from intercity.search.accents import _syllables as syllables
    from intercity.searchindex.accent_model import _shipped_texts

    path = directory / "NTREX-128" / "newstest2019-ref.vie.txt"
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(options.seed).shuffle(lines)
    learnt, held_out = lines[: len(lines) // 2], lines[len(lines) // 2 :][:TEST_SENTENCES]
    shipped = _shipped_texts()
    print(f"{'model learnt from':34s} {'syllables right':>15s} {'queries read':>12s}")
    for label, texts in (
        ("catalogue and thesaurus", shipped),
        (f"+ {len(learnt)} indexed sentences", shipped + learnt),
    ):
        model = AccentModel().learn(texts)
        right = total = read = 0
        for sentence in held_out:
            truth = syllables(sentence)[:QUERY_SYLLABLES]
            if len(truth) < 2:
                continue
            typed = " ".join(fold(syllable) for syllable in truth)
            restored = model.restore(typed)
            read += restored is not None
            guess = (restored or typed).split()
            right += sum(g == t for g, t in zip(guess, truth, strict=False))
            total += len(truth)
        print(f"{label:34s} {right / total:15.1%} {read:12d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
