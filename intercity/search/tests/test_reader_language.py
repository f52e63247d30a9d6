"""Equal matches in several languages: the reader's first, then the query's, and never above a
better match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from intercity.search.query_language import base, query_languages
from intercity.search.reader_language import (
    NEAR_TIE,
    language_preference,
    near_ties_by_preference,
)


def test_the_readers_language_is_preferred_whatever_its_region_or_case():
    assert language_preference("zh-Hant", "zh-hant") == 0
    assert language_preference("en", "en-GB") == 0
    assert language_preference("vi", "en") == 2


def test_a_text_of_unknown_language_or_a_reader_without_one_has_no_preference():
    assert language_preference("", "en") == 2
    assert language_preference("en", None) == 2
    assert language_preference("", None) == 2


def test_after_the_readers_language_come_the_languages_the_query_is_written_in():
    latin = query_languages("ANMC21 Hanoi")
    assert language_preference("ja", "ja", latin) == 0
    assert language_preference("vi", "ja", latin) == 1
    assert language_preference("en-GB", "ja", latin) == 1
    assert language_preference("th", "ja", latin) == 2
    # Nor reader nor query tells anything of a text of unknown language.
    assert language_preference("", "ja", latin) == 2
    assert language_preference("en", None, latin) == 1


def test_the_readers_language_wins_over_the_querys_among_near_ties():
    # One record name in three versions, indexed Thai, Japanese, English; typed in Latin
    # letters by a reader of Japanese.
    ranking = [("th", 5.0), ("ja", 4.99), ("en", 4.98)]
    written_in = query_languages("ANMC21")
    for reader, expected in [("ja", ["ja", "en", "th"]), ("th", ["th", "en", "ja"])]:
        preference = {key: language_preference(key, reader, written_in) for key, _ in ranking}
        assert [key for key, _ in near_ties_by_preference(ranking, preference)] == expected
    # A reader of none of them: the version in the query's language first.
    preference = {key: language_preference(key, "ko", written_in) for key, _ in ranking}
    assert [key for key, _ in near_ties_by_preference(ranking, preference)][0] == "en"


def test_the_querys_language_never_outranks_a_clearly_better_match():
    ranking = [("th", 10.0), ("en", 9.0)]
    preference = {key: language_preference(key, "ja", {"en"}) for key, _ in ranking}
    assert near_ties_by_preference(ranking, preference) == ranking


@given(
    st.sampled_from(["en", "ja", "th", "vi", "zh-hant", "", "id"]),
    st.sampled_from(["en", "ja", "th", "vi", "zh-Hant", "ms"]),
    st.frozensets(st.sampled_from(["en", "ja", "th", "vi", "zh", "id", "ms"])),
)
def test_the_readers_language_always_leads_and_the_querys_comes_next(language, reader, written_in):
    preference = language_preference(language, reader, written_in)
    assert language_preference(reader, reader, written_in) == 0
    if base(language) == base(reader):
        assert preference == 0
    elif language and base(language) in written_in:
        assert preference == 1
    else:
        assert preference == 2


def test_equal_scores_come_in_the_preferred_order_and_the_order_flips_with_it():
    ranking = [("en", 4.0), ("ja", 4.0)]
    assert near_ties_by_preference(ranking, {"en": 1, "ja": 0}) == [("ja", 4.0), ("en", 4.0)]
    assert near_ties_by_preference(ranking, {"en": 0, "ja": 1}) == [("en", 4.0), ("ja", 4.0)]


def test_scores_a_hair_apart_are_a_tie_whichever_side_of_a_digit_they_fall():
    ranking = [("en", 3.0000001), ("ja", 2.9999999)]
    assert near_ties_by_preference(ranking, {"en": 1, "ja": 0})[0][0] == "ja"


def test_a_clearly_better_match_keeps_its_place():
    ranking = [("en", 10.0), ("ja", 9.0)]
    assert near_ties_by_preference(ranking, {"en": 1, "ja": 0}) == ranking


def test_bands_are_cut_from_the_top_so_ties_do_not_chain_down_the_list():
    # Each score is within 2 % of the next, but the last is 3 % below the first.
    ranking = [("a", 1.0), ("b", 0.985), ("c", 0.97)]
    ordered = near_ties_by_preference(ranking, {"a": 1, "b": 1, "c": 0})
    assert [key for key, _ in ordered] == ["a", "b", "c"]


def test_keys_without_a_preference_come_last_in_their_band_in_their_own_order():
    ranking = [("x", 1.0), ("y", 1.0), ("z", 1.0)]
    assert [key for key, _ in near_ties_by_preference(ranking, {"z": 0})] == ["z", "x", "y"]


def test_an_exact_tie_only_when_told_no_margin():
    ranking = [("old", 739000.0), ("new", 738999.0), ("same", 738999.0)]
    ordered = near_ties_by_preference(ranking, {"same": 0, "new": 1, "old": 1}, near=0.0)
    assert [key for key, _ in ordered] == ["old", "same", "new"]


@given(
    st.lists(st.floats(min_value=-1e6, max_value=1e6), max_size=30),
    st.lists(st.integers(min_value=0, max_value=2), max_size=30),
)
def test_a_key_never_passes_one_that_beats_it_by_more_than_the_margin(scores, tiers):
    ranking = [(index, score) for index, score in enumerate(sorted(scores, reverse=True))]
    preference = dict(enumerate(tiers))
    ordered = near_ties_by_preference(ranking, preference)
    assert sorted(ordered) == sorted(ranking)
    largest = max((abs(score) for score in scores), default=0.0)
    for position, (_, upper) in enumerate(ordered):
        for _, lower in ordered[position + 1 :]:
            assert lower - upper <= NEAR_TIE * largest
