"""City names are recognised in a query whatever the language, accents, case or spacing."""

from intercity.search.places import cities_named

NAMES = {
    "hanoi": ["Hanoi", "Hà Nội", "ハノイ", "하노이", "Ханой", "河內", "ฮานอย"],
    "seoul": ["Seoul", "ソウル", "서울", "Сеул"],
    "tokyo": ["Tokyo", "東京", "Токио"],
}


def test_a_name_is_found_in_any_of_its_languages():
    for query in (
        "Hanoi",
        "hà nội",
        "HA NOI",
        "Ha Noi waste sorting",
        "ハノイのごみ",
        "하노이",
        "ฮานอย",
    ):
        assert cities_named(query, NAMES) == ["hanoi"], query


def test_several_cities_can_be_named_and_none_is_invented():
    assert cities_named("Seoul and 東京", NAMES) == ["seoul", "tokyo"]
    assert cities_named("clean water", NAMES) == []
    assert cities_named("", NAMES) == []


def test_a_latin_name_must_cover_whole_words():
    assert cities_named("Seoulite cuisine", NAMES) == []
    assert cities_named("tokyoite", NAMES) == []


def test_a_one_letter_name_is_never_matched():
    assert cities_named("a plan for x", {"x-city": ["X", "x"]}) == []


def test_a_latin_name_mistyped_by_one_letter_is_still_recognised():
    names = {**NAMES, "bangkok": ["Bangkok", "กรุงเทพ"], "tomsk": ["Tomsk"]}
    assert cities_named("bangkock", names) == ["bangkok"]  # one letter too many
    assert cities_named("hanio drills", names) == ["hanoi"]  # two letters swapped
    assert cities_named("Tokio", names) == ["tokyo"]  # one letter changed
    assert cities_named("bnagkokk", names) == []  # two mistakes are another word
    assert cities_named("toms", names) == []  # a short name is matched only as written
