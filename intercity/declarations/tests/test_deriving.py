from hypothesis import given
from hypothesis import strategies as st

from intercity.declarations.deriving import derive_commitments, matching_themes, short_title


def test_a_title_drops_the_to_and_stops_at_the_first_clause_break():
    assert short_title("to address energy issues; in order to promote") == "Address energy issues"


def test_a_long_title_is_shortened_on_a_word():
    title = short_title("to " + "cooperate widely " * 20)
    assert title.endswith("…") and len(title) <= 110


def test_themes_match_on_their_significant_words():
    themes = [("energy-saving", "Energy saving"), ("water", "Clean water supply")]
    assert matching_themes("energy-saving label products", themes) == ["energy-saving"]


def test_a_clause_with_a_short_intro_yields_only_its_sub_items():
    clauses = [
        {"number": "1", "text": "x", "intro": "We agree to:", "subitems": [
            {"label": "a", "text": "plant trees in Hanoi"}, {"label": "b", "text": "share data"}]},
    ]  # fmt: skip
    drafts = derive_commitments(clauses, known_cities=["Hanoi", "Tokyo"])
    assert [(d.subitem_label, d.named_cities) for d in drafts] == [("a", ["Hanoi"]), ("b", [])]


@given(st.lists(st.fixed_dictionaries({
    "number": st.one_of(st.none(), st.text(max_size=3)),
    "text": st.text(max_size=200),
    "intro": st.one_of(st.none(), st.text(max_size=80)),
    "subitems": st.lists(st.fixed_dictionaries({
        "label": st.one_of(st.none(), st.text(max_size=2)), "text": st.text(max_size=80)}),
        max_size=3),
}), max_size=5))  # fmt: skip
def test_deriving_never_raises(clauses):
    for draft in derive_commitments(clauses, known_cities=["Tokyo"], themes=[("a", "Energy")]):
        assert draft.title


def test_a_title_does_not_stop_at_an_initial_or_initialism():
    assert short_title("to invite the U.S. Department of Water to join. The rest follows.") == (
        "Invite the U.S. Department of Water to join"
    )
    assert short_title("to thank Governor Maria T. Reyes for hosting. The rest.") == (
        "Thank Governor Maria T. Reyes for hosting"
    )
    assert short_title("จะจัดประชุมครั้งต่อไปในปี พ.ศ. 2570 ที่เชียงใหม่") == (
        "จะจัดประชุมครั้งต่อไปในปี พ.ศ. 2570 ที่เชียงใหม่"
    )


def test_a_title_still_stops_at_the_end_of_a_sentence():
    assert short_title("to share flood data. Then to meet again.") == "Share flood data"
    assert short_title("to meet in 2027. Then again.") == "Meet in 2027"
