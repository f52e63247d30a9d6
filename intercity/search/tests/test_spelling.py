"""Spelling suggestions: the nearest word of the vocabulary, the most frequent among equals."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intercity.search.spelling import (
    Entry,
    best_correction,
    count_documents,
    distance,
    max_edits,
    rare_up_to,
    suggest,
    weighted_distance,
)

VOCABULARY = {
    "waste": Entry(40, "waste"),
    "paste": Entry(2, "paste"),
    "energy": Entry(30, "energy"),
    "typhoon": Entry(5, "typhoon"),
    "python": Entry(90, "python"),
    "infectious": Entry(12, "infectious"),
    "disease": Entry(15, "disease"),
    "quy": Entry(8, "quy"),
    "hoach": Entry(8, "hoạch"),
    "thi": Entry(20, "thị"),
    "ngap": Entry(6, "ngập"),
    "lut": Entry(6, "lụt"),
    "выбросы": Entry(4, "выбросы"),
    "प्रदूषण": Entry(3, "प्रदूषण"),
    "재난": Entry(3, "재난"),
    "not": Entry(50, "not"),
}


def known(keys):
    return {key: VOCABULARY[key] for key in keys if key in VOCABULARY}


def near(keys):
    return VOCABULARY


@pytest.mark.parametrize(
    ("query", "suggested"),
    [
        ("wste", "waste"),
        ("enrgy", "energy"),
        ("typhon", "typhoon"),
        ("infectous disease", "infectious disease"),
        ("infectoius disaese", "infectious disease"),
        ("wast management", "waste management"),
        ("Hà Nội ngapj lụt", "Hà Nội ngập lụt"),
        ("quy hoahc đô thị", "quy hoạch đô thị"),
        ("выбрсы", "выбросы"),
        ("प्रदूषन", "प्रदूषण"),
    ],
)
def test_a_misspelt_word_is_replaced_by_the_nearest_word(query, suggested):
    assert suggest(query, known, near).query == suggested


@pytest.mark.parametrize(
    "query",
    [
        "waste",
        "WASTE energy",
        "quy hoạch đô thị",
        "quy hoach do thi",
        "東京のごみ",
        "น้ำท่วม",
        "",
        "zz",
    ],
)
def test_a_known_word_or_one_too_far_or_too_short_gets_no_suggestion(query):
    assert suggest(query, known, near) is None


def test_a_city_name_is_left_alone_and_an_accented_word_never_becomes_an_english_one():
    names = ["Hà Nội", "Hanoi", "ハノイ"]
    assert suggest("Hà Nội wste", known, near, names).query == "Hà Nội waste"
    # Without the names, "nội" is still not "not": a word typed with accents is Vietnamese.
    assert suggest("Hà Nội wste", known, near).query == "Hà Nội waste"
    assert suggest("ha noi", known, near, names) is None
    assert suggest("noi wste", known, near).query == "not waste"


def test_fewer_edits_win_over_frequency_and_frequency_breaks_ties():
    # "typhon" is one edit from typhoon and two from the far more frequent python.
    assert best_correction("typhon", VOCABULARY) == "typhoon"
    # "waste" and "paste" are both one edit from "aste"... waste is in more documents.
    assert best_correction("xaste", VOCABULARY) == "waste"


def test_the_allowed_edits_grow_with_the_word():
    assert [max_edits("x" * n) for n in range(1, 9)] == [0, 0, 1, 1, 1, 2, 2, 2]


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [
        ("waste", "waste", 0),
        ("wste", "waste", 1),
        ("wasste", "waste", 1),
        ("wasre", "waste", 1),
        ("wsate", "waste", 1),
        ("infectoius", "infectious", 1),
        ("ca", "abc", 3),
    ],
)
def test_distance_counts_insertions_deletions_substitutions_and_swaps(a, b, edits):
    assert distance(a, b, 5) == edits


def test_the_vocabulary_counts_documents_and_keeps_the_commonest_spelling():
    entries = count_documents(
        ["Quy hoạch đô thị, quy hoạch giao thông", "Quy hoach vung", "Hà Nội 2013 x1"]
    )
    assert entries["hoach"] == Entry(2, "hoạch")
    assert entries["quy"] == Entry(2, "quy")
    assert "2013" not in entries and "x1" not in entries and "ha" not in entries
    assert entries["noi"] == Entry(1, "nội")


words = st.text(alphabet="abcdeio", min_size=0, max_size=8)


@given(words, words)
def test_distance_is_symmetric_and_bounded_by_the_longer_word(a, b):
    limit = 10
    assert distance(a, b, limit) == distance(b, a, limit)
    assert distance(a, b, limit) <= max(len(a), len(b))


@given(words, st.integers(min_value=0, max_value=8), st.sampled_from("xyz"))
def test_one_typing_mistake_is_one_edit(word, position, letter):
    position = min(position, len(word))
    assert distance(word[:position] + letter + word[position:], word, 2) == 1
    if position < len(word):
        assert distance(word[:position] + letter + word[position + 1 :], word, 2) == 1
        assert distance(word[:position] + word[position + 1 :], word, 2) == 1


@given(words, words, st.integers(min_value=0, max_value=3))
def test_a_limited_distance_is_exact_up_to_its_limit(a, b, limit):
    full = distance(a, b, 20)
    assert distance(a, b, limit) == (full if full <= limit else limit + 1)


@given(words, st.dictionaries(words, st.integers(min_value=1, max_value=5), max_size=30))
def test_the_best_correction_is_the_nearest_and_most_frequent_candidate(word, numbers):
    candidates = {key: Entry(number, key) for key, number in numbers.items()}
    limit = max_edits(word)
    near_enough = [
        (distance(word, key, 20), -entry.documents, key)
        for key, entry in candidates.items()
        if distance(word, key, 20) <= limit
    ]
    near_enough = [
        (edits, weighted_distance(word, key), documents, key)
        for edits, documents, key in near_enough
    ]
    expected = None if not limit or word in candidates or not near_enough else min(near_enough)[3]
    assert best_correction(word, candidates) == expected


def test_a_left_out_letter_wins_over_a_changed_one_at_the_same_number_of_edits():
    candidates = {"drill": Entry(30, "drill"), "drills": Entry(4, "drills")}
    # One edit each: "drills" with its "l" left out, "drill" with its last letter changed.
    assert best_correction("drils", candidates) == "drills"
    assert suggest("emergency drils", known, lambda keys: candidates).query == "emergency drills"
    # Fewer edits still come first, and frequency still breaks a full tie.
    assert best_correction("dril", candidates) == "drill"
    assert best_correction("xaste", VOCABULARY) == "waste"
    assert weighted_distance("drils", "drills") == 0.5
    assert weighted_distance("drils", "drill") == 1
    assert weighted_distance("wsate", "waste") == 1


def entries(**documents):
    return {key: Entry(number, key) for key, number in documents.items()}


def lookups(vocabulary):
    return (
        lambda keys: {key: vocabulary[key] for key in keys if key in vocabulary},
        lambda keys: vocabulary,
    )


def test_a_rare_typed_word_is_corrected_when_a_near_word_is_ten_times_as_frequent():
    known_words, near_words = lookups(entries(recyling=1, recycling=12, sorting=40))
    assert suggest("recyling sorting", known_words, near_words).query == "recycling sorting"
    # Nine times as many documents is not clearly better supported.
    known_words, near_words = lookups(entries(recyling=1, recycling=9))
    assert suggest("recyling", known_words, near_words) is None
    # A short word one record holds is likelier a word of another language than a typo.
    known_words, near_words = lookups(entries(ang=1, **{"and": 200}, rain=1, train=40))
    assert suggest("ang", known_words, near_words) is None
    assert suggest("rain", known_words, near_words) is None


def test_a_frequent_typed_word_is_never_replaced():
    known_words, near_words = lookups(entries(paste=30, waste=900))
    # 30 of 1,000 documents is more than one in a hundred: "paste" is meant.
    assert rare_up_to(1000) == 10
    assert suggest("paste", known_words, near_words, total=lambda: 1000) is None
    # Out of 100,000 documents, 30 is rare and 900 far more: a typo is likelier.
    assert suggest("paste", known_words, near_words, total=lambda: 100_000).query == "waste"
    # Without a count of the documents, only the floor counts as rare.
    assert suggest("paste", known_words, near_words) is None


def test_the_documents_are_not_counted_when_every_typed_word_is_below_the_floor():
    known_words, near_words = lookups(entries(recyling=2, recycling=40))

    def total():
        raise AssertionError("counted")

    assert suggest("recyling", known_words, near_words, total=total).query == "recycling"


def test_the_platforms_own_words_are_taken_as_meant_and_correct_what_the_records_lack():
    known_words, near_words = lookups(entries(recalling=3, plenary=20))
    platform = {"recycling": Entry(0, "recycling"), "secretariat": Entry(0, "secretariat")}
    read = []

    def own(keys):
        read.append(keys)
        return platform

    # Without the platform's words, a correct word the records lack is "corrected".
    assert suggest("recycling", known_words, near_words).query == "recalling"
    assert suggest("recycling", known_words, near_words, platform=own) is None
    assert suggest("recyclng", known_words, near_words, platform=own).query == "recycling"
    # A record's word as near as the platform's wins; a rare word is never replaced by one.
    known_words, near_words = lookups(entries(recyclong=5, recyclinh=1))
    assert suggest("recyclng", known_words, near_words, platform=own).query == "recyclong"
    assert suggest("recyclinh", known_words, near_words, platform=own) is None
    # Read only when a word is missing or rare.
    read.clear()
    known_words, near_words = lookups(entries(plenary=20))
    assert suggest("plenary", known_words, near_words, platform=own) is None
    assert not read
