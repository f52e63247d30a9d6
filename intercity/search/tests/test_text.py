"""Tests of normalisation, segmentation and index terms in the network's languages."""

from __future__ import annotations

import sqlite3
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intercity.search import text
from intercity.search.tests.samples import SAMPLES, Sample

SAMPLE_IDS = [sample.lang for sample in SAMPLES]


def matches(document: str, query: str, lang: str | None = None) -> bool:
    stored_terms = set(text.index_terms(document, lang).split())
    wanted_terms = text.query_terms(query, lang)
    return bool(wanted_terms) and all(term in stored_terms for term in wanted_terms)


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_a_keyword_query_in_each_language_matches_its_sample(sample: Sample) -> None:
    for query in sample.matching_queries:
        assert matches(sample.text, query, sample.lang), query


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_an_unrelated_keyword_does_not_match_the_sample(sample: Sample) -> None:
    assert not matches(sample.text, sample.non_matching_query, sample.lang)


@pytest.mark.parametrize("sample", SAMPLES, ids=SAMPLE_IDS)
def test_queries_match_without_a_language_hint(sample: Sample) -> None:
    for query in sample.matching_queries:
        assert matches(sample.text, query), query


def test_vietnamese_typed_without_accents_matches_the_accented_text() -> None:
    assert matches("Quy hoạch đô thị Hà Nội", "quy hoach do thi")
    assert text.normalise("Quy hoạch đô thị ĐÀ NẴNG") == "quy hoach do thi da nang"


def test_vietnamese_typed_with_combining_accents_matches_precomposed_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Thành phố Hồ Chí Minh")
    assert text.normalise(decomposed) == "thanh pho ho chi minh"


def test_two_character_cjk_words_match_inside_longer_runs() -> None:
    assert matches("東京都庁で会議", "東京")
    assert matches("서울특별시청에서", "서울")
    assert matches("臺北市政府", "北市")


def test_a_single_cjk_character_query_matches() -> None:
    assert text.query_terms("都") == ["都"]
    assert matches("東京都", "都")


def test_cjk_index_holds_unigrams_and_bigrams() -> None:
    assert text.index_terms("大気汚染").split() == [
        "大", "気", "汚", "染", "大気", "気汚", "汚染",
    ]  # fmt: skip


def test_full_width_latin_and_half_width_kana_fold_to_their_usual_forms() -> None:
    assert text.normalise("ＴＯＫＹＯ ｴﾈﾙｷﾞｰ") == "tokyo エネルギー"


def test_thai_devanagari_burmese_and_hangul_keep_their_marks() -> None:
    for word in ("น้ำท่วม", "प्रदूषण", "ရေကြီးမှု", "서울", "Москва"):
        assert text.normalise(word) == word.casefold()


def test_russian_yo_is_searched_as_ye_but_short_i_stays() -> None:
    assert text.normalise("Ёлка и йод") == "елка и йод"


def test_zero_width_characters_do_not_split_or_join_words() -> None:
    assert text.normalise("soft\u00adware") == "software"
    assert text.segment("ရန်ကုန်\u200bမြို့") == text.segment("ရန်ကုန် မြို့")


def test_thai_sara_am_survives_nfkc_so_dictionary_words_are_found() -> None:
    assert "\u0e33" in text.normalise("น้ำ")
    assert text.normalise("\u0e19\u0e4d\u0e49\u0e32") == "น้ำ"


def test_segment_drops_punctuation_and_spaces() -> None:
    assert text.segment("Hello, world! — 3.14") == ["Hello", "world", "3", "14"]


@pytest.mark.skipif(not text.icu_available(), reason="PyICU is not installed")
def test_segment_splits_thai_japanese_and_chinese_into_dictionary_words() -> None:
    assert text.segment("การซ้อมรับมือน้ำท่วม", "th") == ["การ", "ซ้อม", "รับมือ", "น้ำ", "ท่วม"]
    assert "大気" in text.segment("東京都は大気汚染対策を強化した", "ja")
    assert "垃圾" in text.segment("臺北市推動垃圾分類", "zh-Hant")


def test_thai_query_segmented_alone_matches_its_words_split_in_context() -> None:
    assert matches("กรุงเทพฯ ซ้อมรับมือน้ำท่วมทุกปี", "น้ำท่วม")


def test_search_still_works_for_thai_and_burmese_without_icu(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(text, "icu", None)
    assert matches("กรุงเทพมหานครจัดการซ้อมรับมือน้ำท่วม", "น้ำท่วม")
    assert matches("ရန်ကုန်မြို့တော်တွင် ရေကြီးမှု", "ရေကြီးမှု")
    assert text.segment("ภาษาไทย") == ["ภาษาไทย"]


def test_index_terms_work_in_sqlite_fts5_with_the_recommended_tokenizer() -> None:
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            f'CREATE VIRTUAL TABLE item USING fts5(terms, tokenize="{text.FTS5_TOKENIZE}")'
        )
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no FTS5")
    for row_id, sample in enumerate(SAMPLES, start=1):
        connection.execute(
            "INSERT INTO item(rowid, terms) VALUES (?, ?)",
            (row_id, text.index_terms(sample.text, sample.lang)),
        )
    for row_id, sample in enumerate(SAMPLES, start=1):
        for query in sample.matching_queries:
            expression = " AND ".join(
                '"' + term.replace('"', '""') + '"' for term in text.query_terms(query)
            )
            found = connection.execute(
                "SELECT rowid FROM item WHERE item MATCH ?", (expression,)
            ).fetchall()
            assert (row_id,) in found, query
    connection.close()


# Properties: whatever text arrives, nothing raises and both sides agree.

ANY_TEXT = st.text(max_size=80)
NETWORK_SCRIPTS_TEXT = st.text(
    alphabet=st.sampled_from(
        "aăâđeêioôơuưyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ AZ09.,-'"
        "ก้ำน่ท่วมฯ ေကြီးမှု्रदूषणवा 東京都の大気汚染臺北서울시는 Москваёйүө\u200b\u00ad"
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, NETWORK_SCRIPTS_TEXT))
def test_normalise_is_idempotent(value: str) -> None:
    once = text.normalise(value)
    assert text.normalise(once) == once


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, NETWORK_SCRIPTS_TEXT))
def test_segment_returns_non_empty_words_without_spaces(value: str) -> None:
    for word in text.segment(value):
        assert word
        assert not any(character.isspace() for character in word)


@settings(max_examples=300, deadline=None)
@given(st.one_of(ANY_TEXT, NETWORK_SCRIPTS_TEXT))
def test_a_text_always_matches_a_query_made_of_itself(value: str) -> None:
    stored_terms = text.index_terms(value).split()
    assert set(text.query_terms(value)) <= set(stored_terms)
    assert all(term == text.normalise(term) for term in stored_terms)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxy ĐƯƠ"
        "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    )
)
def test_every_vietnamese_letter_folds_to_ascii(value: str) -> None:
    assert text.normalise(value).isascii()


def test_a_malformed_language_hint_is_ignored() -> None:
    assert text.query_terms("น้ำท่วม", "not a tag!") == text.query_terms("น้ำท่วม")
