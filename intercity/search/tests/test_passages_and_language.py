"""Passages, language-direction removal and per-query calibration of semantic search."""

import numpy as np
import pytest

from intercity.search.calibration import choose_rank
from intercity.search.neutral import fit_subspace, neutralise
from intercity.search.passages import passages
from intercity.search.ranking import semantic_strengths, weighted_fusion


def test_passages_cover_the_text_in_order_and_keep_sentences_whole():
    text = " ".join(f"Sentence number {n} says something about water." for n in range(40))
    spans = passages(text, size=200)
    assert len(spans) > 5
    assert all(end - start <= 200 for start, end in spans)
    assert spans == sorted(spans)
    for _start, end in spans:
        assert text[end - 1] == "."  # cut after a sentence, never inside one
    joined = " ".join(text[start:end] for start, end in spans)
    assert joined == text


def test_passages_cut_unspaced_scripts_and_long_sentences():
    thai = "การประหยัดพลังงานในอาคาร" * 40  # one "sentence", no spaces, no stops
    spans = passages(thai, size=100)
    assert all(end - start <= 100 for start, end in spans)
    assert "".join(thai[start:end] for start, end in spans) == thai
    burmese = "မြို့တော် ရေပေးဝေရေး စီမံကိန်း။ " * 30
    assert all(end - start <= 120 for start, end in passages(burmese, size=120))


def test_passages_are_capped_and_blank_text_has_none():
    assert passages("   \n  ") == []
    assert len(passages("Word. " * 5000, size=50, limit=7)) == 7
    with pytest.raises(ValueError):
        passages("text", size=5)


def _parallel(seed=0, languages=5, texts=60, dimension=32, offset=3.0):
    """Meanings shared across languages plus one strong direction per language."""
    rng = np.random.default_rng(seed)
    meanings = rng.normal(size=(texts, dimension))
    language_directions = rng.normal(size=(languages, dimension)) * offset
    noise = rng.normal(scale=0.05, size=(languages, texts, dimension))
    return meanings[None] + language_directions[:, None] + noise, meanings


def test_removing_the_fitted_subspace_lets_translations_find_each_other():
    vectors, _ = _parallel()
    raw = neutralise(vectors.reshape(-1, vectors.shape[-1]), None).reshape(vectors.shape)
    subspace = fit_subspace(vectors, rank=4)
    clean = neutralise(vectors.reshape(-1, vectors.shape[-1]), subspace).reshape(vectors.shape)
    # Language 0's text 7 against all of language 1's texts.
    assert np.argmax(clean[1] @ clean[0][7]) == 7
    # Before, the language pulled every text of language 0 together.
    same_language = float(raw[0][7] @ raw[0][8])
    cross_translation = float(raw[0][7] @ raw[1][7])
    assert same_language > cross_translation
    assert float(clean[0][7] @ clean[0][8]) < float(clean[0][7] @ clean[1][7])


def test_neutralised_vectors_are_unit_length_and_rank_zero_changes_nothing_but_length():
    vectors, _ = _parallel()
    flat = vectors.reshape(-1, vectors.shape[-1])
    assert np.allclose(np.linalg.norm(neutralise(flat, fit_subspace(vectors, 3)), axis=1), 1.0)
    assert fit_subspace(vectors, 0).shape == (0, vectors.shape[-1])
    assert np.allclose(neutralise(flat, None), flat / np.linalg.norm(flat, axis=1)[:, None])
    with pytest.raises(ValueError):
        fit_subspace(flat, 2)


def test_the_rank_is_chosen_on_held_out_translations():
    vectors, _ = _parallel(languages=4, offset=4.0)
    seen = []
    rank, subspace = choose_rank(
        vectors, vectors, ranks=(0, 3), report=lambda r, s: seen.append((r, s))
    )
    scores = dict(seen)
    assert scores[3] > scores[0]  # removing the language directions helps here
    assert rank == 3 and subspace.shape == (3, vectors.shape[-1])


def test_strengths_follow_the_query_own_scores_not_a_fixed_floor():
    background = list(np.linspace(0.50, 0.45, 190))
    low_level = [0.60, *background]  # a cross-language query: everything scores low
    high_level = [0.95, *[score + 0.4 for score in background]]  # same language: all high
    low, high = semantic_strengths(low_level), semantic_strengths(high_level)
    assert low[0] > 3 and high[0] > 3  # the stand-out neighbour, whatever the level
    # The crowd stays far below the stand-out, and most of it does not count at all.
    assert max(low[1:]) < low[0] / 3 and max(high[1:]) < high[0] / 3
    assert sum(value > 0 for value in low[1:]) < len(background) / 4
    assert semantic_strengths([]) == []
    assert semantic_strengths([0.8, 0.8, 0.8]) == [0.0, 0.0, 0.0]


def test_a_strong_meaning_match_outranks_weak_word_matches():
    fused = weighted_fusion(["same-language-1", "same-language-2"], [("translation", 4.0)])
    assert fused[0][0] == "translation"
    # A neighbour that barely stands out counts no more than a keyword match.
    fused = weighted_fusion(["words"], [("vague", 0.0)])
    assert [key for key, _ in fused] == ["words", "vague"]
    # Found both ways beats found one way.
    fused = weighted_fusion(["a", "b"], [("b", 1.0), ("c", 1.0)])
    assert fused[0][0] == "b"


def test_passages_never_run_across_a_blank_line():
    text = "First paragraph, short.\n\nSecond paragraph, also short."
    spans = passages(text, size=400)
    assert [text[start:end] for start, end in spans] == [
        "First paragraph, short.",
        "Second paragraph, also short.",
    ]


def test_a_tiny_index_still_offers_its_closest_texts():
    strengths = semantic_strengths([0.90, 0.82, 0.80, 0.79, 0.75])
    assert strengths[0] > 0 and strengths[-1] == 0.0


def test_random_letters_close_to_nothing_in_particular_find_nothing_by_meaning():
    # Such a query scores everything alike: its best neighbour is many spreads above a
    # narrow background, yet only 0.02 above it in similarity.
    background = list(np.linspace(0.800, 0.790, 190))
    nonsense = [0.82, 0.815, 0.81, *background]
    assert semantic_strengths(nonsense) == [0.0] * len(nonsense)
    # A real question's best neighbours stand 0.05 to 0.12 above the same background.
    question = [0.91, 0.86, 0.845, *background]
    assert all(strength > 1 for strength in semantic_strengths(question)[:3])
