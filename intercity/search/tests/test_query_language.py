"""The language a query is likely written in, from its words' records and the reader."""

from intercity.search.query_language import (
    likely_languages,
    query_languages,
    scripts_of,
    spelt_alike,
)


def test_the_readers_language_among_the_words_languages_is_the_likely_one():
    assert likely_languages("air", ["en", "id", "ms"], "en") == {"en"}
    # Malay is read as Indonesian by an Indonesian reader.
    assert likely_languages("air", ["en", "id", "ms"], "id") == {"id", "ms"}
    assert likely_languages("воды", ["ru", "mn"], "mn-MN") == {"mn"}


def test_nothing_is_likelier_when_the_reader_does_not_read_any_of_them_or_only_one_is_found():
    assert likely_languages("air", ["en", "id"], "ja") is None
    assert likely_languages("air", ["en", "en"], "en") is None
    assert likely_languages("air", ["id", "ms"], "id") is None
    assert likely_languages("air", ["en", "id"], None) is None


def test_only_languages_written_in_the_querys_script_claim_its_words():
    # "air" in a Japanese record is a borrowed word.
    assert likely_languages("air", ["en", "ja"], "en") is None
    assert scripts_of("Воздух air") == {"CYRILLIC", "LATIN"}


def test_a_record_of_another_language_of_the_same_script_is_found_by_a_word_spelt_alike():
    likely = frozenset({"en"})
    assert spelt_alike("air", "id", likely)
    assert not spelt_alike("air", "en", likely)
    assert not spelt_alike("air", "ja", likely)
    assert not spelt_alike("air", "", likely)
    assert not spelt_alike("air", "id", None)
    # A record in a language the thesaurus named its concept in was looked for.
    assert not spelt_alike("air quality", "id", likely, own={"id"})


def test_a_query_is_written_in_the_languages_of_its_script():
    assert query_languages("東京") == {"ja", "zh", "ko"}
    assert query_languages("ハノイ") == {"ja"}
    assert query_languages("Hanoi plenary") == {"en", "fil", "id", "ms", "vi"}
    assert query_languages("กรุงเทพ") == {"th"}
    assert query_languages("Улаанбаатар") == {"ru", "mn"}
    # Digits and signs are in every language, so in none.
    assert query_languages("2030 / 21") == frozenset()


def test_the_language_a_client_states_wins_over_the_script():
    assert query_languages("Hanoi", "ja") == {"ja"}
    assert query_languages("東京", "zh-Hant") == {"zh"}
    # Indonesian and Malay readers read each other's words as their own.
    assert query_languages("air bersih", "id") == {"id", "ms"}
    assert query_languages("Hanoi", "") == query_languages("Hanoi")
