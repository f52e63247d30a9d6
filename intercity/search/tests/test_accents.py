"""Restoring the accents of Vietnamese typed without them, for the semantic side of search."""

from intercity.search.accents import AccentModel, fold

TEXTS = [
    "Giảm ô nhiễm không khí trong đô thị.",
    "Quy hoạch đô thị và tiết kiệm năng lượng.",
    "Không khí sạch cho thành phố.",
    "Đô thị thông minh.",
]


def test_fold_is_what_a_keyboard_without_accents_types():
    assert fold("Đô") == "do"
    assert fold("nhiễm") == "nhiem"


def test_a_query_without_accents_is_restored_from_known_text():
    model = AccentModel().learn(TEXTS)
    assert model.restore("o nhiem khong khi do thi") == "ô nhiễm không khí đô thị"
    assert model.restore("Tiet kiem nang luong!") == "tiết kiệm năng lượng"


def test_pairs_choose_between_readings_of_one_syllable():
    # "do" reads "đô" before "thị" but "độ" before "ẩm" here.
    model = AccentModel().learn(["đô thị đô thị đô thị", "độ ẩm độ ẩm", "đô"])
    assert model.restore("do am") == "độ ẩm"
    assert model.restore("do thi") == "đô thị"


def test_other_queries_are_left_alone():
    model = AccentModel().learn(TEXTS)
    assert model.restore("energy saving in public buildings") is None  # English
    assert model.restore("ô nhiễm không khí") is None  # accents already typed
    assert model.restore("khí") is None  # accents typed
    assert model.restore("khong") is None  # one word says too little
    assert model.restore("大気汚染") is None
    assert AccentModel().restore("o nhiem khong khi") is None  # nothing learnt


def test_a_known_pair_outweighs_readings_more_frequent_alone():
    # "ở" and "nhiệm" are each far more common here than "ô" and "nhiễm", but never together.
    model = AccentModel().learn(
        [
            "ở đây, ở nhà, ở trường, ở trên, ở dưới.",
            "Trách nhiệm, nhiệm vụ, nhiệm kỳ, bổ nhiệm.",
            "Ô nhiễm không khí.",
        ]
    )
    assert model.restore("o nhiem khong khi") == "ô nhiễm không khí"
    assert model.restore("trach nhiem o nha") == "trách nhiệm ở nhà"
