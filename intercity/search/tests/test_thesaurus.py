"""The themes thesaurus: which queries name a concept, and what they then also look for."""

from intercity.search import thesaurus
from intercity.search.text import query_terms


def _concepts(query, lang=None):
    return thesaurus.concepts_in(query_terms(query, lang))


def test_vietnamese_typed_without_accents_names_the_air_quality_theme():
    assert _concepts("o nhiem khong khi do xe diesel") == ["air-pollution"]
    assert _concepts("ô nhiễm không khí", "vi") == ["air-pollution"]


def test_a_theme_is_found_in_scripts_without_spaces():
    assert _concepts("大気汚染の対策", "ja") == ["air-pollution"]
    assert _concepts("การจราจรติดขัดในเมือง", "th") == ["traffic-congestion"]


def test_one_syllable_of_a_vietnamese_word_does_not_name_a_theme():
    # "bảo vệ" (protect) folds to "bao ve"; "bão" (storm) is kept out of the thesaurus.
    assert _concepts("bảo vệ môi trường") == []


def test_words_inside_other_words_do_not_name_a_theme():
    assert _concepts("smoggy") == []
    assert _concepts("retrade agreement") == []


def test_a_named_theme_adds_its_words_in_the_other_languages():
    groups = thesaurus.alternatives(query_terms("smog"))
    flat = {term for group in groups for term in group}
    assert {"大気", "汚染"} <= flat
    assert ["o", "nhiem", "khong", "khi"] in groups
    assert ["smog"] not in groups  # the query's own words are asked for anyway


def test_every_concept_has_words_in_all_thirteen_languages():
    languages = {"en", "ja", "ko", "vi", "th", "id", "ms", "ru", "zh-hant", "mn", "my", "hi", "fil"}
    by_concept: dict[str, set[str]] = {}
    for entry in thesaurus.entries():
        by_concept.setdefault(entry.concept, set()).add(entry.language)
    assert len(by_concept) >= 20
    for concept, found in by_concept.items():
        assert found == languages, concept


def test_a_concept_is_expanded_but_not_its_whole_theme():
    groups = thesaurus.alternatives(query_terms("earthquake"))
    flat = {term for group in groups for term in group}
    assert "地震" in flat
    assert "flood" not in flat and "洪水" not in flat


def test_expansion_is_bounded():
    many = query_terms("smog traffic jam recycling dengue tourism investment education flood")
    assert len(thesaurus.alternatives(many)) <= thesaurus.MAX_ALTERNATIVES
