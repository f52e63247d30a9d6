"""Tests of cosine top-k, reciprocal rank fusion and highlighted snippets."""

from __future__ import annotations

import html

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intercity.search.ranking import (
    cosine_top_k,
    highlight,
    matched_terms,
    reciprocal_rank_fusion,
)
from intercity.search.text import icu_available


def unit_rows(rows: list[list[float]]) -> np.ndarray:
    matrix = np.asarray(rows, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_cosine_top_k_returns_the_closest_rows_best_first() -> None:
    matrix = unit_rows([[1, 0], [0, 1], [1, 1], [-1, 0]])
    result = cosine_top_k(matrix, np.array([1.0, 0.2], dtype=np.float32), 2)
    assert [row for row, _ in result] == [0, 2]
    assert result[0][1] == pytest.approx(1 / np.sqrt(1.04), abs=1e-6)


def test_cosine_top_k_with_k_beyond_the_rows_returns_all_rows_sorted() -> None:
    matrix = unit_rows([[0, 1], [1, 0], [1, 1]])
    assert [row for row, _ in cosine_top_k(matrix, np.array([1.0, 0.0]), 10)] == [1, 2, 0]


def test_cosine_top_k_normalises_rows_when_told_they_are_not() -> None:
    matrix = np.array([[10.0, 0.0], [0.0, 0.5]], dtype=np.float32)
    result = cosine_top_k(matrix, np.array([0.0, 1.0]), 1, rows_normalised=False)
    assert result == [(1, pytest.approx(1.0))]


def test_cosine_top_k_breaks_ties_by_row_order() -> None:
    matrix = unit_rows([[1, 0], [1, 0], [1, 0]])
    assert [row for row, _ in cosine_top_k(matrix, np.array([1.0, 0.0]), 2)] == [0, 1]


def test_cosine_top_k_of_an_empty_matrix_or_zero_k_is_empty() -> None:
    assert cosine_top_k(np.zeros((0, 3), dtype=np.float32), np.ones(3), 5) == []
    assert cosine_top_k(unit_rows([[1, 0]]), np.array([1.0, 0.0]), 0) == []


def test_cosine_top_k_rejects_a_query_of_the_wrong_dimension() -> None:
    with pytest.raises(ValueError):
        cosine_top_k(unit_rows([[1, 0]]), np.ones(3), 1)


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=50),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_cosine_top_k_agrees_with_a_full_sort(rows: int, k: int, seed: int) -> None:
    generator = np.random.default_rng(seed)
    matrix = generator.normal(size=(rows, 8)).astype(np.float32)
    query = generator.normal(size=8).astype(np.float32)
    scores = (matrix / np.linalg.norm(matrix, axis=1, keepdims=True)) @ (
        query / np.linalg.norm(query)
    )
    result = cosine_top_k(matrix, query, k, rows_normalised=False)
    assert len(result) == min(k, rows)
    assert [score for _, score in result] == sorted((score for _, score in result), reverse=True)
    assert result[-1][1] == pytest.approx(np.sort(scores)[::-1][len(result) - 1], abs=1e-5)


def test_rrf_puts_a_key_ranked_well_in_both_lists_first() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "a", "d"]])
    assert [key for key, _ in fused] == ["a", "c", "b", "d"]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)


def test_rrf_counts_a_key_repeated_in_one_list_once_at_its_best_rank() -> None:
    assert reciprocal_rank_fusion([["a", "a", "b"]]) == [
        ("a", pytest.approx(1 / 61)),
        ("b", pytest.approx(1 / 63)),
    ]


def test_rrf_keeps_first_seen_order_on_ties_and_accepts_empty_lists() -> None:
    assert [key for key, _ in reciprocal_rank_fusion([["x"], [], ["y"]])] == ["x", "y"]
    assert reciprocal_rank_fusion([]) == []


def test_highlight_marks_accented_vietnamese_for_a_query_typed_without_accents() -> None:
    snippet = highlight("Hà Nội công bố quy hoạch đô thị mới.", "quy hoach do thi")
    assert snippet == "Hà Nội công bố <mark>quy hoạch đô thị</mark> mới."


def test_highlight_marks_cjk_words_inside_longer_runs() -> None:
    assert highlight("東京都は大気汚染を減らす", "東京 汚染") == (
        "<mark>東京</mark>都は大気<mark>汚染</mark>を減らす"
    )
    assert highlight("서울특별시에서", "서울") == "<mark>서울</mark>특별시에서"


def test_highlight_marks_a_thai_word_without_spaces() -> None:
    snippet = highlight("กรุงเทพฯ จัดการซ้อมรับมือน้ำท่วมร่วมกับชุมชน", "น้ำท่วม")
    assert "<mark>น้ำท่วม</mark>" in snippet


def test_highlight_marks_full_width_and_upper_case_originals() -> None:
    assert highlight("ＴＯＫＹＯ and Tokyo", ["tokyo"]) == (
        "<mark>ＴＯＫＹＯ</mark> and <mark>Tokyo</mark>"
    )


def test_highlight_escapes_html_everywhere_but_in_the_marks() -> None:
    snippet = highlight('<b>smog</b> & "air" <script>', "smog")
    assert snippet == "&lt;b&gt;<mark>smog</mark>&lt;/b&gt; &amp; &quot;air&quot; &lt;script&gt;"


def test_highlight_does_not_mark_short_terms_inside_other_words() -> None:
    assert highlight("the document, do it", "do") == "the document, <mark>do</mark> it"


def test_highlight_marks_the_start_of_an_inflected_word() -> None:
    assert highlight("Томск сокращает выбросы", "выброс") == "Томск сокращает <mark>выбросы</mark>"


def test_highlight_cuts_a_window_around_the_matches_of_a_long_text() -> None:
    text = "lorem " * 100 + "the flood drill happened " + "ipsum " * 100
    snippet = highlight(text, "flood drill", width=60)
    assert "<mark>flood drill</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= 62


def test_highlight_without_matches_shows_the_start_of_the_text() -> None:
    assert highlight("a b c d e f g h", "zzz", width=5) == "a b c…"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.lists(st.text(max_size=6), max_size=4))
def test_highlight_never_raises_and_only_adds_marks_to_the_escaped_text(
    value: str, terms: list[str]
) -> None:
    snippet = highlight(value, terms, width=1000)
    assert snippet.replace("<mark>", "").replace("</mark>", "") == html.escape(value)


def test_highlight_finds_a_match_deep_inside_a_long_document() -> None:
    text = "Hà Nội " * 3000 + "quy hoạch đô thị mới " + "Hà Nội " * 3000
    snippet = highlight(text, "quy hoach do thi", width=80)
    assert "<mark>quy hoạch đô thị</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")


# Letters that normalise to more, fewer or other characters, and combining marks, also
# after a space, where they belong to the space.
_TRICKY = (
    "aE Hà Nội Đđ ﬁ ＡＢ ｶﾞ 東京都 ภาษาไทย မြို့ 한국어 Дом İ ı ß ẞ \u0301\u0300\u0e4d\u200b\u00ad\t\n"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=60))
def test_the_offset_map_gives_each_normalised_character_its_own_cluster(value: str) -> None:
    # The map is built a word at a time; it must agree with mapping one cluster at a time.
    from intercity.search.ranking import (
        _clusters_with_offsets,
        _normalised_cluster,
        _OffsetMap,
    )

    expected_text, expected_spans = "", []
    for start, end in _clusters_with_offsets(value):
        piece = _normalised_cluster(value[start:end])
        expected_text += piece
        expected_spans += [(start, end)] * len(piece)
    offsets = _OffsetMap(value)
    assert offsets.normalised == expected_text
    assert [offsets.span(i) for i in range(len(expected_text))] == expected_spans


INDONESIAN = "Kualitas udara membaik setelah bus listrik; jaringan air bersih juga diperluas."


def test_only_the_group_of_terms_a_text_holds_whole_is_marked_in_it():
    groups = [("air", "quality"), ("kualitas", "udara")]
    # The Indonesian text holds "kualitas udara", not "quality": its "air" (water) did not
    # find it.
    assert matched_terms(INDONESIAN, groups, "id") == ("kualitas", "udara")
    assert matched_terms("Air quality improved.", groups, "en") == ("air", "quality")
    snippet = highlight(INDONESIAN, matched_terms(INDONESIAN, groups, "id"), language="id")
    assert "<mark>Kualitas udara</mark>" in snippet
    assert "<mark>air</mark>" not in snippet
    # A long term matches a word's start, as the index does; a short one only a whole word.
    assert matched_terms("Smoggy winters.", [("smog",)]) == ("smog",)
    assert matched_terms("Mayors met.", [("may",)]) == ()


@pytest.mark.skipif(not icu_available(), reason="Thai words need ICU's dictionary")
def test_a_thai_term_is_marked_only_where_the_texts_own_words_are_it():
    oil = "เทศบาลเก็บน้ำมันใช้แล้วจากร้านอาหาร"
    # "น้ำ" (water) is inside "น้ำมัน" (oil), a word of its own: the index does not find it.
    assert matched_terms(oil, [("น้ำ",)], "th") == ()
    assert "<mark>" not in highlight(oil, ["น้ำ"], language="th")
    both = oil + " และส่งน้ำสะอาดให้ชุมชน"
    assert matched_terms(both, [("น้ำ",)], "th") == ("น้ำ",)
    assert highlight(both, ["น้ำ"], language="th").count("<mark>") == 1
